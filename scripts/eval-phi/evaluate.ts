/**
 * Runs the real engine with every rule over a generated, labelled set and
 * measures what the issue asks: recall and precision per identifier and
 * per format on realistic records, the share of synthetic records not
 * blocked, and blocking findings on ordinary code.
 */
import { Engine } from '../../src/engine/engine.js'
import type { Finding } from '../../src/findings/finding.js'
import { allRules } from '../../src/rules/index.js'
import {
  canShowStyle,
  FORMATS,
  render,
  type Format,
  type Sample
} from './formats.js'
import { ordinaryFiles } from './ordinary.js'
import { person, type Style } from './people.js'
import { Random } from './random.js'

export interface EvalOptions {
  readonly seed: number
  /** Records per format and style. */
  readonly perFormat: number
}

export interface Tally {
  total: number
  blocked: number
}

export interface EvalReport {
  readonly realisticByFormat: Record<string, Tally>
  readonly syntheticByFormat: Record<string, Tally>
  readonly syntheticByStyle: Record<string, Tally>
  readonly identifiers: Record<string, { tp: number; fp: number; fn: number }>
  readonly ordinary: {
    files: number
    blocking: number
    notes: number
    blocked: string[]
  }
  readonly recall: number
  readonly precision: number
  readonly syntheticPassRate: number
  /** Every finding the run produced, serialised, for the leak test. */
  readonly output: string
  /** Every planted value, for the leak test. */
  readonly planted: readonly string[]
  /** Realistic records that were not blocked, for inspecting misses. */
  readonly misses: readonly {
    path: string
    planted: readonly string[]
    found: string[]
  }[]
  readonly falseBlocks: readonly { path: string; style: string }[]
}

const SYNTHETIC_STYLES: readonly Style[] = [
  'synthea',
  'reserved',
  'deidentified'
]

/** Scans one file the way the orchestrator does in a full scan. */
export function scanFile(
  engine: Engine,
  path: string,
  text: string,
  bytes?: Uint8Array
): Finding[] {
  const found: Finding[] = []
  if (text.length > 0) found.push(...engine.scanText(path, text))
  if (bytes !== undefined || engine.wantsDocument(path, text.slice(0, 4096))) {
    found.push(
      ...engine.scanDocument({
        path,
        text,
        ...(bytes ? { bytes } : {}),
        fullScan: true,
        isChanged: () => true
      })
    )
  }
  return found.filter(f => f.category === 'phi')
}

// Fingerprints are keyed hashes in hex; a ZIP code's digits turn up in
// them by chance, so the leak check reads everything else.
const serialise = (findings: readonly Finding[]) =>
  JSON.stringify(findings.map(({ fingerprint: _, ...rest }) => rest))

const blocks = (findings: readonly Finding[]) =>
  findings.some(f => f.severity === 'error' && !f.suppression)

function identifiersOf(findings: readonly Finding[]): Set<string> {
  const kinds = new Set<string>()
  for (const f of findings) {
    const listed = f.properties?.identifiers
    if (Array.isArray(listed))
      for (const k of listed) if (k !== 'health information') kinds.add(k)
  }
  return kinds
}

function sampleFor(format: Format, style: Style, r: Random, n: number): Sample {
  for (;;) {
    const who = person(r, style)
    if (canShowStyle(format, who)) return render(format, who, r, n)
  }
}

/** Generates the labelled set and measures the engine on it. */
export function evaluate(options: EvalOptions): EvalReport {
  const r = new Random(options.seed)
  const engine = new Engine(allRules)
  const realisticByFormat: Record<string, Tally> = {}
  const syntheticByFormat: Record<string, Tally> = {}
  const syntheticByStyle: Record<string, Tally> = {}
  const identifiers: Record<string, { tp: number; fp: number; fn: number }> = {}
  const outputs: string[] = []
  const planted: string[] = []
  const misses: {
    path: string
    planted: readonly string[]
    found: string[]
  }[] = []
  const falseBlocks: { path: string; style: string }[] = []
  const tally = (map: Record<string, Tally>, key: string, blocked: boolean) => {
    const t = (map[key] ??= { total: 0, blocked: 0 })
    t.total++
    if (blocked) t.blocked++
  }
  const id = (k: string) => (identifiers[k] ??= { tp: 0, fp: 0, fn: 0 })

  let n = 0
  for (const format of FORMATS) {
    for (let i = 0; i < options.perFormat; i++) {
      const sample = sampleFor(format, 'realistic', r, n++)
      const findings = scanFile(engine, sample.path, sample.text, sample.bytes)
      outputs.push(serialise(findings))
      planted.push(...sample.values)
      const blocked = blocks(findings)
      tally(realisticByFormat, format, blocked)
      const found = identifiersOf(findings)
      for (const k of new Set(sample.planted)) {
        if (found.has(k)) id(k).tp++
        else id(k).fn++
      }
      for (const k of found)
        if (!sample.planted.includes(k as never)) id(k).fp++
      if (!blocked)
        misses.push({
          path: sample.path,
          planted: sample.planted,
          found: [...found]
        })
    }
    for (const style of SYNTHETIC_STYLES) {
      for (let i = 0; i < options.perFormat; i++) {
        const sample = sampleFor(format, style, r, n++)
        const findings = scanFile(
          engine,
          sample.path,
          sample.text,
          sample.bytes
        )
        outputs.push(serialise(findings))
        const blocked = blocks(findings)
        tally(syntheticByFormat, format, blocked)
        tally(syntheticByStyle, style, blocked)
        if (blocked) falseBlocks.push({ path: sample.path, style })
      }
    }
  }

  const ordinary = { files: 0, blocking: 0, notes: 0, blocked: [] as string[] }
  for (let i = 0; i < Math.max(1, Math.ceil(options.perFormat / 4)); i++) {
    for (const file of ordinaryFiles(r, i)) {
      const findings = scanFile(engine, file.path, file.text)
      outputs.push(serialise(findings))
      ordinary.files++
      const errors = findings.filter(f => f.severity === 'error')
      ordinary.blocking += errors.length
      ordinary.notes += findings.length - errors.length
      if (errors.length > 0)
        ordinary.blocked.push(
          `${file.what} (${file.path}: ${errors.map(e => e.ruleId).join(', ')})`
        )
    }
  }

  const sum = (map: Record<string, Tally>, f: (t: Tally) => number) =>
    Object.values(map).reduce((a, t) => a + f(t), 0)
  const tp = sum(realisticByFormat, t => t.blocked)
  const realTotal = sum(realisticByFormat, t => t.total)
  const fpSynthetic = sum(syntheticByFormat, t => t.blocked)
  const fpOrdinary = ordinary.blocked.length
  const synthTotal = sum(syntheticByFormat, t => t.total)
  return {
    realisticByFormat,
    syntheticByFormat,
    syntheticByStyle,
    identifiers,
    ordinary,
    recall: tp / realTotal,
    precision: tp / Math.max(1, tp + fpSynthetic + fpOrdinary),
    syntheticPassRate: (synthTotal - fpSynthetic) / synthTotal,
    output: outputs.join('\n'),
    planted,
    misses,
    falseBlocks
  }
}
