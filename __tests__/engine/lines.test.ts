import {
  LineStartFinder,
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

  it('finds the start of the line of each offset, in ascending order', () => {
    const finder = new LineStartFinder(text)
    for (let offset = 0; offset < text.length; offset += 7) {
      expect(finder.startOf(offset)).toBe(starts[lineOf(offset)])
    }
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
