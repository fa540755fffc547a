/**
 * Benchmark of the credential scan: the project's own node_modules (real
 * code nobody here wrote) through `Engine.scanText` with every rule, on
 * one core, and secretlint with its recommended preset on the same files:
 * the whole corpus, or with `--sample-mb` every k-th file of it, for a
 * quicker run. The engine is timed as it ships, bundled by rollup
 * (shipped-engine.ts).
 *
 *   npm run bench:secrets [-- --findings] [-- --sample-mb 24]
 *
 * secretlint is installed by this script into .bench/secretlint (git
 * ignored); it is never a dependency of the project. Files are read a
 * small group at a time, so memory does not grow with the corpus.
 * One-core figures are bytes over the CPU time of the scan calls alone
 * (not the reads); the two-thread figure is wall time, the slower
 * worker's.
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { lstatSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Finding } from '../../src/findings/finding.js'
import { bundleEngine, importEngine } from './shipped-engine.js'

const ROOT = resolve(import.meta.dirname, '../..')
const ENGINE_BUNDLE = bundleEngine()
const { Engine, allRules } = await importEngine(ENGINE_BUNDLE)
const CORPUS = join(ROOT, 'node_modules')
const SECRETLINT_DIR = join(ROOT, '.bench', 'secretlint')
const MAX_FILE = 2 * 1024 * 1024
// Timed rounds on the sample, after untimed warm-up rounds of each tool.
const WARM_UP_ROUNDS = 2
const ROUNDS = 9
const args = process.argv.slice(2)
const showFindings = args.includes('--findings')
const sampleArg = args.indexOf('--sample-mb')
const SAMPLE_BYTES =
  sampleArg === -1 ? Infinity : Number(args[sampleArg + 1]) * 1024 * 1024

// Files over the size cap, counted so the output says what was left out.
const tooLarge = { files: 0, bytes: 0 }

/** Every regular file under `dir` up to the cap, sorted, with its size. */
function corpusFiles(dir: string): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = []
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name)
      const stat = lstatSync(full)
      if (stat.isSymbolicLink()) continue
      if (stat.isDirectory()) walk(full)
      else if (stat.isFile() && stat.size > MAX_FILE) {
        tooLarge.files++
        tooLarge.bytes += stat.size
      } else if (stat.isFile() && stat.size > 0) {
        out.push({ path: full, size: stat.size })
      }
    }
  }
  walk(dir)
  return out
}

/** The file as text, or undefined for a binary file (a NUL in 8 KiB). */
function readText(path: string): string | undefined {
  const bytes = readFileSync(path)
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) return undefined
  return bytes.toString('utf8')
}

/**
 * CPU microseconds this process used since `start`: on a shared machine,
 * time other processes take then counts for neither tool. Both tools run
 * on this thread, so it is each one's time on one core.
 */
function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return used.user + used.system
}

interface RunResult {
  readonly bytes: number
  readonly files: number
  readonly seconds: number
  readonly findings: number
}

/**
 * Files read ahead and then scanned under one timer: a pair of
 * `process.cpuUsage` calls costs about 2 µs here, which per file would be
 * several percent of our scan time (and well under one percent of
 * secretlint's). A group stays small, so memory does not grow with it.
 */
const GROUP_FILES = 32
const GROUP_BYTES = 4 * 1024 * 1024

/**
 * Reads the text files of `files` a group at a time and scans each with
 * `scan`, which returns how many findings it made; only the scan calls
 * are timed. `scan` gets the file's path relative to the corpus as well,
 * worked out before the timer starts (path.relative takes about 2 µs).
 */
async function timeScans(
  files: readonly { path: string }[],
  scan: (path: string, name: string, text: string) => number | Promise<number>
): Promise<RunResult> {
  let bytes = 0
  let count = 0
  let findings = 0
  let micros = 0
  for (let next = 0; next < files.length;) {
    const group: { path: string; name: string; text: string }[] = []
    let groupBytes = 0
    while (
      next < files.length &&
      group.length < GROUP_FILES &&
      groupBytes < GROUP_BYTES
    ) {
      const path = files[next++]!.path
      const text = readText(path)
      if (text === undefined) continue
      group.push({ path, name: relative(CORPUS, path), text })
      groupBytes += Buffer.byteLength(text)
    }
    const started = process.cpuUsage()
    for (const { path, name, text } of group) {
      findings += await scan(path, name, text)
    }
    micros += cpuSince(started)
    bytes += groupBytes
    count += group.length
  }
  return { bytes, files: count, seconds: micros / 1e6, findings }
}

