/**
 * `npm run eval:phi`: generates a labelled evaluation set at run time and
 * prints how the PHI rules do on it. Options: `--seed N`, `--per-format N`,
 * `--verbose` (list misses and false blocks, by path and kind only),
 * `--corpus DIR` (real code scanned as a second ordinary set; default
 * node_modules, `--corpus none` to skip).
 */
import { existsSync } from 'node:fs'
import { Engine } from '../src/engine/engine.js'
import { allRules } from '../src/rules/index.js'
import { realCode } from './eval-phi/corpus.js'
import { evaluate, scanFile, type Tally } from './eval-phi/evaluate.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name)
  const value = at >= 0 ? Number(args[at + 1]) : fallback
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} expects a positive integer, got "${args[at + 1]}"`)
  }
  return value
}
const seed = option('--seed', 20240)
const perFormat = option('--per-format', 200)
const verbose = args.includes('--verbose')

const started = performance.now()
const report = evaluate({ seed, perFormat })
const ms = performance.now() - started

const pct = (x: number) => `${(100 * x).toFixed(1)}%`
const row = (cells: (string | number)[]) =>
  console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 22 : 12)).join(''))

console.log(
  `PHI evaluation: seed ${seed}, ${perFormat} records per format and style, ${(ms / 1000).toFixed(1)} s\n`
)
console.log('Per format (realistic records blocked; synthetic records blocked)')
row(['format', 'recall', 'precision', 'real', 'synthetic', 'synth. pass'])
for (const [format, real] of Object.entries(report.realisticByFormat)) {
  const synth: Tally = report.syntheticByFormat[format] ?? {
    total: 0,
    blocked: 0
  }
  row([
    format,
    pct(real.blocked / real.total),
    pct(real.blocked / Math.max(1, real.blocked + synth.blocked)),
    real.total,
    synth.total,
    pct((synth.total - synth.blocked) / Math.max(1, synth.total))
  ])
}
console.log(
  '\nPer identifier (on realistic records: listed in a finding vs planted)'
)
row(['identifier', 'recall', 'precision', 'planted', 'listed'])
for (const [kind, t] of Object.entries(report.identifiers).sort()) {
  row([
    kind,
    pct(t.tp / Math.max(1, t.tp + t.fn)),
    pct(t.tp / Math.max(1, t.tp + t.fp)),
    t.tp + t.fn,
    t.tp + t.fp
  ])
}
console.log('\nSynthetic records not blocked, by style')
for (const [style, t] of Object.entries(report.syntheticByStyle)) {
  console.log(
    `  ${style.padEnd(14)}${pct((t.total - t.blocked) / t.total)} of ${t.total}`
  )
}
console.log(
  `\nOrdinary code: ${report.ordinary.files} files, ${report.ordinary.blocking} blocking findings, ${report.ordinary.notes} notes`
)
for (const b of report.ordinary.blocked) console.log(`  blocked: ${b}`)

// Real code as a second ordinary set: generated look-alikes are only what
// the generator's author thought of.
const corpusAt = args.indexOf('--corpus')
const corpusDir =
  corpusAt >= 0 ? (args[corpusAt + 1] ?? 'none') : 'node_modules'
let corpusBlocking = 0
if (corpusDir !== 'none' && existsSync(corpusDir)) {
  const engine = new Engine(allRules)
  const files = realCode(corpusDir, 4000)
  for (const file of files) {
    const errors = scanFile(engine, file.path, file.text).filter(
      f => f.severity === 'error'
    )
    corpusBlocking += errors.length
    for (const e of errors.slice(0, 3)) {
      console.log(`  blocked in real code: ${e.ruleId} ${e.file}:${e.line}`)
    }
  }
  console.log(
    `Real code (${corpusDir}): ${files.length} files, ${corpusBlocking} blocking findings`
  )
}

const leaked = report.planted.filter(v => report.output.includes(v)).length
console.log('\nOverall')
console.log(
  `  recall on realistic records     ${pct(report.recall)}  (target ≥ 95%)`
)
console.log(
  `  precision on realistic records  ${pct(report.precision)}  (target ≥ 95%)`
)
console.log(
  `  synthetic records not blocked   ${pct(report.syntheticPassRate)}  (target ≥ 98%)`
)
console.log(
  `  blocking findings, ordinary     ${report.ordinary.blocking}  (target 0)`
)
console.log(`  blocking findings, real code    ${corpusBlocking}  (target 0)`)
console.log(`  planted values in any output    ${leaked}  (must be 0)`)
if (verbose) {
  for (const m of report.misses.slice(0, 40))
    console.log(
      `  missed ${m.path}: planted ${m.planted.join(', ')}; found ${m.found.join(', ') || 'nothing'}`
    )
  for (const f of report.falseBlocks.slice(0, 40))
    console.log(`  blocked synthetic ${f.style}: ${f.path}`)
}
const pass =
  report.recall >= 0.95 &&
  report.precision >= 0.95 &&
  report.syntheticPassRate >= 0.98 &&
  report.ordinary.blocking === 0 &&
  corpusBlocking === 0 &&
  leaked === 0
console.log(pass ? '\nAll targets met.' : '\nTargets NOT met.')
process.exitCode = pass ? 0 : 1
