import { KeywordIndex } from '../../src/rules/prefilter/index.js'
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

describe('KeywordIndex on long texts', () => {
  const keywords = ['token', 'secret_key', 'ghp_', 'to', 'https://']
  const js = new KeywordIndex(keywords, { wasm: false })
  const fast = new KeywordIndex(keywords)

  it('finds keywords that straddle the seams between segments and chunks', () => {
    // Chunks are 131,072 units in six segments; put a keyword across
    // every multiple of 1,024 so each seam, wherever it falls, is crossed.
    const parts: string[] = []
    for (let at = 0; at < 400_000; at += 1024) {
      const filler = 'x'.repeat(1024 - 10)
      parts.push(filler, 'secret_key')
    }
    for (const shift of [0, 1, 3, 5, 9]) {
      const text = 'y'.repeat(shift) + parts.join('')
      const hits = found(fast, text)
      expect(hits.length).toBeGreaterThan(390)
      expect(hits).toEqual(found(js, text))
    }
  })

  it('finds keywords across every seam, wherever the seams fall', () => {
    // A keyword covers 10 of every 11 units, so each seam between segments
    // or chunks cuts through one for most shifts of the text.
    const dense = 'secret_key-'.repeat(40_000)
    for (const shift of [0, 1, 2, 3, 4]) {
      const text = 'y'.repeat(shift) + dense
      expect(found(fast, text)).toEqual(found(js, text))
    }
  })

  it('agrees with plain search on random text of every length near a chunk', () => {
    const alphabet = 'tokenTOKsecrt_yghp:/s '
    // Around the length where WebAssembly takes over, and a chunk's.
    const lengths = [1, 2, 35, 36, 127, 128, 129, 140, 1024, 131_071, 131_072]
    for (const length of [...lengths, 131_075]) {
      const text = randomChars(length, length, alphabet) // seeded by its length
      expect(found(fast, text)).toEqual(naive(keywords, text))
    }
  })

  it('reads UTF-16 units whole: a unit whose low byte is a letter is no letter', () => {
    // U+0174 and U+016F have the low bytes of "t" and "o".
    const lookalike = '\u0174\u016fken'
    const text = `${lookalike} `.repeat(600) + 'token'
    // "token" holds "to", keyword 3: both end in the last word only.
    const end = text.length
    expect(found(fast, text)).toEqual([`${end - 3}:3`, `${end}:0`])
  })

  it('scans keywords of more characters than the WebAssembly loop takes', () => {
    // Every printable ASCII character, letters folded: 68 classes.
    const wide = [
      ...new Set(
        Array.from({ length: 94 }, (_, i) =>
          String.fromCharCode(33 + i)
            .toLowerCase()
            .repeat(2)
        )
      )
    ]
    const index = new KeywordIndex(wide)
    const text = randomChars(5000, 5000, '!#%&*+-/09:;<=>?@AZaz[]^_{|}~ ')
    expect(found(index, text)).toEqual(naive(wide, text))
  })

  it('reports a hit at every unit of a text made of one keyword', () => {
    const text = 'to'.repeat(200_000)
    const hits = fast.hits(text)
    expect(hits).toHaveLength(200_000)
    expect(found(fast, text)).toEqual(found(js, text))
  })
})
