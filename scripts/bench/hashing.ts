/**
 * Hashing throughput against coreutils `sha256sum`, on the same files in
 * the same run: one 1 GiB file, then 200 files of 5 MB. Files live in the
 * git-ignored `.bench/hashing/` folder and are reused between runs. Both
 * tools read from the page cache (the files are read once first), so the
 * figures compare hashing, not the disk.
 *
 *   npm run bench:hashing [-- --runs 3]
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, open, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { hashFiles } from '../../src/artifacts/hashing/pool.js'

const run = promisify(execFile)
const MiB = 1024 * 1024
const folder = path.resolve('.bench', 'hashing')
const runsFlag = process.argv.indexOf('--runs')
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3

/** Writes `bytes` of pseudo-random data, unless the file already has them. */
async function ensureFile(file: string, bytes: number, seed: number) {
  const existing = await stat(file).catch(() => undefined)
  if (existing?.size === bytes) return
  // A hash chain is cheap, deterministic and incompressible enough.
  const block = Buffer.alloc(MiB)
  let state = createHash('sha256').update(String(seed)).digest()
  for (let i = 0; i < MiB; i += 32) {
    state = createHash('sha256').update(state).digest()
    state.copy(block, i)
  }
  const handle = await open(file, 'w')
  try {
    for (let written = 0; written < bytes; written += MiB) {
      block.writeUInt32LE(written / MiB, 0)
      const size = Math.min(MiB, bytes - written)
      await handle.write(block, 0, size)
    }
  } finally {
    await handle.close()
  }
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await action()
  return Number(process.hrtime.bigint() - start) / 1e9
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function compare(label: string, files: string[], bytes: number) {
  // A first sha256sum pass warms the page cache for both sides.
  await run('sha256sum', files, { maxBuffer: 64 * MiB })

  const jobs = files.map(file => ({
    path: file,
    algorithms: ['sha256'] as const
  }))
  const ours: number[] = []
  const single: number[] = []
  const theirs: number[] = []
  for (let i = 0; i < runs; i++) {
    theirs.push(
      await timed(() => run('sha256sum', files, { maxBuffer: 64 * MiB }))
    )
    ours.push(await timed(() => hashFiles(jobs)))
    // One thread, to show what the parallel hashing itself adds.
    if (files.length > 1) {
      single.push(await timed(() => hashFiles(jobs, { threads: 1 })))
    }
  }
  const rate = (seconds: number) => (bytes / MiB / seconds).toFixed(0)
  const o = median(ours)
  const t = median(theirs)
  const one =
    single.length > 0
      ? `, hipaa-gate on 1 thread ${rate(median(single))} MiB/s`
      : ''
  console.log(
    `${label}: hipaa-gate ${rate(o)} MiB/s (${o.toFixed(3)} s), ` +
      `sha256sum ${rate(t)} MiB/s (${t.toFixed(3)} s), ` +
      `ratio ${(t / o).toFixed(2)}x${one} (median of ${runs})`
  )
}

async function main() {
  await mkdir(folder, { recursive: true })
  const big = path.join(folder, 'one-gib.bin')
  await ensureFile(big, 1024 * MiB, 1)
  const small: string[] = []
  for (let i = 0; i < 200; i++) {
    const file = path.join(folder, `five-mb-${String(i).padStart(3, '0')}.bin`)
    await ensureFile(file, 5 * 1000 * 1000, 100 + i)
    small.push(file)
  }
  await compare('1 x 1 GiB', [big], 1024 * MiB)
  await compare('200 x 5 MB', small, 200 * 5 * 1000 * 1000)
}

await main()
