/**
 * Splits a byte stream into lines at `\n` only (a `\r` is content, so a
 * CRLF line keeps its `\r` for the caller to strip). Memory is bounded by
 * `maxLineBytes`: a longer line is reported by its length and a prefix.
 */

/** One line, decoded as UTF-8, without its `\n`. */
export interface Line {
  /** The line's text; for a truncated line, only its beginning. */
  readonly text: string
  /** The line's length in bytes, without the `\n`. */
  readonly bytes: number
  /** Set when the line exceeded `maxLineBytes` and `text` is a prefix. */
  readonly truncated: boolean
}

// What is kept of an over-long line: enough to tell what kind of line it is.
const PREFIX_BYTES = 1024

export class LineSplitter {
  private pending: Buffer[] = []
  private pendingBytes = 0
  private overflow = false
  private readonly maxLineBytes: number

  constructor(maxLineBytes: number) {
    this.maxLineBytes = maxLineBytes
  }

  /** Feeds a chunk; `emit` receives every line the chunk completes. */
  push(chunk: Buffer, emit: (line: Line) => void): void {
    let start = 0
    let newline = chunk.indexOf(10, start)
    while (newline !== -1) {
      if (this.pendingBytes === 0) {
        emit({
          text: chunk.toString('utf8', start, newline),
          bytes: newline - start,
          truncated: false
        })
      } else {
        this.keep(chunk.subarray(start, newline))
        emit(this.take())
      }
      start = newline + 1
      newline = chunk.indexOf(10, start)
    }
    if (start < chunk.length) this.keep(chunk.subarray(start))
  }

  /** Flushes a last line that had no `\n`. */
  end(emit: (line: Line) => void): void {
    if (this.pendingBytes > 0) emit(this.take())
  }

  private keep(part: Buffer): void {
    if (!this.overflow && this.pendingBytes + part.length > this.maxLineBytes) {
      // Keep only a prefix; the rest of this line is counted, not stored.
      const joined = Buffer.concat([...this.pending, part])
      this.pending = [joined.subarray(0, PREFIX_BYTES)]
      this.overflow = true
    } else if (!this.overflow) {
      // Copy: the stream may reuse the chunk's memory.
      this.pending.push(Buffer.from(part))
    }
    this.pendingBytes += part.length
  }

  private take(): Line {
    const line: Line = {
      text: Buffer.concat(this.pending).toString('utf8'),
      bytes: this.pendingBytes,
      truncated: this.overflow
    }
    this.pending = []
    this.pendingBytes = 0
    this.overflow = false
    return line
  }
}
