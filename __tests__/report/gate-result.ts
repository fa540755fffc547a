/**
 * GateResults for the report tests, whose findings come from the real
 * Engine scanning planted values, so every reporter can be searched for
 * the values it must never print.
 */
import { Engine } from '../../src/engine/engine.js'
import type { Finding } from '../../src/findings/finding.js'
import type { GateResult } from '../../src/gate/result.js'
import { allRules } from '../../src/rules/index.js'
import { awsKeyId, githubToken, pemKey, ssn } from '../helpers/fake-values.js'

/** A commit SHA for tests: 40 hex digits. */
export const HEAD_SHA = 'a1b2c3d4e5f6'.padEnd(40, '0')

/** Values the findings were made from; no output may contain any. */
export interface Planted {
  readonly values: readonly string[]
}

/** Whether `output` contains any planted value, or a long piece of one. */
export function leaks(output: string, planted: Planted): string[] {
  const found: string[] = []
  for (const value of planted.values) {
    if (output.includes(value)) found.push(value)
    // A secret's random body must not appear even without its prefix.
    const body = value.replace(/^[A-Za-z]{2,4}_/, '').slice(0, 16)
    if (body.length >= 12 && output.includes(body)) found.push(body)
  }
  return found
}

function scan(engine: Engine, path: string, text: string): Finding[] {
  return engine.scanText(path, text)
}

/** Overrides for the result around the findings. */
export type ResultOverrides = Partial<Omit<GateResult, 'findings'>>

/** A result with findings of every kind, one of them suppressed inline. */
export function plantedResult(overrides: ResultOverrides = {}): {
  result: GateResult
  planted: Planted
} {
  const engine = new Engine(allRules)
  const token = githubToken(21)
  const key = awsKeyId(4)
  const number = ssn(8)
  const pem = pemKey(2)
  const revoked = githubToken(33)
  const findings = [
    ...scan(engine, 'src/config.ts', `export const token = '${token}'\n`),
    ...scan(engine, 'deploy/aws.env', `\nAWS_ACCESS_KEY_ID=${key}\n`),
    ...scan(engine, 'fixtures/patients.csv', `name,ssn\nx,${number}\n`),
    ...scan(engine, 'keys/id_rsa', `${pem}\n`),
    ...scan(
      engine,
      'docs/old.md',
      `t=${revoked} hipaa-gate:allow revoked in INC-7\n`
    )
  ]
  if (findings.length !== 5) {
    throw new Error(`expected 5 planted findings, got ${findings.length}`)
  }
  return {
    result: resultWith(findings, overrides),
    planted: { values: [token, key, number, pem, revoked] }
  }
}

/** A result around `findings` with plausible facts about the run. */
export function resultWith(
  findings: readonly Finding[],
  overrides: ResultOverrides = {}
): GateResult {
  return {
    tool: { name: 'HIPAA Gate', version: '0.1.0' },
    event: 'pull_request',
    repository: 'acme/clinic-portal',
    headSha: HEAD_SHA,
    config: { path: '.github/hipaa-gate.yml', digest: 'f'.repeat(64) },
    rules: allRules,
    findings,
    stats: {
      mode: 'diff',
      range: {
        base: 'b'.repeat(40),
        head: HEAD_SHA,
        description: 'pull_request base...head'
      },
      filesScanned: 5,
      linesScanned: 25,
      bytesScanned: 2048,
      skipped: [{ path: 'assets/logo.png', reason: 'binary', bytes: 5120 }]
    },
    timings: { source: 12, scan: 30, report: 4 },
    startedAt: '2026-12-03T09:00:00.000Z',
    failOn: 'warning',
    conclusion: findings.some(f => !f.suppression) ? 'failure' : 'success',
    ...overrides
  }
}

/** `count` distinct GitHub-token findings, one per line of one file. */
export function manyFindings(count: number): {
  findings: Finding[]
  planted: Planted
} {
  const engine = new Engine(allRules)
  const tokens = Array.from({ length: count }, (_, i) => githubToken(100 + i))
  const findings = scan(engine, 'src/many.ts', tokens.join('\n'))
  return { findings, planted: { values: tokens } }
}