/** Our engine with every rule over `files`; its findings are kept. */
async function runOurs(
  files: readonly { path: string }[],
  findings: Finding[] = []
): Promise<RunResult> {
  const engine = new Engine(allRules)
  return timeScans(files, (_path, name, text) => {
    const found = engine.scanText(name, text)
    for (const f of found) findings.push(f)
    return found.length
  })
}

/**
 * The whole corpus on two worker threads, every other file each. The
 * figure is bytes over the slower worker's scan time, the same measure as
 * the one-core run.
 */
async function runTwoCores(files: readonly { path: string }[]) {
  const halves = [0, 1].map(k =>
    files.filter((_, i) => i % 2 === k).map(f => f.path)
  )
  const results = await Promise.all(
    halves.map(
      paths =>
        new Promise<{ bytes: number; seconds: number; findings: number }>(
          (done, fail) => {
            // A worker does not inherit tsx's loader, so it registers it
            // before importing the TypeScript worker module.
            const worker = new Worker(WORKER_BOOTSTRAP, {
              eval: true,
              workerData: {
                paths,
                module: WORKER_MODULE,
                engine: ENGINE_BUNDLE
              }
            })
            worker.once('message', done)
            worker.once('error', fail)
          }
        )
    )
  )
  const bytes = results.reduce((sum, r) => sum + r.bytes, 0)
  const seconds = Math.max(...results.map(r => r.seconds))
  return {
    bytes,
    seconds,
    findings: results.reduce((s, r) => s + r.findings, 0)
  }
}

const WORKER_MODULE = new URL('./secrets-worker.ts', import.meta.url).href
const WORKER_BOOTSTRAP = `
const { workerData } = require('node:worker_threads')
import('tsx/esm/api').then(api => {
  api.register()
  return import(workerData.module)
})
`

type LintSource = (input: unknown) => Promise<{ messages: unknown[] }>

/** Installs secretlint into the scratch folder when it is not there. */
async function loadSecretlint(): Promise<{
  lint: LintSource
  preset: unknown
}> {
  const core = join(SECRETLINT_DIR, 'node_modules/@secretlint/core')
  if (!existsSync(core)) {
    mkdirSync(SECRETLINT_DIR, { recursive: true })
    const manifest = join(SECRETLINT_DIR, 'package.json')
    if (!existsSync(manifest)) writeFileSync(manifest, '{"private":true}\n')
    console.log('Installing secretlint into .bench/secretlint …')
    const npm = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        SECRETLINT_DIR,
        '--no-audit',
        '--no-fund',
        '@secretlint/core',
        '@secretlint/secretlint-rule-preset-recommend'
      ],
      { stdio: 'inherit' }
    )
    if (npm.status !== 0) throw new Error('npm install of secretlint failed')
  }
  const importFrom = (pkg: string) =>
    import(
      pathToFileURL(
        join(SECRETLINT_DIR, 'node_modules', pkg, 'module/index.js')
      ).href
    )
  const { lintSource } = (await importFrom('@secretlint/core')) as {
    lintSource: LintSource
  }
  const { creator } = (await importFrom(
    '@secretlint/secretlint-rule-preset-recommend'
  )) as {
    creator: unknown
  }
  // The module @secretlint/core itself imports (the package's Node entry).
  const { secretLintProfiler } = (await import(
    pathToFileURL(
      join(SECRETLINT_DIR, 'node_modules/@secretlint/profiler/module/node.js')
    ).href
  )) as { secretLintProfiler: SecretlintProfiler }
  // secretlint's profiler is always on: every lint call leaves performance
  // marks, and for each new mark its observer searches every mark kept
  // before, so its cost grows with the square of the files linted in one
  // process (a fourth round over the sample stalls for minutes). That is
  // bookkeeping, not scanning: marking is turned off here, which can only
  // make secretlint faster than a long run of its CLI.
  secretLintProfiler.mark = () => undefined
  return { lint: lintSource, preset: creator }
}

/** The part of secretlint's profiler the benchmark turns off. */
interface SecretlintProfiler {
  mark(marker: unknown): void
}

async function runSecretlint(
  files: readonly { path: string }[]
): Promise<RunResult> {
  const { lint, preset } = await loadSecretlint()
  const config = {
    rules: [
      { id: '@secretlint/secretlint-rule-preset-recommend', rule: preset }
    ]
  }
  return timeScans(files, async (filePath, _name, content) => {
    const result = await lint({
      source: { filePath, content, contentType: 'text' },
      options: { config, maskSecrets: true }
    })
    return result.messages.length
  })
}

