import { Engine } from '../../src/engine/engine.js'
import { allRules } from '../../src/rules/index.js'
import {
  buildSarif,
  FINGERPRINT_KEY,
  renderSarif
} from '../../src/report/sarif.js'
import { githubToken } from '../helpers/fake-values.js'
import {
  leaks,
  manyFindings,
  plantedResult,
  resultWith
} from './gate-result.js'
import { errorsOf, sarifValidator } from './schemas.js'

const validate = sarifValidator()

type Log = ReturnType<typeof buildSarif>

function parse(text: string): Log {
  return JSON.parse(text) as Log
}

describe('SARIF report', () => {
  it('validates against the SARIF 2.1.0 schema and never holds a planted value', () => {
    const { result, planted } = plantedResult()
    const text = renderSarif(result)
    const log = parse(text)
    expect(validate(log)).toBe(true)
    expect(errorsOf(validate)).toEqual([])
    expect(leaks(text, planted)).toEqual([])
  })

  it('describes the tool and every rule that ran, for code scanning', () => {
    const log = buildSarif(plantedResult().result)
    const { driver } = log.runs[0]!.tool
    expect(driver).toMatchObject({ name: 'HIPAA Gate', version: '0.1.0' })
    expect(driver.rules.map(r => r.id)).toEqual(allRules.map(r => r.id))
    const token = driver.rules.find(r => r.id === 'github-classic-token')!
    expect(token).toMatchObject({
      name: 'GithubClassicToken',
      defaultConfiguration: { level: 'error' },
      properties: {
        'security-severity': '9.0',
        tags: expect.arrayContaining(['secret', '45 CFR 164.312(a)(1)'])
      }
    })
    expect(token.help.markdown).toContain('45 CFR § 164.312(a)(1)')
  })

  it('points each result at its rule, a relative location and its fingerprint', () => {
    const { result } = plantedResult()
    const log = buildSarif(result)
    const run = log.runs[0]!
    const first = run.results[0]!
    expect(run.tool.driver.rules[first.ruleIndex]!.id).toBe(first.ruleId)
    expect(first.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/aws.env', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 19, endLine: 2, endColumn: 39 }
    })
    const finding = result.findings.find(f => f.file === 'deploy/aws.env')!
    expect(first.partialFingerprints).toEqual({
      [FINGERPRINT_KEY]: finding.fingerprint
    })
  })

  it('keeps a suppressed finding as a result with an in-source suppression', () => {
    const log = buildSarif(plantedResult().result)
    const suppressed = log.runs[0]!.results.filter(r => 'suppressions' in r)
    expect(suppressed).toHaveLength(1)
    expect(suppressed[0]).toMatchObject({
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'docs/old.md' } } }
      ],
      suppressions: [
        {
          kind: 'inSource',
          status: 'accepted',
          justification: 'revoked in INC-7'
        }
      ]
    })
  })

  it('marks path and baseline suppressions as external', () => {
    const { result } = plantedResult()
    const findings = result.findings.map((f, i) =>
      i === 0
        ? {
            ...f,
            suppression: {
              kind: 'baseline' as const,
              reason: '.hipaa-gate-baseline.json'
            }
          }
        : f
    )
    const log = buildSarif(resultWith(findings))
    const external = log.runs[0]!.results.find(
      r => r.partialFingerprints[FINGERPRINT_KEY] === findings[0]!.fingerprint
    )
    expect(external).toMatchObject({ suppressions: [{ kind: 'external' }] })
    expect(validate(log)).toBe(true)
  })

  it('encodes file names into valid relative URIs', () => {
    const engine = new Engine(allRules)
    const findings = engine.scanText('docs/notes #1/a b%.txt', githubToken(3))
    const log = buildSarif(resultWith(findings))
    const uri =
      log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation
        .uri
    expect(uri).toBe('docs/notes%20%231/a%20b%25.txt')
    expect(validate(log)).toBe(true)
  })

  it('caps the results per run, dropping the least severe, and says so', () => {
    const { findings } = manyFindings(30)
    const log = buildSarif(resultWith(findings), { maxResults: 25 })
    const run = log.runs[0]!
    expect(run.results).toHaveLength(25)
    const notes = run.invocations[0]!.toolExecutionNotifications!
    expect(notes.map(n => n.message.text)).toContainEqual(
      expect.stringContaining('5 results were left out')
    )
    expect(validate(log)).toBe(true)
  })

  it('records the commit, the category and the skipped files', () => {
    const log = buildSarif(plantedResult().result, {
      automationId: 'hipaa-gate/pr/',
      srcRoot: 'file:///home/runner/work/app'
    })
    const run = log.runs[0]!
    expect(run.automationDetails).toEqual({ id: 'hipaa-gate/pr/' })
    expect(run.versionControlProvenance?.[0]).toMatchObject({
      repositoryUri: 'https://github.com/acme/clinic-portal'
    })
    expect(run.originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: 'file:///home/runner/work/app/' }
    })
    expect(run.invocations[0]!.toolExecutionNotifications?.[0]).toMatchObject({
      level: 'note',
      message: { text: 'Not scanned as text (binary).' }
    })
    expect(validate(log)).toBe(true)
  })

  it('validates for a clean run with no findings', () => {
    const log = buildSarif(resultWith([]))
    expect(log.runs[0]!.results).toEqual([])
    expect(validate(log)).toBe(true)
  })

  it('is refused by the schema when a result loses its message', () => {
    // Proves the validator is live: a broken log must fail.
    const log = buildSarif(plantedResult().result) as unknown as {
      runs: { results: Record<string, unknown>[] }[]
    }
    delete log.runs[0]!.results[0]!.message
    expect(validate(log)).toBe(false)
  })
})
