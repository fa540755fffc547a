/** Offsets and lines in a text, for turning match offsets into positions. */

/** Offsets at which each line of `text` starts; the first is 0. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  let at = text.indexOf('\n')
  while (at !== -1) {
    starts.push(at + 1)
    at = text.indexOf('\n', at + 1)
  }
  return starts
}

/** 0-based index of the line holding `offset`, by binary search. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (starts[mid]! <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/** The text of the 0-based line `index`, without its line break. */
export function lineText(
  text: string,
  starts: readonly number[],
  index: number
): string {
  const start = starts[index] ?? text.length
  const next = starts[index + 1]
  let end = next === undefined ? text.length : next - 1
  if (end > start && text.charCodeAt(end - 1) === 13) end--
  return text.slice(start, end)
}

/**
 * Offset of the start of the line `count` lines above the line that starts
 * at `lineStart`, or 0.
 */
export function linesAbove(text: string, lineStart: number, count: number) {
  let at = lineStart
  for (let n = 0; n < count && at > 0; n++) {
    // `at - 1` ends the line above; the break before that starts it.
    at = at >= 2 ? text.lastIndexOf('\n', at - 2) + 1 : 0
  }
  return at
}

/** Offset just past the end of the line `context` lines below `offset`'s. */
export function windowEnd(
  text: string,
  offset: number,
  context: number
): number {
  let at = offset
  for (let n = 0; n <= context; n++) {
    const nl = text.indexOf('\n', at)
    if (nl === -1) return text.length
    at = nl + 1
  }
  return at - 1
}

/**
 * Offset of the start of `offset`'s line, or `offset - reach` if the line
 * starts further back: the cost is bounded by `reach`, not the line.
 */
export function reachStart(text: string, offset: number, reach: number) {
  const low = Math.max(0, offset - reach)
  for (let i = offset - 1; i >= low; i--) {
    if (text.charCodeAt(i) === 10) return i + 1
  }
  return low
}

/** Offset of the end of `offset`'s line, or `offset + reach`, bounded. */
export function reachEnd(text: string, offset: number, reach: number) {
  const high = Math.min(text.length, offset + reach)
  for (let i = offset; i < high; i++) {
    if (text.charCodeAt(i) === 10) return i
  }
  return high
}

/**
 * The start of the line holding each of a series of offsets that never
 * decrease, as the prefilter's hits arrive. `lastIndexOf` walks back a
 * character at a time, far slower than `indexOf` searches forward, so a
 * hit deep in a minified bundle's megabyte-long line would cost a slow
 * walk to its start: this looks back a short way, and on a long line
 * searches forward from the last line start it knows instead.
 */
export class LineStartFinder {
  /** A line start at or before the line of every offset still to come. */
  private known = 0

  constructor(private readonly text: string) {}

  startOf(offset: number): number {
    const text = this.text
    const low = Math.max(this.known, offset - 256)
    const near = reachStart(text, offset, offset - low)
    if (near > low || low === this.known) return (this.known = near)
    // No line break in the 256 characters before `offset`: the line starts
    // after the last break before `low`, found by searching forward.
    let start = this.known
    let nl = text.indexOf('\n', start)
    while (nl !== -1 && nl < low) {
      start = nl + 1
      nl = text.indexOf('\n', start)
    }
    return (this.known = start)
  }
}
