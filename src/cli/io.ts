/** The CLI's view of its process: where it writes, and its progress line. */
export interface CliIO {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** True when stderr is a terminal, so progress can redraw a line. */
  readonly interactive: boolean
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    stdout: text => void process.stdout.write(text),
    stderr: text => void process.stderr.write(text),
    interactive: process.stderr.isTTY === true
  }
}

const REDRAW_MS = 150

/** A progress line on stderr for long scans, on terminals only. */
export function progressReporter(io: CliIO, quiet: boolean) {
  let last = 0
  let shown = false
  return {
    update(files: number, bytes: number): void {
      if (quiet || !io.interactive) return
      const now = Date.now()
      if (now - last < REDRAW_MS) return
      last = now
      shown = true
      const mb = (bytes / 1e6).toFixed(1)
      io.stderr(`\rscanning: ${files} files, ${mb} MB`)
    },
    done(): void {
      if (shown) io.stderr('\r\x1b[K')
    }
  }
}
