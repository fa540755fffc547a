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
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeGitHub } from '../../__tests__/e2e/fake-github/server.js'
import { runAction, TempRepo } from '../../__tests__/e2e/harness.js'
import { githubToken, ssn } from '../../__tests__/helpers/fake-values.js'
import { pullRequestPayload } from '../../__tests__/helpers/github-events.js'
import { prepare } from '../../src/gate/prepare.js'
import { scan } from '../../src/gate/scan.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** A repository whose HEAD adds `lines` lines across `files` files. */
function buildRepository(files: number, lines: number) {
  const repo = new TempRepo()
  const base = repo.commit({ 'README.md': 'bench\n' }, 'base')
  const perFile = Math.floor(lines / files)
  const added: Record<string, string> = {}
  for (let f = 0; f < files; f++) {
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
    added[`src/module${f % 20}/file${f}.ts`] = body.join('\n') + '\n'
  }
  const head = repo.commit(added, 'head')
  return { repo, dir: repo.dir, base, head }
}

/** Scans a diff in this process: the child side of `measureScan`. */
async function scanOnce(dir: string, base: string, head: string) {
  const prepared = await prepare({
    cwd: dir,
    configPath: '.github/hipaa-gate.yml',
    configRequired: false
  })
  const run = () =>
    scan({
      cwd: dir,
      scope: { kind: 'diff', base, head, description: 'bench' },
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
    findings: outcome.findings.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024
  }
}

/**
 * Builds the repository here, then scans it in a fresh process, so the
 * peak memory printed is the scan's own and comparable across sizes.
 */
function measureScan(files: number, lines: number) {
  const { repo, base, head } = buildRepository(files, lines)
  try {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--scan',
        repo.dir,
        base,
        head
      ],
      { encoding: 'utf8' }
    )
    if (child.status !== 0) throw new Error(child.stderr)
    return JSON.parse(child.stdout) as Awaited<ReturnType<typeof scanOnce>>
  } finally {
    repo.remove()
  }
}

/** The bundled action on the 100,000-line diff, reporting to a fake API. */
async function measureActionRun(): Promise<number> {
  const { repo, base, head } = buildRepository(1_000, 100_000)
  const github = await startFakeGitHub({ token: 'bench-token' })
  try {
    const started = process.hrtime.bigint()
    const run = await runAction({
      repo,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base, head }),
      apiUrl: github.url,
      inputs: { token: 'bench-token', 'sarif-file': 'gate.sarif' }
    })
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (run.code !== 1 || github.checkRuns.size !== 1) {
      throw new Error(`unexpected action run: exit ${run.code}`)
    }
    return ms
  } finally {
    await github.close()
    repo.remove()
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

if (process.argv[2] === '--scan') {
  const [dir, base, head] = process.argv.slice(3) as [string, string, string]
  console.log(JSON.stringify(await scanOnce(dir, base, head)))
  process.exit(0)
}

const sizes = [
  { files: 500, lines: 50_000 },
  { files: 1_000, lines: 100_000 },
  { files: 2_000, lines: 200_000 }
]
console.log('HIPAA Gate: diff scan (git diff + prefilter + all rules)')
for (const size of sizes) {
  const r = measureScan(size.files, size.lines)
  console.log(
    `  ${String(r.lines).padStart(7)} added lines, ${String(r.files).padStart(5)} files, ` +
      `${r.mb.toFixed(1)} MB: ${r.ms.toFixed(0)} ms, ` +
      `${(r.mb / (r.ms / 1000)).toFixed(1)} MB/s, ${r.findings} findings, ` +
      `peak RSS ${r.peakRssMb.toFixed(0)} MB`
  )
}
console.log(`  target: 100,000 lines across 1,000 files in under 1000 ms`)
console.log(
  `HIPAA Gate: whole action run on that diff (node dist/index.js, check ` +
    `run and annotations to a local fake GitHub): ` +
    `${(await measureActionRun()).toFixed(0)} ms`
)
console.log(
  `HIPAA Gate: action start-up (node dist/index.js, median of 7): ` +
    `${measureStartup().toFixed(0)} ms (target under 300 ms)`
)
