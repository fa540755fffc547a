/** Running the rules' regular expressions over the engine's windows. */

/**
 * Every match of the global `pattern` in `text`, in order: what
 * `text.matchAll(pattern)` gives for a pattern at `lastIndex` 0. But
 * `matchAll` copies the expression on every call (the specification has it
 * build a new RegExp), and on the short windows the engine hands a detector,
 * often a hundred characters, that copy costs more than the search. This
 * runs `pattern` itself.
 *
 * The matches are collected before returning, so `pattern.lastIndex` is
 * back at 0 before any caller code runs: a detector that yields between
 * matches, or calls another detector using the same pattern, cannot
 * disturb the search.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) {
    throw new TypeError(`matchesOf needs a global pattern, got ${pattern}`)
  }
  const found: RegExpExecArray[] = []
  pattern.lastIndex = 0
  try {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      found.push(m)
      // An empty match would be found again at the same place.
      if (m[0].length === 0) {
        pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern)
      }
    }
  } finally {
    pattern.lastIndex = 0
  }
  return found
}

/** One character on, or one code point with the `u` or `v` flag. */
function nextIndex(text: string, index: number, pattern: RegExp): number {
  if (!/[uv]/.test(pattern.flags)) return index + 1
  const code = text.codePointAt(index)
  return index + (code !== undefined && code > 0xffff ? 2 : 1)
}

/**
 * Whether some line of `text` starts with a match of the sticky `pattern`:
 * what `/(?:^|\n)…/` tests, found by jumping from one line break to the
 * next. On a window of long minified lines that is a handful of fast
 * searches for `\n` instead of trying the pattern at every character.
 */
export function anyLineStartsWith(pattern: RegExp, text: string): boolean {
  if (!pattern.sticky) {
    throw new TypeError(`anyLineStartsWith needs a sticky pattern: ${pattern}`)
  }
  let at = 0
  do {
    pattern.lastIndex = at
    if (pattern.test(text)) return true
    // Past the next line break; 0 when there is none.
    at = text.indexOf('\n', at) + 1
  } while (at !== 0)
  return false
}
