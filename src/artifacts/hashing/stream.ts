/**
 * Hashing on the calling thread, for the cases where starting worker
 * threads costs more than it saves: one file, or a few small ones. The
 * worker (worker-source.ts) does the same per file.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { DigestAlgorithm } from '../digests.js'

/** Digests of one file read as a stream, and its size. */
export function hashStream(
  path: string,
  algorithms: readonly DigestAlgorithm[],
  chunkSize: number
): Promise<{ bytes: number; digests: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const hashes = algorithms.map(name => createHash(name))
    let bytes = 0
    const stream = createReadStream(path, { highWaterMark: chunkSize })
    stream.on('data', chunk => {
      bytes += chunk.length
      for (const hash of hashes) hash.update(chunk)
    })
    stream.on('error', reject)
    stream.on('end', () => {
      const digests: Record<string, string> = {}
      algorithms.forEach((name, i) => {
        digests[name] = hashes[i]!.digest('hex')
      })
      resolve({ bytes, digests })
    })
  })
}
