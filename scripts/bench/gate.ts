/**
 * `npm run bench:gate`: the foundation's speed targets.
 *
 * Builds a repository whose head commit adds 100,000 lines across 1,000
 * files (code-like text with a few planted findings), then prints:
 * - the scan time and throughput of that diff through `scan()` (git diff
 *   streaming, prefilter, every rule), with peak RSS;
 * - the same for half and double the size, to show memory stays flat;
 * - the start-up time of the bundled action (loading dist/index.js).
 * Targets (issue: HIPAA Gate end to end): scan under 1 s on this machine,
 * start-up under 300 ms.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { githubToken, ssn } from '../../__tests__/helpers/fake-values.js'
import { prepare } from '../../src/gate/prepare.js'
import { scan } from '../../src/gate/scan.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com'
}
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim()

/** A repository whose HEAD adds `lines` lines across `files` files. */
function buildRepository(files: number, lines: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hipaa-gate-bench-'))
  git(dir, 'init', '-q', '-b', 'main')
  writeFileSync(join(dir, 'README.md'), 'bench\n')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base')
  const base = git(dir, 'rev-parse', 'HEAD')
  const perFile = Math.floor(lines / files)
  for (let f = 0; f < files; f++) {
    const path = join(dir, 'src', `module${f % 20}`, `file${f}.ts`)
    mkdirSync(dirname(path), { recursive: true })
    const body: string[] = []
    for (let l = 0; l < perFile; l++) {
      body.push(
        l % 7 === 0
          ? `  const apiKey = process.env.API_KEY_${l} // key lookup`
          : `  export function handler${l}(req, res) { return res.json({ id: ${l}, ok: true }) }`
      )
    }
    if (f % 250 === 0) body.push(`const token = "${githubToken(f + 1)}"`)
    if (f % 333 === 0) body.push(`ssn: ${ssn(f + 2)}`)
    writeFileSync(path, body.join('\n') + '\n')
  }
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'head')
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') }
}

async function measureScan(files: number, lines: number) {
  const repo = buildRepository(files, lines)
  const prepared = await prepare({
    cwd: repo.dir,
    configPath: '.github/hipaa-gate.yml',
    configRequired: false
  })
  const run = () =>
    scan({
      cwd: repo.dir,
      scope: {
        kind: 'diff',
        base: repo.base,
        head: repo.head,
        description: 'bench'
      },
      rules: prepared.rules,
      config: prepared.config,
      maxFileBytes: 2 * 1024 * 1024
    })
  await run() // warm-up: JIT and the OS page cache
  const started = process.hrtime.bigint()
  const outcome = await run()
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  return {
    ms,
    mb: outcome.stats.bytesScanned / 1e6,
    lines: outcome.stats.linesScanned,
    files: outcome.stats.filesScanned,
    findings: outcome.findings.length
  }
}

function measureStartup(): number {
  const runs: number[] = []
  for (let i = 0; i < 7; i++) {
    const started = process.hrtime.bigint()
    // With scan off and no artifacts the action loads, reads its inputs
    // and stops: what is measured is loading the bundle.
    spawnSync(process.execPath, [join(root, 'dist', 'index.js')], {
      env: { PATH: process.env.PATH, INPUT_SCAN: 'off', INPUT_TOKEN: '' },
      encoding: 'utf8'
    })
    runs.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  runs.sort((a, b) => a - b)
  return runs[Math.floor(runs.length / 2)]!
}

const sizes = [
  { files: 500, lines: 50_000 },
  { files: 1_000, lines: 100_000 },
  { files: 2_000, lines: 200_000 }
]
console.log('HIPAA Gate: diff scan (git diff + prefilter + all rules)')
for (const size of sizes) {
  const r = await measureScan(size.files, size.lines)
  const rss = process.resourceUsage().maxRSS / 1024
  console.log(
    `  ${String(r.lines).padStart(7)} added lines, ${String(r.files).padStart(5)} files, ` +
      `${r.mb.toFixed(1)} MB: ${r.ms.toFixed(0)} ms, ` +
      `${(r.mb / (r.ms / 1000)).toFixed(1)} MB/s, ${r.findings} findings, ` +
      `peak RSS so far ${rss.toFixed(0)} MB`
  )
}
console.log(`  target: 100,000 lines across 1,000 files in under 1000 ms`)
console.log(
  `HIPAA Gate: action start-up (node dist/index.js, median of 7): ` +
    `${measureStartup().toFixed(0)} ms (target under 300 ms)`
)
