/**
 * The keyword prefilter: one Aho–Corasick pass over the text finds every
 * occurrence of every rule keyword, case-insensitively, in time linear in
 * the text whatever the number of keywords. Rules then run only near hits.
 *
 * The automaton is a DFA over a small alphabet of character classes, so
 * the rows the scan visits stay in the CPU cache, with each entry already
 * multiplied out to its row: one load and one sign test per character.
 */

/** An occurrence of a keyword: which one, and where it ends. */
export interface KeywordHit {
  readonly keyword: number
  /** Offset just past the keyword's last character. */
  readonly end: number
}

// Characters are folded to a small alphabet before the automaton sees them:
// ASCII letters case-insensitively, digits and punctuation as themselves,
// everything else (including all non-ASCII) as one "other" class that no
// keyword contains.
const OTHER = 0

type OnHit = (keyword: number, end: number) => void

export class KeywordIndex {
  readonly keywords: readonly string[]
  /** Class of every UTF-16 unit: 0 for all that no keyword contains. */
  private readonly classOf = new Uint8Array(65536)
  private readonly alphabet: number
  /**
   * Entry `row + class`, where `row` is a state times the alphabet size:
   * the next state's row, bit-inverted when keywords end in that state, so
   * the hot loop needs one load and one sign test per character.
   */
  private readonly delta: Int32Array
  /** For each state, the keywords that end there (via output links). */
  private readonly outputs: (readonly number[] | undefined)[]

  constructor(keywords: readonly string[]) {
    this.keywords = keywords
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
        if (this.classOf[code] === OTHER) {
          this.classOf[code] = next
          const upper = ch.toUpperCase().charCodeAt(0)
          if (upper < 128) this.classOf[upper] = next
          next++
        }
      }
    }
    this.alphabet = next

    // Build the trie, then turn it into a full transition table (a DFA) by
    // breadth-first failure links, so scanning never backtracks.
    const goto: number[][] = [new Array<number>(next).fill(-1)]
    const out: number[][] = [[]]
    keywords.forEach((word, index) => {
      let state = 0
      for (const ch of word.toLowerCase()) {
        const c = this.classOf[ch.charCodeAt(0)]!
        let to = goto[state]![c]!
        if (to === -1) {
          to = goto.length
          goto.push(new Array<number>(next).fill(-1))
          out.push([])
          goto[state]![c] = to
        }
        state = to
      }
      out[state]!.push(index)
    })

    const states = goto.length
    const delta = new Int32Array(states * next)
    const fail = new Int32Array(states)
    const queue: number[] = []
    for (let c = 0; c < next; c++) {
      const to = goto[0]![c]!
      delta[c] = to === -1 ? 0 : to
      if (to > 0) queue.push(to)
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!
      out[state]!.push(...out[fail[state]!]!)
      for (let c = 0; c < next; c++) {
        const to = goto[state]![c]!
        if (to === -1) {
          delta[state * next + c] = delta[fail[state]! * next + c]!
        } else {
          fail[to] = delta[fail[state]! * next + c]!
          delta[state * next + c] = to
          queue.push(to)
        }
      }
    }
    this.delta = delta.map(to =>
      out[to]!.length > 0 ? ~(to * next) : to * next
    )
    this.outputs = out.map(list => (list.length > 0 ? list : undefined))
  }

  /** Calls `onHit` for every keyword occurrence in `text`, in order. */
  scan(text: string, onHit: OnHit): void {
    this.report(this.run(text, 0, text.length, 0, []), onHit)
  }

  /** All hits in `text`, for callers that want a list. */
  hits(text: string): KeywordHit[] {
    const list: KeywordHit[] = []
    this.scan(text, (keyword, end) => list.push({ keyword, end }))
    return list
  }

  /**
   * Runs the automaton over `text[from, to)` starting in `row`, appending
   * (end offset, row) pairs for every state where keywords end.
   */
  private run(
    text: string,
    from: number,
    to: number,
    row: number,
    hits: number[]
  ): number[] {
    const { classOf, delta } = this
    let state = row
    for (let i = from; i < to; i++) {
      state = delta[state + classOf[text.charCodeAt(i)]!]!
      if (state < 0) {
        state = ~state
        hits.push(i + 1, state)
      }
    }
    return hits
  }

  /** Reports `hits`, keyword by keyword. */
  private report(hits: readonly number[], onHit: OnHit) {
    for (let k = 0; k < hits.length; k += 2) {
      const end = hits[k]!
      for (const keyword of this.outputs[hits[k + 1]! / this.alphabet]!) {
        onHit(keyword, end)
      }
    }
  }
}
