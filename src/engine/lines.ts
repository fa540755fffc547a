/** Offsets and lines in a text, for turning match offsets into positions. */

/** Offsets at which each line of `text` starts; the first is 0. */
export function lineStarts(text: string): readonly number[] {
  return new LineStarts(text).through(text.length)
}

/**
 * The line starts of a text, found only as far as they are asked for: a
 * finding in the middle of a 26,000-line file needs the first half.
 */
export class LineStarts {
  private readonly starts: number[] = [0]
  /** Where the search for the next line break goes on; -1 at the end. */
  private next = 0

  constructor(private readonly text: string) {}

  /**
   * The starts of every line up to the one holding `offset`, and of the
   * line after it when there is one: enough for `lineIndexAt` and
   * `lineText` on that line and any before it.
   */
  through(offset: number): readonly number[] {
    const { starts, text } = this
    while (this.next !== -1 && starts[starts.length - 1]! <= offset) {
      const nl = text.indexOf('\n', this.next)
      if (nl === -1) this.next = -1
      else starts.push((this.next = nl + 1))
    }
    return starts
  }
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
 * The line found last is kept, so further hits on it cost nothing. A new
 * line's start is searched for backwards only when a forward search shows
 * a break close before the hit: searching back costs about 0.6 ns a
 * character, forward about 0.04, so the start of a long line is found by
 * searching forward from the last line known. Either way no character is
 * searched twice over a whole text.
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
    // Every line before `known` has been passed; one starts there.
    const known = this.end + 1
    const near = Math.max(known, offset - LOOK_BACK)
    const first = text.indexOf('\n', near)
    if (first === -1 || first >= offset) {
      // No break in [near, offset): the line starts at or before `near`,
      // and `first` ends it.
      let start = known
      if (near > known) {
        let nl = text.indexOf('\n', known)
        while (nl !== -1 && nl < near) {
          start = nl + 1
          nl = text.indexOf('\n', start)
        }
      }
      this.start = start
      this.end = first === -1 ? text.length : first
      return
    }
    // A break at `first` or later, before `offset`, bounds the search back.
    this.start = text.lastIndexOf('\n', offset - 1) + 1
    const nl = text.indexOf('\n', offset)
    this.end = nl === -1 ? text.length : nl
  }
}

/** How far before a hit a line break is looked for backwards. */
const LOOK_BACK = 256
