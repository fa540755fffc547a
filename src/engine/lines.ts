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

/** Offset of the start of the line `context` lines above `offset`'s line. */
export function windowStart(
  text: string,
  offset: number,
  context: number
): number {
  let at = offset
  for (let n = 0; n <= context; n++) {
    const nl = text.lastIndexOf('\n', at - 1)
    if (nl === -1) return 0
    at = nl
  }
  return at + 1
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
