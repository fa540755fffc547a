import { KeywordIndex } from '../../src/rules/prefilter.js'
import { randomChars } from '../helpers/fake-values.js'

/** Every (keyword, end) pair found by plain string search. */
function naive(keywords: readonly string[], text: string): string[] {
  const lower = text.toLowerCase()
  const found: string[] = []
  for (let end = 1; end <= text.length; end++) {
    keywords.forEach((word, index) => {
      const start = end - word.length
      if (start >= 0 && lower.slice(start, end) === word) {
        found.push(`${end}:${index}`)
      }
    })
  }
  return found
}

const found = (index: KeywordIndex, text: string) =>
  index.hits(text).map(hit => `${hit.end}:${hit.keyword}`)

describe('KeywordIndex', () => {
  const keywords = [
    'token',
    'to',
    'ok',
    'api_key',
    'kind: secret',
    'ghp_',
    'p_'
  ]

  it('finds every occurrence of every keyword, overlapping ones included', () => {
    const index = new KeywordIndex(keywords)
    const text = 'my Token=ghp_x; api_KEY: KIND: Secret tokentok'
    expect(found(index, text)).toEqual(naive(keywords, text))
  })

  it('agrees with plain search on long random text', () => {
    const index = new KeywordIndex(keywords)
    const text = randomChars(9, 200_000, 'tokenapi_ky:dsrcghKINDTOP ')
    const hits = found(index, text)
    expect(hits.length).toBeGreaterThan(1000)
    expect(hits).toEqual(naive(keywords, text))
  })

  it('reads non-ASCII characters as breaks, never as letters', () => {
    const index = new KeywordIndex(['token'])
    expect(found(index, 'tok\u00e9n tok\u0130en token')).toEqual(['18:0'])
  })

  it('refuses a keyword it could never match', () => {
    expect(() => new KeywordIndex(['caf\u00e9'])).toThrow(/non-ASCII/)
    expect(() => new KeywordIndex([''])).toThrow(/empty/)
  })
})
