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
 * The line holding each of a series of offsets that never decrease, as
 * the prefilter's hits arrive: its start, and its end (the offset of its
 * line break, or the text's length).
 *
 * Hits cluster: a minified bundle's megabyte-long line can hold thousands.
 * The line found last is kept, so further hits on it cost nothing, and a
 * new line costs a search back from its first hit to its start and one
 * forward to its end. The search back stops at the previous line's break
 * at the latest, so over a whole text no character is read twice.
 */
export class LineFinder {
  /** Start of the line located last. */
  start = 0
  /** End of the line located last; below `start` before the first. */
  end = -1

  constructor(private readonly text: string) {}

  /** Locates the line holding `offset`; sets `start` and `end`. */
  locate(offset: number): void {
    if (offset <= this.end) return
    const text = this.text
    // `lastIndexOf` reads at least the unit at its start, even at -1.
    this.start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
    const nl = text.indexOf('\n', offset)
    this.end = nl === -1 ? text.length : nl
  }
}
