/**
 * The hashing worker's code. Node's hash functions run on the calling
 * thread, so several streams on the main thread still use one core; each
 * worker thread hashes on its own. The code is a string evaluated by the
 * Worker (`eval: true`) so the action's single-file bundle needs no second
 * file beside it. It is plain CommonJS, self-contained, and kept tiny.
 *
 * Protocol: the worker receives `{ id, path, algorithms, chunk }` and
 * answers `{ id, bytes, digests }` or `{ id, error }` (an errno code).
 */
export const HASH_WORKER_SOURCE = `
'use strict'
const { parentPort } = require('node:worker_threads')
const { createReadStream } = require('node:fs')
const { createHash } = require('node:crypto')

parentPort.on('message', job => {
  const hashes = job.algorithms.map(name => createHash(name))
  let bytes = 0
  let done = false
  const stream = createReadStream(job.path, { highWaterMark: job.chunk })
  stream.on('data', chunk => {
    bytes += chunk.length
    for (const hash of hashes) hash.update(chunk)
  })
  stream.on('error', error => {
    if (done) return
    done = true
    parentPort.postMessage({ id: job.id, error: error.code || 'EIO' })
  })
  stream.on('end', () => {
    if (done) return
    done = true
    const digests = {}
    job.algorithms.forEach((name, i) => {
      digests[name] = hashes[i].digest('hex')
    })
    parentPort.postMessage({ id: job.id, bytes, digests })
  })
})
`
