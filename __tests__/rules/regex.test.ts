import { anyLineStartsWith, matchesOf } from '../../src/rules/regex.js'

/** What a test compares: where each match is and what it captured. */
const shape = (matches: Iterable<RegExpMatchArray>) =>
  [...matches].map(m => ({ index: m.index, all: [...m], groups: m.groups }))

describe('matchesOf', () => {
  it.each([
    ['words and named groups', /(?<word>[a-z]+)(?<digit>\d)?/g, 'ab1 cd e2'],
    ['case-insensitive alternatives', /token|secret/gi, 'TOKEN x Secret'],
    ['empty matches at every position', /x*/g, 'axxbx'],
    ['empty matches between astral characters', /(?:)/gu, 'a\u{1f600}b'],
    ['a lookbehind at the start', /(?<![a-z])re_\w{3}/g, 'pre_abc re_abc'],
    ['nothing to find', /zz/g, 'abc'],
    ['line anchors', /^\w+$/gm, 'one\ntwo\n\nthree']
  ])('finds what matchAll finds: %s', (_, pattern, text) => {
    expect(shape(matchesOf(pattern, text))).toEqual(
      shape(text.matchAll(pattern))
    )
  })

  it('starts at the beginning whatever lastIndex a pattern was left at', () => {
    const pattern = /a/g
    pattern.lastIndex = 2
    expect(matchesOf(pattern, 'aaa').map(m => m.index)).toEqual([0, 1, 2])
    expect(pattern.lastIndex).toBe(0)
  })

  it('is not disturbed by a search with the same pattern between matches', () => {
    const pattern = /\d/g
    const seen: number[] = []
    for (const m of matchesOf(pattern, '1 2 3')) {
      seen.push(m.index)
      matchesOf(pattern, '99999')
    }
    expect(seen).toEqual([0, 2, 4])
  })

  it('refuses a pattern without the g flag', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(/global/)
  })
})

describe('anyLineStartsWith', () => {
  const pattern = /[ \t]{0,2}(?:users:|kind: Config(?:\n|$))/y
  const anchored = new RegExp(`(?:^|\n)${pattern.source}`)

  it.each([
    ['the first line', 'users:\n- name: ci', true],
    ['a later line', 'apiVersion: v1\n  users:\n', true],
    ['a line after CRLF', 'a: 1\r\nusers:', true],
    ['the last line, with no line break', 'a: 1\nkind: Config', true],
    ['an indented line', 'a:\n\t users: x', true],
    ['only the middle of a line', 'a: users:\n', false],
    ['too deep an indent', 'a:\n   users:', false],
    ['a line after a lone CR', 'a: 1\rusers:', false],
    ['an empty text', '', false],
    ['a text ending in a line break', 'a: 1\n', false]
  ])('answers as (?:^|\\n) would on %s', (_, text, expected) => {
    expect(anchored.test(text)).toBe(expected)
    expect(anyLineStartsWith(pattern, text)).toBe(expected)
  })

  it('refuses a pattern without the y flag', () => {
    expect(() => anyLineStartsWith(/a/, 'a')).toThrow(/sticky/)
  })
})
