import { Engine } from '../../src/engine/engine.js'
import { allRules } from '../../src/rules/index.js'
import {
  formatFindingLine,
  renderText,
  summaryLine,
  terminalSafe
} from '../../src/report/text.js'
import { githubToken } from '../helpers/fake-values.js'
import { leaks, plantedResult, resultWith } from './gate-result.js'

describe('plain-text report', () => {
  it('prints one line per finding, most severe first, then the totals', () => {
    const { result, planted } = plantedResult()
    const text = renderText(result)
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toBe(
      'deploy/aws.env:2:19  error  aws-access-key-id  ' +
        `${result.findings.find(f => f.file === 'deploy/aws.env')!.message}  ` +
        `[${result.findings.find(f => f.file === 'deploy/aws.env')!.redacted}]`
    )
    expect(lines.at(-1)).toBe(
      '4 findings (4 error), 1 suppressed. Scanned 5 files, 25 lines, ' +
        '2.0 KiB in 46 ms, 1 not scanned as text; gate failed (fail-on: warning).'
    )
    expect(text).toContain('Suppressed:\ndocs/old.md:1:3')
    expect(text).toContain('suppressed (inline): revoked in INC-7')
    expect(leaks(text, planted)).toEqual([])
  })

  it('prints a block per finding in the detailed format', () => {
    const { result, planted } = plantedResult()
    const text = renderText(result, 'detailed')
    expect(text).toContain('  safeguard: 45 CFR 164.514(b)(2)(i)(G)')
    expect(text).toContain('  found: [SSN')
    expect(text).toContain(
      'Not scanned as text:\nassets/logo.png  not scanned as text (binary)'
    )
    expect(leaks(text, planted)).toEqual([])
  })

  it('says so when there is nothing to report', () => {
    expect(renderText(resultWith([]))).toBe(
      'no findings. Scanned 5 files, 25 lines, 2.0 KiB in 46 ms, ' +
        '1 not scanned as text; gate passed (fail-on: warning).\n'
    )
  })

  it('escapes control and bidi characters in file names', () => {
    const engine = new Engine(allRules)
    const [finding] = engine.scanText(
      'evil\u001b[2Jname\u202e.ts',
      githubToken(9)
    )
    const line = formatFindingLine(finding!)
    expect(line.startsWith('evil\\u001b[2Jname\\u202e.ts:1:1  error')).toBe(
      true
    )
    expect(terminalSafe('a\nb')).toBe('a\\u000ab')
  })

  it('gives the one-line summary with where the report was written', () => {
    const { result } = plantedResult()
    expect(summaryLine(result, 'out/hipaa.sarif')).toBe(
      'HIPAA Gate failed: 4 findings (4 error), 1 suppressed; ' +
        'report written to out/hipaa.sarif'
    )
    expect(summaryLine(resultWith([]))).toBe('HIPAA Gate passed: no findings')
  })
})
