/**
 * How fast the git side yields a large change: builds a repository whose
 * last commit adds 100,000 lines across 1,000 files, streams that diff
 * with `streamDiff`, and prints the wall time and peak RSS.
 *
 *   npm run bench:diff              # 1,000 files × 100 lines
 *   npm run bench:diff -- --scale 10  # ten times the lines per file
 *
 * The whole gate should scan this diff in under a second, so the diff
 * stream must take a small part of that.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { streamDiff } from '../../src/source/diff.js'

const FILES = 1000
const RUNS = 5

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const value = at === -1 ? undefined : Number(process.argv[at + 1])
  return value !== undefined && Number.isFinite(value) ? value : fallback
}

const linesPerFile = 100 * argument('scale', 1)

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.test',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.test',
      GIT_AUTHOR_DATE: '1700000000 +0000',
      GIT_COMMITTER_DATE: '1700000000 +0000'
    }
  }).trim()
}

/** A line of plausible source code, different on every line. */
function sourceLine(file: number, line: number): string {
  return `  const value_${file}_${line} = computeSomething(${line}, 'item-${file}') // note`
}

function buildRepository(): { dir: string; base: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hipaa-gate-bench-diff-'))
  git(dir, 'init', '-q', '-b', 'main')
  writeFileSync(join(dir, 'README.md'), '# bench\n')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'base')
  const base = git(dir, 'rev-parse', 'HEAD')

  for (let f = 0; f < FILES; f++) {
    const folder = join(dir, 'src', `module-${f % 50}`)
    mkdirSync(folder, { recursive: true })
    const lines: string[] = []
    for (let l = 0; l < linesPerFile; l++) lines.push(sourceLine(f, l))
    writeFileSync(join(folder, `file-${f}.ts`), lines.join('\n') + '\n')
  }
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'add many lines')
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') }
}

async function streamOnce(cwd: string, base: string, head: string) {
  let files = 0
  let lines = 0
  let bytes = 0
  for await (const file of streamDiff({ cwd, base, head })) {
    files++
    lines += file.lineNumbers.length
    bytes += file.addedBytes
  }
  return { files, lines, bytes }
}

/** The same diff with its output thrown away: git's share of the time. */
function gitAlone(cwd: string, base: string, head: string): Promise<void> {
  const args = ['-c', 'core.quotePath=false', 'diff', '-U0', '--no-color']
  const extra = ['--no-ext-diff', '--no-textconv', '-M', '--diff-filter=d']
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args, ...extra, base, head], { cwd })
    child.stdout.resume()
    child.on('error', reject)
    child.on('close', () => resolve())
  })
}

async function median(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)
}

const mib = (kib: number): string => (kib / 1024).toFixed(1)

async function main(): Promise<void> {
  const { dir, base, head } = buildRepository()
  try {
    const rssBefore = process.resourceUsage().maxRSS
    let counts = { files: 0, lines: 0, bytes: 0 }
    const times = await median(async () => {
      counts = await streamOnce(dir, base, head)
    })
    const rssAfter = process.resourceUsage().maxRSS
    const gitTimes = await median(() => gitAlone(dir, base, head))

    console.log(
      `streamDiff: ${counts.files} files, ${counts.lines} added lines, ` +
        `${(counts.bytes / 1024 / 1024).toFixed(1)} MiB of added text`
    )
    console.log(
      `time per diff over ${RUNS} runs: median ` +
        `${times[RUNS >> 1]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms`
    )
    console.log(
      `git diff alone (output discarded): median ` +
        `${gitTimes[RUNS >> 1]!.toFixed(0)} ms, best ${gitTimes[0]!.toFixed(0)} ms`
    )
    console.log(
      `peak RSS: ${mib(rssBefore)} MiB before streaming, ` +
        `${mib(rssAfter)} MiB after (node process; git runs apart)`
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
