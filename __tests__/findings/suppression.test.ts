import { formatBaseline, parseBaseline } from '../../src/findings/baseline.js'
import type { Finding } from '../../src/findings/finding.js'
import { readInlineMarker } from '../../src/findings/inline.js'
import { suppressor } from '../../src/findings/suppress.js'
import { SettingsError } from '../../src/settings/errors.js'

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'us-ssn',
  category: 'phi',
  severity: 'error',
  safeguard: '164.514(b)(2)(i)(G)',
  file: 'test/fixtures/a.csv',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 12,
  message: 'SSN',
  fingerprint: 'a'.repeat(32),
  redacted: '[SSN …42]',
  ...over
})

describe('inline markers', () => {
  it('read the reason after the marker, without comment closers', () => {
    expect(readInlineMarker('x <!-- hipaa-gate:allow synthetic -->')).toEqual({
      found: true,
      reason: 'synthetic'
    })
    expect(readInlineMarker('/* hipaa-gate:allow: fake data */')).toEqual({
      found: true,
      reason: 'fake data'
    })
  })

  it('report a marker with no reason as found without a reason', () => {
    expect(readInlineMarker('# hipaa-gate:allow')).toEqual({
      found: true,
      reason: undefined
    })
    expect(readInlineMarker('plain line')).toEqual({ found: false })
  })
})

describe('path ignores', () => {
  it('suppress findings under a glob with the configured reason', () => {
    const suppress = suppressor({
      ignorePaths: [{ pattern: 'test/fixtures/**', reason: 'synthetic' }]
    })
    expect(suppress(finding()).suppression).toEqual({
      kind: 'path',
      reason: 'synthetic'
    })
    expect(suppress(finding({ file: 'src/a.ts' })).suppression).toBeUndefined()
  })

  it('scoped to a rule leave other rules alone', () => {
    const suppress = suppressor({
      ignorePaths: [{ pattern: '**', reason: 'r', ruleId: 'pem-private-key' }]
    })
    expect(suppress(finding()).suppression).toBeUndefined()
  })
})

describe('the baseline', () => {
  it('suppresses exactly the fingerprints it lists', () => {
    const text = formatBaseline([finding()])
    const baseline = parseBaseline(text, 'baseline.json')
    const suppress = suppressor({ ignorePaths: [], baseline })
    expect(suppress(finding({ line: 90 })).suppression?.kind).toBe('baseline')
    expect(
      suppress(finding({ fingerprint: 'b'.repeat(32) })).suppression
    ).toBeUndefined()
  })

  it('holds no line numbers, so moving code does not change it', () => {
    expect(formatBaseline([finding({ line: 1 })])).toBe(
      formatBaseline([finding({ line: 400 })])
    )
    expect(formatBaseline([finding()])).not.toContain('"line"')
  })

  it('is rejected with the entry at fault when malformed', () => {
    const bad = JSON.stringify({ version: 1, findings: [{ ruleId: 'x' }] })
    expect(() => parseBaseline(bad, 'b.json')).toThrow(SettingsError)
    expect(() => parseBaseline(bad, 'b.json')).toThrow(
      'The baseline b.json, findings[0]'
    )
    expect(() => parseBaseline('{', 'b.json')).toThrow('not valid JSON')
  })
})
