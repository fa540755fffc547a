/**
 * Whole files at a revision, from one long-running `git cat-file --batch`
 * process: document rules need a file's full text at head (a CSV header
 * far above the added lines) and binary rules need its bytes. One process
 * for all reads saves a fork per file.
 */
import { SourceError } from './errors.js'
import { commandLabel, exitFailure, spawnFailure, spawnGit } from './git.js'
import { checkRevision } from './revision.js'

/** Reads blobs from a repository until closed. */
export interface BlobReader {
  /**
   * The bytes of `path` (repository-relative POSIX) at `rev`. Throws
   * `SourceError` `blob-missing` when there is no such file there.
   */
  read(rev: string, path: string): Promise<Buffer>
  /**
   * The bytes of an object named by id or `rev:path`, at most `limit`
   * bytes of it when set (the rest is read and dropped).
   */
  readObject(spec: string, limit?: number): Promise<Buffer>
  /** Ends the git process; later reads start a new one. */
  close(): void
}

interface Request {
  readonly spec: string
  readonly limit: number
  resolve(data: Buffer): void
  reject(error: SourceError): void
}

const BATCH_ARGS = ['cat-file', '--batch']

/** Opens a blob reader on the repository at `cwd`. */
export function readBlobs(cwd: string): BlobReader {
  let batch: Batch | undefined
  const reader: BlobReader = {
    read(rev, path) {
      const safeRev = checkRevision(rev, 'revision')
      return reader.readObject(`${safeRev}:${path}`)
    },
    readObject(spec, limit = Infinity) {
      // The batch protocol is line based: a name with a line break in it
      // is read by a one-off process instead.
      if (spec.includes('\n') || spec.includes('\r')) {
        return readOne(cwd, spec, limit)
      }
      batch ??= new Batch(cwd, ended => {
        // A reader closed and reopened must not forget its new process.
        if (batch === ended) batch = undefined
      })
      return batch.request(spec, limit)
    },
    close() {
      batch?.close()
      batch = undefined
    }
  }
  return reader
}

function missing(spec: string, what = 'does not exist'): SourceError {
  const at = spec.indexOf(':')
  const described =
    at > 0
      ? `${JSON.stringify(spec.slice(at + 1))} at ${spec.slice(0, at)}`
      : `object ${spec}`
  return new SourceError('blob-missing', `The file ${described} ${what}.`)
}

/** One `git cat-file --batch` process and its queue of requests. */
class Batch {
  private readonly child
  private readonly queue: Request[] = []
  private buffer: Buffer = Buffer.alloc(0)
  // The body being read: bytes still to come and what is kept of it.
  private body: { left: number; parts: Buffer[]; kept: number } | undefined
  private bodyType = 'blob'
  private closed = false

  constructor(cwd: string, onExit: (batch: Batch) => void) {
    this.child = spawnGit(cwd, BATCH_ARGS)
    let stderr = ''
    this.child.stderr.setEncoding('utf8')
    this.child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000)
    })
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk))
    this.child.on('error', cause =>
      this.fail(spawnFailure(cwd, BATCH_ARGS, cause))
    )
    this.child.on('close', code => {
      onExit(this)
      this.fail(
        code === 0 || this.closed
          ? new SourceError('git-failed', `${commandLabel(BATCH_ARGS)} ended.`)
          : exitFailure(BATCH_ARGS, { stderr, exitCode: code ?? -1 })
      )
    })
    // A write after git died must not crash the process.
    this.child.stdin.on('error', () => {})
  }

  request(spec: string, limit: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ spec, limit, resolve, reject })
      this.child.stdin.write(`${spec}\n`)
    })
  }

  close(): void {
    this.closed = true
    this.child.stdin.end()
  }

  private fail(error: SourceError): void {
    for (const request of this.queue.splice(0)) request.reject(error)
  }

  private receive(chunk: Buffer): void {
    this.buffer =
      this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
    for (;;) {
      if (this.body !== undefined) {
        if (!this.readBody()) return
        continue
      }
      const newline = this.buffer.indexOf(10)
      if (newline === -1) return
      const header = this.buffer.toString('utf8', 0, newline)
      this.buffer = this.buffer.subarray(newline + 1)
      this.readHeader(header)
    }
  }

  /** `<oid> <type> <size>`, or `<spec> missing` / `ambiguous`. */
  private readHeader(header: string): void {
    const request = this.queue[0]
    const parts = /^[0-9a-f]{40,64} (\w{1,10}) (\d{1,15})$/.exec(header)
    if (!parts) {
      this.queue.shift()
      request?.reject(
        missing(
          request.spec,
          header.endsWith(' ambiguous') ? 'is ambiguous' : undefined
        )
      )
      return
    }
    this.bodyType = parts[1]!
    this.body = { left: Number(parts[2]), parts: [], kept: 0 }
  }

  /** Consumes body bytes; true when the body (and its `\n`) is complete. */
  private readBody(): boolean {
    const body = this.body!
    const request = this.queue[0]
    const take = Math.min(body.left, this.buffer.length)
    const room = Math.max(0, (request?.limit ?? 0) - body.kept)
    if (room > 0 && take > 0) {
      const part = this.buffer.subarray(0, Math.min(take, room))
      body.parts.push(Buffer.from(part))
      body.kept += part.length
    }
    body.left -= take
    this.buffer = this.buffer.subarray(take)
    if (body.left > 0 || this.buffer.length === 0) return false

    // The body is followed by a line break.
    this.buffer = this.buffer.subarray(1)
    this.body = undefined
    this.queue.shift()
    if (request === undefined) return true
    if (this.bodyType !== 'blob') {
      request.reject(missing(request.spec, `is a ${this.bodyType}, not a file`))
    } else {
      request.resolve(Buffer.concat(body.parts))
    }
    return true
  }
}

/** Reads one object with its own process, for names the batch cannot take. */
function readOne(cwd: string, spec: string, limit: number): Promise<Buffer> {
  // On a command line, a name starting with a dash would be an option.
  if (spec.startsWith('-')) return Promise.reject(missing(spec))
  const args = ['cat-file', 'blob', spec]
  return new Promise((resolve, reject) => {
    const child = spawnGit(cwd, args)
    const parts: Buffer[] = []
    let kept = 0
    child.stdout.on('data', (chunk: Buffer) => {
      if (kept >= limit) return
      const part = chunk.subarray(0, Math.min(chunk.length, limit - kept))
      parts.push(part)
      kept += part.length
    })
    child.stderr.resume()
    child.on('error', cause => reject(spawnFailure(cwd, args, cause)))
    child.on('close', code =>
      code === 0 ? resolve(Buffer.concat(parts)) : reject(missing(spec))
    )
    child.stdin.end()
  })
}
