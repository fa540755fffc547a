import {
  buildJsonReport,
  renderJsonReport
} from '../../src/report/json-report.js'
import { leaks, plantedResult, resultWith } from './gate-result.js'
import { errorsOf, reportValidator } from './schemas.js'

const validate = reportValidator()

describe('JSON audit record', () => {
  it('validates against docs/report.schema.json and holds no planted value', () => {
    const { result, planted } = plantedResult()
    const text = renderJsonReport(result)
    const record: unknown = JSON.parse(text)
    expect(validate(record)).toBe(true)
    expect(errorsOf(validate)).toEqual([])
    expect(leaks(text, planted)).toEqual([])
  })

  it('records what ran, on what, with which configuration, and the verdict', () => {
    const record = buildJsonReport(plantedResult().result)
    expect(record).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'HIPAA Gate', version: '0.1.0' },
      event: 'pull_request',
      repository: 'acme/clinic-portal',
      range: { description: 'pull_request base...head' },
      config: { path: '.github/hipaa-gate.yml' },
      failOn: 'warning',
      conclusion: 'failure',
      totals: {
        findings: 5,
        active: 4,
        suppressed: 1,
        bySeverity: { error: 4 }
      }
    })
    expect(record.stats).not.toHaveProperty('range')
    expect(record.rules[0]).toEqual({
      id: 'github-classic-token',
      category: 'secret',
      severity: 'error',
      safeguard: '164.312(a)(1)',
      summary: expect.any(String)
    })
  })

  it('keeps suppressed findings with their reason', () => {
    const record = buildJsonReport(plantedResult().result)
    expect(record.findings.filter(f => f.suppression)).toEqual([
      expect.objectContaining({
        file: 'docs/old.md',
        suppression: { kind: 'inline', reason: 'revoked in INC-7' }
      })
    ])
  })

  it('copies only the documented finding fields', () => {
    const { result } = plantedResult()
    const tainted = result.findings.map(f => ({ ...f, value: 'do-not-copy' }))
    const text = renderJsonReport(resultWith(tainted))
    expect(text).not.toContain('do-not-copy')
    expect(validate(JSON.parse(text))).toBe(true)
  })

  it('includes artifacts when the run verified some, and validates', () => {
    const record = buildJsonReport(
      resultWith([], {
        stats: {
          mode: 'verify',
          filesScanned: 0,
          linesScanned: 0,
          bytesScanned: 0,
          skipped: []
        },
        artifacts: [
          {
            path: 'dist/app.tgz',
            digests: { sha256: 'ab'.repeat(32) },
            bundle: 'dist/app.tgz.sigstore.json',
            signer: { issuer: 'https://token.actions.githubusercontent.com' },
            verified: true
          }
        ]
      })
    )
    expect(record.artifacts).toHaveLength(1)
    expect(validate(record)).toBe(true)
  })

  it('leaves out what the run did not know, and still validates', () => {
    const record = buildJsonReport(
      resultWith([], {
        event: 'cli',
        repository: undefined,
        headSha: undefined,
        config: { digest: '0'.repeat(64) }
      })
    )
    expect(record).not.toHaveProperty('repository')
    expect(record).not.toHaveProperty('headSha')
    expect(record.config).toEqual({ digest: '0'.repeat(64) })
    expect(validate(record)).toBe(true)
  })

  it('is refused by the schema when a finding has an unknown severity', () => {
    const record = JSON.parse(renderJsonReport(plantedResult().result))
    record.findings[0].severity = 'critical'
    expect(validate(record)).toBe(false)
  })
})
