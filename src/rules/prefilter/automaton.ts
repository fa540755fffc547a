/**
 * The keyword automaton: an Aho–Corasick trie over every keyword, made a
 * DFA over a small alphabet of character classes so that scanning reads
 * each character once, never backtracks, and visits table rows that stay
 * in the CPU cache.
 */

// Characters are folded to a small alphabet before the automaton sees them:
// ASCII letters case-insensitively, digits and punctuation as themselves,
// everything else (including all non-ASCII) as one "other" class that no
// keyword contains.
export const OTHER = 0

export interface Automaton {
  /** Class of every UTF-16 unit: `OTHER` for all that no keyword contains. */
  readonly classOf: Uint8Array
  /** Number of classes: the width of a row of `delta`. */
  readonly alphabet: number
  /**
   * Entry `row + class`, where `row` is a state times the alphabet size:
   * the next state's row, bit-inverted when keywords end in that state, so
   * a scan needs one load and one sign test per character. Reading an
   * `OTHER` character always leads back to the start row, 0.
   */
  readonly delta: Int32Array
  /** For each state, the keywords that end there (via output links). */
  readonly outputs: readonly (readonly number[] | undefined)[]
  /** Length of the longest keyword. */
  readonly longest: number
}

/** Builds the automaton; keywords must be non-empty ASCII. */
export function buildAutomaton(keywords: readonly string[]): Automaton {
  const classOf = new Uint8Array(65536)
  let next = 1
  for (const word of keywords) {
    if (word.length === 0 || /[^\x01-\x7f]/.test(word)) {
      throw new Error(
        `Keyword "${word}" is empty or has a non-ASCII character; ` +
          'keywords must be non-empty ASCII'
      )
    }
    for (const ch of word.toLowerCase()) {
      const code = ch.charCodeAt(0)
      if (classOf[code] === OTHER) {
        classOf[code] = next
        const upper = ch.toUpperCase().charCodeAt(0)
        if (upper < 128) classOf[upper] = next
        next++
      }
    }
  }
  const alphabet = next

  // Build the trie, then turn it into a full transition table (a DFA) by
  // breadth-first failure links, so scanning never backtracks.
  const goto: number[][] = [new Array<number>(alphabet).fill(-1)]
  const out: number[][] = [[]]
  keywords.forEach((word, index) => {
    let state = 0
    for (const ch of word.toLowerCase()) {
      const c = classOf[ch.charCodeAt(0)]!
      let to = goto[state]![c]!
      if (to === -1) {
        to = goto.length
        goto.push(new Array<number>(alphabet).fill(-1))
        out.push([])
        goto[state]![c] = to
      }
      state = to
    }
    out[state]!.push(index)
  })

  const states = goto.length
  const delta = new Int32Array(states * alphabet)
  const fail = new Int32Array(states)
  const queue: number[] = []
  for (let c = 0; c < alphabet; c++) {
    const to = goto[0]![c]!
    delta[c] = to === -1 ? 0 : to
    if (to > 0) queue.push(to)
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!
    out[state]!.push(...out[fail[state]!]!)
    for (let c = 0; c < alphabet; c++) {
      const to = goto[state]![c]!
      if (to === -1) {
        delta[state * alphabet + c] = delta[fail[state]! * alphabet + c]!
      } else {
        fail[to] = delta[fail[state]! * alphabet + c]!
        delta[state * alphabet + c] = to
        queue.push(to)
      }
    }
  }
  return {
    classOf,
    alphabet,
    delta: delta.map(to =>
      out[to]!.length > 0 ? ~(to * alphabet) : to * alphabet
    ),
    outputs: out.map(list => (list.length > 0 ? list : undefined)),
    longest: keywords.reduce((max, word) => Math.max(max, word.length), 0)
  }
}
