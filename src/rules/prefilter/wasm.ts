/**
 * The automaton's scan loop run in WebAssembly (scan.wat), six streams of
 * text at once. A text is copied into the module's memory a chunk at a
 * time, as UTF-16 code units, so memory stays the same whatever its size
 * and every offset is the offset JavaScript sees.
 */
import type { Automaton } from './automaton.js'
import type { PairList } from './pairs.js'
import { SCAN_WASM_BASE64 } from './scan-wasm.js'

/** Code units per chunk copied in; the loop runs six segments of it. */
const CHUNK = 128 * 1024
const STREAMS = 6
/** Segments are a multiple of 4 units, so a chunk's six can overrun it. */
const PADDED = CHUNK + 4 * STREAMS
/**
 * Classes the loop can take: a class times 4 is kept in a byte. A larger
 * keyword alphabet is scanned in JavaScript.
 */
export const WASM_MAX_CLASSES = 64

/**
 * scan.wat reads the class table from address 0 and the transitions from
 * 65536: its loads take that address as their constant offset.
 */
const CLASS_AT = 0
const DELTA_AT = 65536

type Scan = (
  main: number,
  segment: number,
  warm: number,
  hits: number,
  out: number
) => void

let compiled: WebAssembly.Module | undefined

/** Whether this runtime runs WebAssembly (`node --jitless` does not). */
export const wasmAvailable = typeof WebAssembly === 'object'

export class WasmScanner {
  private readonly scan: Scan
  private readonly bytes: Buffer
  private readonly units: Uint16Array
  private readonly words: Int32Array
  /** Units read before a segment so a keyword ending in it is seen whole. */
  private readonly warm: number
  /** Byte address of a chunk's first unit; `warm` units of context precede. */
  private readonly mainAt: number
  private readonly hitsAt: number
  private readonly outAt: number

  constructor(automaton: Automaton) {
    this.warm = Math.max(0, automaton.longest - 1)
    const contextAt = align(DELTA_AT + automaton.delta.byteLength)
    this.mainAt = contextAt + 2 * this.warm
    this.hitsAt = align(this.mainAt + 2 * PADDED)
    // One (end, row) pair of i32 per unit at most: a state with keywords
    // can be entered once per unit.
    this.outAt = this.hitsAt + 8 * PADDED
    const pages = Math.ceil((this.outAt + 4 * STREAMS) / 65536)
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages })
    compiled ??= new WebAssembly.Module(Buffer.from(SCAN_WASM_BASE64, 'base64'))
    const instance = new WebAssembly.Instance(compiled, { env: { memory } })
    this.scan = instance.exports.scan as Scan
    this.bytes = Buffer.from(memory.buffer)
    this.units = new Uint16Array(memory.buffer)
    this.words = new Int32Array(memory.buffer)
    // The loop adds a class to a state and loads the next: both are byte
    // offsets into the table here, four times the automaton's indexes.
    const { classOf, delta, alphabet } = automaton
    if (alphabet > WASM_MAX_CLASSES) {
      throw new Error(
        `The keyword alphabet has ${alphabet} classes; the WebAssembly ` +
          `loop takes at most ${WASM_MAX_CLASSES}`
      )
    }
    for (let unit = 0; unit < classOf.length; unit++) {
      this.bytes[CLASS_AT + unit] = 4 * classOf[unit]!
    }
    for (let i = 0; i < delta.length; i++) {
      const to = delta[i]!
      this.words[DELTA_AT / 4 + i] = to < 0 ? ~(4 * ~to) : 4 * to
    }
  }

  /**
   * Appends (end offset, state row) pairs for every state of the automaton
   * where keywords end, in text order, as the JavaScript loop would.
   */
  run(text: string, hits: PairList): void {
    const { bytes, units, words, warm, mainAt, hitsAt, outAt } = this
    for (let start = 0; start < text.length; start += CHUNK) {
      const end = Math.min(text.length, start + CHUNK)
      // The chunk, after the units before it: the previous chunk's end,
      // or zeros (a class no keyword has) before the text's start.
      const from = Math.max(0, start - warm)
      const textAt = mainAt - 2 * (start - from)
      units.fill(0, (mainAt - 2 * warm) / 2, textAt / 2)
      bytes.write(text.substring(from, end), textAt, 'utf16le')
      // Six equal segments, each a multiple of four units (the loop reads
      // four at a time); the last is padded with zeros.
      const length = end - start
      const segment = 4 * Math.ceil(length / (4 * STREAMS))
      units.fill(0, mainAt / 2 + length, mainAt / 2 + STREAMS * segment)

      this.scan(mainAt, segment, warm, hitsAt, outAt)

      // Segment by segment is text order: each segment's hits end in it.
      for (let k = 0; k < STREAMS; k++) {
        const listEnd = words[outAt / 4 + k]! / 4
        for (let i = (hitsAt + 8 * k * segment) / 4; i < listEnd; i += 2) {
          hits.push(start + (words[i]! - mainAt) / 2, words[i + 1]! / 4)
        }
      }
    }
  }
}

const align = (address: number) => Math.ceil(address / 16) * 16
