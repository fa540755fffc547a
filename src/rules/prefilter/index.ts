/**
 * The keyword prefilter: one Aho–Corasick pass over the text finds every
 * occurrence of every rule keyword, case-insensitively, in time linear in
 * the text whatever the number of keywords. Rules then run only near hits.
 *
 * Texts of any size go through the WebAssembly loop (wasm.ts); short ones,
 * where copying would cost more than it saves, through the same automaton
 * in JavaScript. Both report exactly the same hits.
 */
import { buildAutomaton, type Automaton } from './automaton.js'
import { PairList } from './pairs.js'
import { WASM_MAX_CLASSES, WasmScanner, wasmAvailable } from './wasm.js'

/** An occurrence of a keyword: which one, and where it ends. */
export interface KeywordHit {
  readonly keyword: number
  /** Offset just past the keyword's last character. */
  readonly end: number
}

export interface KeywordIndexOptions {
  /** Use the WebAssembly loop for long texts (default: when available). */
  readonly wasm?: boolean
}

/** Texts shorter than this (in UTF-16 units) are scanned in JavaScript. */
const WASM_MIN_LENGTH = 128

type OnHit = (keyword: number, end: number) => void

export class KeywordIndex {
  readonly keywords: readonly string[]
  private readonly automaton: Automaton
  private readonly wasm: WasmScanner | undefined
  /** Reused by every scan: the automaton's (end offset, state row) pairs, */
  private readonly rows = new PairList()
  /** and the (keyword, end offset) pairs they stand for. */
  private readonly found = new PairList()

  constructor(keywords: readonly string[], options: KeywordIndexOptions = {}) {
    this.keywords = keywords
    this.automaton = buildAutomaton(keywords)
    this.wasm =
      (options.wasm ?? wasmAvailable) &&
      keywords.length > 0 &&
      this.automaton.alphabet <= WASM_MAX_CLASSES
        ? new WasmScanner(this.automaton)
        : undefined
  }

  /**
   * Every keyword occurrence in `text`, in order of its end: (keyword,
   * offset just past its end) pairs. The list is the index's own and is
   * overwritten by the next call.
   */
  find(text: string): PairList {
    const rows = this.rows
    rows.clear()
    if (this.wasm && text.length >= WASM_MIN_LENGTH) this.wasm.run(text, rows)
    else this.run(text, rows)
    const found = this.found
    found.clear()
    const { outputs, alphabet } = this.automaton
    for (let k = 0; k < rows.length; k++) {
      const end = rows.firsts[k]!
      for (const keyword of outputs[rows.seconds[k]! / alphabet]!) {
        found.push(keyword, end)
      }
    }
    return found
  }

  /** Calls `onHit` for every keyword occurrence in `text`, in order. */
  scan(text: string, onHit: OnHit): void {
    const found = this.find(text)
    for (let k = 0; k < found.length; k++) {
      onHit(found.firsts[k]!, found.seconds[k]!)
    }
  }

  /** All hits in `text`, for callers that want a list. */
  hits(text: string): KeywordHit[] {
    const list: KeywordHit[] = []
    this.scan(text, (keyword, end) => list.push({ keyword, end }))
    return list
  }

  /**
   * The automaton over `text` in JavaScript, appending (end offset, row)
   * pairs for every state where keywords end.
   */
  private run(text: string, hits: PairList): void {
    const { classOf, delta } = this.automaton
    let state = 0
    for (let i = 0; i < text.length; i++) {
      state = delta[state + classOf[text.charCodeAt(i)]!]!
      if (state < 0) {
        state = ~state
        hits.push(i + 1, state)
      }
    }
  }
}
