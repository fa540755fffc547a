/**
 * One worker of the two-core run of bench:secrets: scans the files it is
 * given with every rule, with the bundled engine the main thread made,
 * and reports bytes, scan seconds and findings.
 */
import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { importEngine } from './shipped-engine.js'

const { paths, engine: bundle } = workerData as {
  paths: string[]
  engine: string
}
const { Engine, allRules } = await importEngine(bundle)
const engine = new Engine(allRules)
let bytes = 0
let findings = 0
let nanos = 0n
// The same warm-up as the one-core run.
for (const path of paths.slice(0, 150)) scan(path, false)
for (const path of paths) scan(path, true)
parentPort!.postMessage({ bytes, findings, seconds: Number(nanos) / 1e9 })

function scan(path: string, count: boolean): void {
  const raw = readFileSync(path)
  if (raw.subarray(0, 8192).includes(0)) return
  const text = raw.toString('utf8')
  const started = process.hrtime.bigint()
  const found = engine.scanText(path, text).length
  if (!count) return
  nanos += process.hrtime.bigint() - started
  bytes += raw.length
  findings += found
}
