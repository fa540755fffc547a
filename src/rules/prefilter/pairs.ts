/**
 * A growable list of pairs of 32-bit integers, kept from one scan to the
 * next: the prefilter and the engine's windows fill one per text, and
 * reusing it spares an allocation (and its garbage) per file.
 */
export class PairList {
  firsts: Int32Array
  seconds: Int32Array
  length = 0

  constructor(capacity = 256) {
    this.firsts = new Int32Array(capacity)
    this.seconds = new Int32Array(capacity)
  }

  /** Empties the list; one grown very large is let go. */
  clear(): void {
    if (this.firsts.length > MAX_KEPT) {
      this.firsts = new Int32Array(256)
      this.seconds = new Int32Array(256)
    }
    this.length = 0
  }

  push(first: number, second: number): void {
    if (this.length === this.firsts.length) this.grow()
    this.firsts[this.length] = first
    this.seconds[this.length++] = second
  }

  private grow(): void {
    const firsts = new Int32Array(2 * this.firsts.length)
    const seconds = new Int32Array(2 * this.seconds.length)
    firsts.set(this.firsts)
    seconds.set(this.seconds)
    this.firsts = firsts
    this.seconds = seconds
  }
}

/** Pairs a list keeps room for between texts (1 MiB of each array). */
const MAX_KEPT = 1 << 18
