/**
 * No input may make a scan super-linear. Each rule's detector gets the
 * worst windows it could see (one line a quarter-megabyte long) at two
 * sizes; doubling the input may at most roughly double the work. Times are
 * best-of-three and below a small floor they are noise, not a trend.
 */
import { Engine } from '../../../src/engine/engine.js'
import { allRules } from '../../../src/rules/index.js'
import type { TextRule } from '../../../src/rules/rule.js'
import { secretRules } from '../../../src/rules/secrets/index.js'

const SIZE = 64 * 1024
const NOISE_MS = 4
const MAX_RATIO = 3.2

function bestMs(run: () => void): number {
  let best = Infinity
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint()
    run()
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6)
  }
  return best
}

function drain(rule: TextRule, text: string): number {
  let n = 0
  for (const _ of rule.detect(text)) n++
  return n
}

/** Inputs of about `size` characters that stress `rule`. */
function adversarial(rule: TextRule, size: number): Record<string, string> {
  const keyword = rule.keywords[0] ?? 'key'
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length))
  return {
    'one repeated character': 'a'.repeat(size),
    'a run of token characters after the keyword':
      keyword + fill('aB3_-+/=9Zq'),
    'many keyword hits on one line': fill(`${keyword}="aB3x9Zq1k2" `),
    'many keyword hits on many lines': fill(`${keyword}: aB3x9Zq1k2\n`)
  }
}

const textRules = secretRules.filter((r): r is TextRule => r.kind === 'text')

describe('credential rules on adversarial input', () => {
  it.each(textRules.map(rule => [rule.id, rule] as const))(
    '%s scans in time linear in its input',
    (_id, rule) => {
      const small = adversarial(rule, SIZE)
      const large = adversarial(rule, 2 * SIZE)
      for (const kind of Object.keys(small)) {
        const a = bestMs(() => drain(rule, small[kind]!))
        const b = bestMs(() => drain(rule, large[kind]!))
        if (b < NOISE_MS) continue
        expect(b / Math.max(a, NOISE_MS / 2)).toBeLessThan(MAX_RATIO)
      }
    }
  )

  it('scans a megabyte of one repeated character through every rule', () => {
    const engine = new Engine(allRules)
    const half = bestMs(() => engine.scanText('big.txt', 'A'.repeat(1 << 19)))
    const full = bestMs(() => engine.scanText('big.txt', 'A'.repeat(1 << 20)))
    expect(full / Math.max(half, NOISE_MS / 2)).toBeLessThan(MAX_RATIO)
  })

  it('scans keyword hits spread over a few very long lines through every rule', () => {
    // A minified bundle: a handful of lines, thousands of hits on each. A
    // rule with context lines must not search the lines below every hit.
    const engine = new Engine(allRules)
    const keywords = ['abia', 'akia', 'secret_access_key', 'begin', 'curl']
    const unit = keywords.map(k => `${'x'.repeat(90)}${k}`).join('')
    const text = (n: number) =>
      Array.from({ length: 6 }, () =>
        unit.repeat(Math.ceil(n / 6 / unit.length))
      ).join('\n')
    const half = bestMs(() => engine.scanText('bundle.js', text(1 << 19)))
    const full = bestMs(() => engine.scanText('bundle.js', text(1 << 20)))
    expect(full / Math.max(half, NOISE_MS / 2)).toBeLessThan(MAX_RATIO)
  })

  it('scans a megabyte made of every keyword repeated through every rule', () => {
    const engine = new Engine(allRules)
    const keywords = [...new Set(allRules.flatMap(r => r.keywords))]
    const unit = keywords.map(k => `${k}=aB3x9Zq1k2`).join(' ') + '\n'
    const text = (n: number) => unit.repeat(Math.ceil(n / unit.length))
    const half = bestMs(() => engine.scanText('k.env', text(1 << 19)))
    const full = bestMs(() => engine.scanText('k.env', text(1 << 20)))
    expect(full / Math.max(half, NOISE_MS / 2)).toBeLessThan(MAX_RATIO)
  })
})
