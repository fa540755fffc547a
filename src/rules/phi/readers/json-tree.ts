/**
 * JSON read into the tree `parseTree` builds, offsets included, without
 * the `yaml` parser. A JSON fixture in which some record would be reported
 * is read a second time for the offsets of its records, and through `yaml`
 * that second read cost far more than everything else the PHI rules do
 * with JSON. This reader is strict JSON, and builds what `yaml` builds
 * from the same text: every entry of a duplicated key, in order; no node
 * for `null`, nor below depth 64; numbers read as YAML's core schema reads
 * them; each node spanning its own characters.
 */
import { MAX_TREE_BYTES, type TreeNode } from './tree.js'

// As in `parseTree`: deeper nodes are left out of the tree.
const MAX_DEPTH = 64

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const INTEGER = /^-?\d+$/

/** Thrown inside the reader for text that is not JSON. */
class NotJson extends Error {}

/**
 * Parses JSON into a tree with offsets, or undefined when `text` is not
 * JSON or is larger than `MAX_TREE_BYTES` (as `parseTree` does).
 */
export function parseJsonTree(text: string): TreeNode | undefined {
  if (text.length > MAX_TREE_BYTES) return undefined
  const reader = new Reader(text)
  try {
    reader.space()
    const root = reader.value(0)
    reader.space()
    if (reader.at !== text.length) return undefined
    return root
  } catch (error) {
    // A stack exhausted by nesting is no fixture either, as in `parseTree`.
    if (error instanceof NotJson || error instanceof RangeError) {
      return undefined
    }
    throw error
  }
}

/** Whether the UTF-16 unit `c` is JSON whitespace (space, tab, LF, CR). */
export const isJsonSpace = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

class Reader {
  at = 0

  constructor(private readonly text: string) {}

  /** Skips JSON whitespace: space, tab, line feed, carriage return. */
  space(): void {
    const text = this.text
    let at = this.at
    while (isJsonSpace(text.charCodeAt(at))) at++
    this.at = at
  }

  /**
   * Reads the value at the cursor. One nested deeper than MAX_DEPTH is
   * still read, so that the text is checked, but no node is made of it.
   */
  value(depth: number): TreeNode | undefined {
    const text = this.text
    const start = this.at
    const keep = depth <= MAX_DEPTH
    switch (text.charCodeAt(start)) {
      case 0x7b /* { */:
        return this.object(depth, keep)
      case 0x5b /* [ */:
        return this.array(depth, keep)
      case 0x22 /* " */: {
        const value = this.string()
        return keep ? { type: 'scalar', value, start, end: this.at } : undefined
      }
      case 0x74 /* t */:
        return this.word('true', keep)
      case 0x66 /* f */:
        return this.word('false', keep)
      case 0x6e /* n */:
        this.word('null', false)
        return undefined
      default:
        return this.number(keep)
    }
  }

  private object(depth: number, keep: boolean): TreeNode | undefined {
    const text = this.text
    const start = this.at++
    const entries: [string, TreeNode][] = []
    this.space()
    if (text.charCodeAt(this.at) === 0x7d /* } */) {
      this.at++
    } else {
      for (;;) {
        if (text.charCodeAt(this.at) !== 0x22) throw new NotJson()
        const key = this.string()
        this.space()
        if (text.charCodeAt(this.at++) !== 0x3a /* : */) throw new NotJson()
        this.space()
        const node = this.value(depth + 1)
        if (node && keep) entries.push([key, node])
        this.space()
        const next = text.charCodeAt(this.at++)
        if (next === 0x7d /* } */) break
        if (next !== 0x2c /* , */) throw new NotJson()
        this.space()
      }
    }
    return keep ? { type: 'map', entries, start, end: this.at } : undefined
  }

  private array(depth: number, keep: boolean): TreeNode | undefined {
    const text = this.text
    const start = this.at++
    const items: TreeNode[] = []
    this.space()
    if (text.charCodeAt(this.at) === 0x5d /* ] */) {
      this.at++
    } else {
      for (;;) {
        const node = this.value(depth + 1)
        if (node && keep) items.push(node)
        this.space()
        const next = text.charCodeAt(this.at++)
        if (next === 0x5d /* ] */) break
        if (next !== 0x2c /* , */) throw new NotJson()
        this.space()
      }
    }
    return keep ? { type: 'seq', items, start, end: this.at } : undefined
  }

  /** Reads the string at the cursor (on its opening quote). */
  private string(): string {
    const text = this.text
    const start = this.at
    let escaped = false
    for (let at = start + 1; at < text.length; at++) {
      const c = text.charCodeAt(at)
      if (c === 0x22 /* " */) {
        this.at = at + 1
        // Escapes are rare in keys and values; the native parser decodes
        // them (and rejects bad ones) exactly as JSON defines them.
        if (!escaped) return text.slice(start + 1, at)
        try {
          return JSON.parse(text.slice(start, at + 1)) as string
        } catch {
          throw new NotJson()
        }
      }
      if (c === 0x5c /* \ */) {
        escaped = true
        at++
      } else if (c < 0x20) {
        throw new NotJson()
      }
    }
    throw new NotJson()
  }

  private word(word: string, keep: boolean): TreeNode | undefined {
    const start = this.at
    if (!this.text.startsWith(word, start)) throw new NotJson()
    this.at += word.length
    return keep
      ? { type: 'scalar', value: word, start, end: this.at }
      : undefined
  }

  private number(keep: boolean): TreeNode | undefined {
    const start = this.at
    NUMBER.lastIndex = start
    const m = NUMBER.exec(this.text)
    if (!m) throw new NotJson()
    this.at = start + m[0].length
    if (!keep) return undefined
    // What `yaml` makes of it: integers through parseInt, others through
    // parseFloat, then the number as a string, as `parseTree` keeps it.
    const n = INTEGER.test(m[0]) ? parseInt(m[0], 10) : parseFloat(m[0])
    return { type: 'scalar', value: String(n), start, end: this.at }
  }
}