const faster = (a: RunResult | undefined, b: RunResult) =>
  a === undefined || b.seconds < a.seconds ? b : a

/** Every k-th file, k chosen so the sample is about `target` bytes. */
function sampleOf<T extends { size: number }>(
  files: readonly T[],
  target: number
): T[] {
  const total = files.reduce((sum, f) => sum + f.size, 0)
  const step = Math.max(1, Math.round(total / target))
  return files.filter((_, i) => i % step === 0)
}

const mb = (bytes: number) => bytes / (1024 * 1024)
const rate = (r: RunResult) => mb(r.bytes) / r.seconds
const fmt = (n: number, digits = 1) => n.toFixed(digits)

async function main(): Promise<void> {
  const files = corpusFiles(CORPUS)
  const onDisk = files.reduce((sum, f) => sum + f.size, 0)
  console.log(
    `Corpus: node_modules, ${files.length} files ≤ 2 MiB (${fmt(mb(onDisk))} MB); ` +
      `left out ${tooLarge.files} larger files (${fmt(mb(tooLarge.bytes))} MB)`
  )

  // 1. Whole corpus, ours, one core, after a warm-up on its first files.
  await runOurs(files.slice(0, 300))
  const found: Finding[] = []
  const ours = await runOurs(files, found)
  const rss = process.resourceUsage().maxRSS / 1024
  console.log(
    `hipaa-gate   whole corpus: ${fmt(mb(ours.bytes))} MB in ${ours.files} text files, ` +
      `${fmt(ours.seconds, 2)} s CPU scanning, ${fmt(rate(ours))} MB/s (one core)`
  )
  console.log(`peak RSS after the whole-corpus scan: ${fmt(rss, 0)} MB`)
  console.log(`findings: ${ours.findings}`)
  const byRule = new Map<string, number>()
  for (const f of found) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1)
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(n).padStart(5)}  ${rule}`)
  }
  if (showFindings) {
    for (const f of found) {
      console.log(`  ${f.ruleId}  ${f.file}:${f.line}  ${f.redacted}`)
    }
  }

  // 1b. The same corpus on two cores.
  const two = await runTwoCores(files)
  console.log(
    `hipaa-gate   whole corpus on two worker threads: ${fmt(mb(two.bytes) / two.seconds)} MB/s ` +
      `(slower worker ${fmt(two.seconds, 2)} s scanning, ${two.findings} findings)`
  )

  // 2. The same files through both tools: untimed rounds
  // of each first (JIT compilation, regex and WebAssembly tier-up), then
  // rounds of one then the other, each tool's best round counted, so both
  // see the same machine (other jobs come and go).
  const sample = sampleOf(files, SAMPLE_BYTES)
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    await runOurs(sample)
    await runSecretlint(sample)
  }
  let oursSample: RunResult | undefined
  let theirs: RunResult | undefined
  for (let round = 0; round < ROUNDS; round++) {
    oursSample = faster(oursSample, await runOurs(sample))
    theirs = faster(theirs, await runSecretlint(sample))
  }
  if (!oursSample || !theirs) throw new Error('no benchmark round ran')
  const which =
    sample.length === files.length
      ? 'Whole corpus, both tools'
      : `Sample (every ${Math.round(files.length / sample.length)}th file)`
  console.log(
    `\n${which}: ${fmt(mb(theirs.bytes))} MB in ${theirs.files} text ` +
      `files, same files for both, best of ${ROUNDS} alternating rounds ` +
      `after ${WARM_UP_ROUNDS} to warm up`
  )
  console.log(
    `hipaa-gate   ${fmt(rate(oursSample))} MB/s  (${fmt(oursSample.seconds, 3)} s CPU, ${oursSample.findings} findings, ${allRules.length} rules)`
  )
  console.log(
    `secretlint   ${fmt(rate(theirs), 2)} MB/s  (${fmt(theirs.seconds, 3)} s CPU, ${theirs.findings} messages, preset-recommend)`
  )
  console.log(
    `ratio        ${fmt(rate(oursSample) / rate(theirs))}× secretlint’s throughput`
  )
  console.log(
    `peak RSS of the whole run, secretlint loaded too: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`
  )
}

await main()
// secretlint and the worker pool leave handles open; the figures are out.
process.exit(0)
