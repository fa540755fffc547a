/**
 * `npm run bench:phi`: scan throughput over a code corpus (this project's
 * own node_modules: the same files, each capped in size) with all rules,
 * and with all rules but the PHI ones, and the ratio between them. The
 * issue's budget: adding the PHI rules may cost at most 30%.
 *
 * Options: `--mb N` corpus size (default 48), `--runs N` (default 5, the
 * best run of each counts, in CPU time), `--root DIR` (default node_modules).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Engine } from '../../src/engine/engine.js'
import { allRules } from '../../src/rules/index.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name)
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback
}
const budget = Number(option('--mb', '48')) * 1024 * 1024
const runs = Number(option('--runs', '5'))
const root = option('--root', 'node_modules')
const MAX_FILE = 256 * 1024

interface CorpusFile {
  readonly path: string
  readonly text: string
}

/** Text files under `dir`, sorted, each at most MAX_FILE, up to `budget`. */
function corpus(dir: string): CorpusFile[] {
  const files: CorpusFile[] = []
  let total = 0
  const walk = (at: string) => {
    if (total >= budget) return
    let entries: string[]
    try {
      entries = readdirSync(at).sort()
    } catch {
      return
    }
    for (const name of entries) {
      if (total >= budget) return
      const full = join(at, name)
      const stat = statSync(full, { throwIfNoEntry: false })
      if (!stat) continue
      if (stat.isDirectory()) walk(full)
      else if (stat.isFile() && stat.size > 0) {
        const bytes = readFileSync(full).subarray(0, MAX_FILE)
        if (bytes.subarray(0, 8000).includes(0)) continue
        const text = bytes.toString('utf8')
        files.push({ path: relative(dir, full).split('\\').join('/'), text })
        total += bytes.length
      }
    }
  }
  walk(dir)
  return files
}

function scanAll(engine: Engine, files: readonly CorpusFile[]): number {
  let findings = 0
  for (const file of files) {
    findings += engine.scanText(file.path, file.text).length
    if (engine.wantsDocument(file.path, file.text.slice(0, 4096))) {
      findings += engine.scanDocument({
        path: file.path,
        text: file.text,
        fullScan: true,
        isChanged: () => true
      }).length
    }
  }
  return findings
}

/**
 * Times both engines in alternation, best run of each: on a shared
 * machine, load that comes and goes then hits both alike.
 */
function race(a: Engine, b: Engine, files: readonly CorpusFile[]) {
  const out = [
    { ms: Infinity, findings: 0 },
    { ms: Infinity, findings: 0 }
  ]
  for (let i = 0; i < runs; i++) {
    ;[a, b].forEach((engine, k) => {
      // CPU time of this process, not wall time: other processes on a
      // shared runner then slow neither engine down.
      const start = process.cpuUsage()
      const findings = scanAll(engine, files)
      const used = process.cpuUsage(start)
      const ms = (used.user + used.system) / 1000
      if (ms < out[k]!.ms) out[k] = { ms, findings }
    })
  }
  return out as [(typeof out)[0], (typeof out)[0]]
}

const files = corpus(root)
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0)
const mb = bytes / 1024 / 1024
const withPhi = new Engine(allRules)
const withoutPhi = new Engine(allRules.filter(r => r.category !== 'phi'))

// One untimed pass each, so both engines are measured warm.
scanAll(withoutPhi, files.slice(0, 200))
scanAll(withPhi, files.slice(0, 200))

const [base, full] = race(withoutPhi, withPhi, files)
const rate = (ms: number) => mb / (ms / 1000)
console.log(
  `corpus: ${files.length} files, ${mb.toFixed(1)} MB from ${root} (files capped at ${MAX_FILE / 1024} KB), best of ${runs}`
)
console.log(
  `all rules but PHI: ${rate(base.ms).toFixed(1)} MB/s (${base.ms.toFixed(0)} ms CPU, ${base.findings} findings)`
)
console.log(
  `all rules:         ${rate(full.ms).toFixed(1)} MB/s (${full.ms.toFixed(0)} ms CPU, ${full.findings} findings)`
)
const ratio = rate(full.ms) / rate(base.ms)
console.log(
  `throughput ratio with PHI / without: ${ratio.toFixed(2)} (budget ≥ 0.70)`
)
