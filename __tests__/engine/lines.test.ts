import {
  LineFinder,
  LineStarts,
  lineStarts,
  linesAbove,
  lineIndexAt
} from '../../src/engine/lines.js'
import { randomChars } from '../helpers/fake-values.js'

describe('line offsets', () => {
  // Short lines, empty lines and lines far longer than the finder's
  // 256-character look-back, so every path is taken.
  const text = [
    '',
    'short',
    '',
    'x'.repeat(5000),
    randomChars(3, 3000, 'ab\n'),
    'y'.repeat(300),
    '\n',
    'z'.repeat(70_000),
    'end'
  ].join('\n')
  const starts = lineStarts(text)
  const lineOf = (offset: number) => lineIndexAt(starts, offset)

  // The offset of each line's break, or the text's length for the last.
  const endOf = (line: number) =>
    line + 1 < starts.length ? starts[line + 1]! - 1 : text.length

  it.each([1, 7, 255, 4999])(
    'finds the start and end of the line of offsets %i apart, in ascending order',
    step => {
      const finder = new LineFinder(text)
      for (let offset = 0; offset <= text.length; offset += step) {
        finder.locate(offset)
        const line = lineOf(offset)
        expect([finder.start, finder.end]).toEqual([starts[line], endOf(line)])
      }
    }
  )

  it('locates a line break as the end of the line it closes', () => {
    const finder = new LineFinder(text)
    for (const line of [0, 1, 2, 3, 5]) {
      finder.locate(endOf(line))
      expect([finder.start, finder.end]).toEqual([starts[line], endOf(line)])
    }
  })

  it('finds line starts as far as asked, in any order of offsets', () => {
    const lazy = new LineStarts(text)
    const offsets = [900, 5, text.length - 1, 0, 6000, 77_000, 3, text.length]
    for (const offset of offsets) {
      const found = lazy.through(offset)
      const line = lineOf(offset)
      expect(lineIndexAt(found, offset)).toBe(line)
      expect(found[line + 1]).toBe(starts[line + 1])
    }
    expect(lazy.through(text.length)).toEqual(starts)
  })

  it('finds the line start a given number of lines above', () => {
    for (let offset = 0; offset < text.length; offset += 101) {
      const line = lineOf(offset)
      for (const count of [0, 1, 2, 5, 40]) {
        expect(linesAbove(text, starts[line]!, count)).toBe(
          starts[Math.max(0, line - count)]
        )
      }
    }
  })
})
