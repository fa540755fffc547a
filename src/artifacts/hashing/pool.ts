/**
 * Hashing files in parallel on worker threads, each file read as a stream
 * so memory stays flat however large the artifact.
 */
import { stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { DigestAlgorithm } from '../digests.js'
import { ArtifactsError } from '../errors.js'
import { hashStream } from './stream.js'
import { HASH_WORKER_SOURCE } from './worker-source.js'

/** A file to hash and the digests wanted of it. */
export interface HashJob {
  /** Absolute path. */
  readonly path: string
  readonly algorithms: readonly DigestAlgorithm[]
}

/** The digests of one file, lower-case hex, and its size. */
export interface HashResult {
  readonly digests: Readonly<Partial<Record<DigestAlgorithm, string>>>
  readonly bytes: number
}

export interface HashOptions {
  /** Worker threads; default one per core, never more than files. */
  readonly threads?: number
  /** Read size in bytes (default 1 MiB: few calls, cache-friendly). */
  readonly chunkSize?: number
}

// Two files in flight per worker: while one waits on the disk the other
// is hashed.
const IN_FLIGHT_PER_WORKER = 2

// Below this many bytes in all, starting workers (tens of milliseconds)
// costs more than hashing on this thread.
const SMALL_TOTAL = 32 * 1024 * 1024

type Reply =
  | { id: number; bytes: number; digests: Record<string, string> }
  | { id: number; error: string }

/**
 * Hashes every job and returns results in job order. Rejects with an
 * `ArtifactsError` (`file-unreadable`) naming the first file that cannot
 * be read.
 */
export async function hashFiles(
  jobs: readonly HashJob[],
  options: HashOptions = {}
): Promise<HashResult[]> {
  if (jobs.length === 0) return []
  const threads = Math.max(
    1,
    Math.min(options.threads ?? availableParallelism(), jobs.length)
  )
  const chunk = options.chunkSize ?? 1024 * 1024
  if (threads === 1 || (await totalSize(jobs)) < SMALL_TOTAL) {
    return hashHere(jobs, chunk)
  }
  const results: HashResult[] = new Array<HashResult>(jobs.length)
  const workers = Array.from(
    { length: threads },
    () => new Worker(HASH_WORKER_SOURCE, { eval: true })
  )

  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0
      let finished = 0
      const send = (worker: Worker): void => {
        if (next >= jobs.length) return
        const id = next++
        const job = jobs[id]!
        worker.postMessage({
          id,
          path: job.path,
          algorithms: job.algorithms,
          chunk
        })
      }
      for (const worker of workers) {
        worker.on('message', (reply: Reply) => {
          if ('error' in reply) {
            reject(
              new ArtifactsError(
                'file-unreadable',
                `cannot read '${jobs[reply.id]!.path}' to hash it (${reply.error})`
              )
            )
            return
          }
          results[reply.id] = { bytes: reply.bytes, digests: reply.digests }
          if (++finished === jobs.length) resolve()
          else send(worker)
        })
        worker.on('error', cause =>
          reject(
            new ArtifactsError('file-unreadable', 'a hashing worker failed', {
              cause
            })
          )
        )
        // A worker that dies without an error (out of memory, killed)
        // must not leave the gate waiting forever.
        worker.on('exit', code => {
          if (finished < jobs.length) {
            reject(
              new ArtifactsError(
                'file-unreadable',
                `a hashing worker stopped (exit code ${code})`
              )
            )
          }
        })
        for (let i = 0; i < IN_FLIGHT_PER_WORKER; i++) send(worker)
      }
    })
  } finally {
    await Promise.all(workers.map(worker => worker.terminate()))
  }
  return results
}

async function totalSize(jobs: readonly HashJob[]): Promise<number> {
  let total = 0
  for (const job of jobs) {
    // An unreadable file is reported by the hashing itself.
    total += await stat(job.path).then(
      s => s.size,
      () => 0
    )
    if (total >= SMALL_TOTAL) break
  }
  return total
}

/** Hashes on this thread, one file after another. */
async function hashHere(
  jobs: readonly HashJob[],
  chunk: number
): Promise<HashResult[]> {
  const results: HashResult[] = []
  for (const job of jobs) {
    try {
      results.push(await hashStream(job.path, job.algorithms, chunk))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
      throw new ArtifactsError(
        'file-unreadable',
        `cannot read '${job.path}' to hash it (${code})`,
        { cause: error }
      )
    }
  }
  return results
}
