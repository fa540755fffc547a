/**
 * The keyword prefilter: one Aho–Corasick pass over the text finds every
 * occurrence of every rule keyword, case-insensitively, in time linear in
 * the text whatever the number of keywords. Rules then run only near hits.
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

export class KeywordIndex {
  readonly keywords: readonly string[]
  private readonly classOf = new Uint8Array(128)
  private readonly alphabet: number
  private readonly delta: Int32Array
  /** For each state, the keywords that end there (via output links). */
  private readonly outputs: (readonly number[] | undefined)[]

  constructor(keywords: readonly string[]) {
    this.keywords = keywords
    let next = 1
    for (const word of keywords) {
      for (let i = 0; i < word.length; i++) {
        const code = word.toLowerCase().charCodeAt(i)
        if (code >= 128) {
          throw new Error(
            `Keyword "${word}" has a non-ASCII character; keywords must be ASCII`
          )
        }
        if (this.classOf[code] === OTHER) {
          this.classOf[code] = next
          const upper = String.fromCharCode(code).toUpperCase().charCodeAt(0)
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
    this.delta = delta
    this.outputs = out.map(list => (list.length > 0 ? list : undefined))
  }

  /** Calls `onHit` for every keyword occurrence in `text`, in order. */
  scan(text: string, onHit: (keyword: number, end: number) => void): void {
    const { classOf, alphabet, delta, outputs } = this
    let state = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      const c = code < 128 ? classOf[code]! : OTHER
      state = delta[state * alphabet + c]!
      const found = outputs[state]
      if (found !== undefined) {
        for (const keyword of found) onHit(keyword, i + 1)
      }
    }
  }

  /** All hits in `text`, for callers that want a list. */
  hits(text: string): KeywordHit[] {
    const list: KeywordHit[] = []
    this.scan(text, (keyword, end) => list.push({ keyword, end }))
    return list
  }
}
