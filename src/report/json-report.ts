/**
 * The JSON audit record: everything a compliance reviewer needs to show
 * that a change was checked, by what, with which configuration, and what
 * was found or suppressed and why. Its shape is versioned
 * (`schemaVersion`) and documented in docs/report-schema.md; the schema
 * is docs/report.schema.json.
 */
import {
  activeFindings,
  SEVERITIES,
  type Finding,
  type Severity
} from '../findings/finding.js'
import type { GateResult } from '../gate/result.js'

/** Bumped on any change that could break a reader of the record. */
export const REPORT_SCHEMA_VERSION = 1

/** The record, as written (see docs/report-schema.md for each field). */
export interface JsonReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION
  readonly tool: GateResult['tool']
  readonly event: string
  readonly repository?: string
  readonly range?: NonNullable<GateResult['stats']['range']>
  readonly headSha?: string
  readonly config: GateResult['config']
  readonly rules: readonly {
    readonly id: string
    readonly category: string
    readonly severity: Severity
    readonly safeguard: string
    readonly summary: string
  }[]
  readonly stats: Omit<GateResult['stats'], 'range'>
  readonly timings: GateResult['timings']
  readonly startedAt: string
  readonly failOn: GateResult['failOn']
  readonly conclusion: GateResult['conclusion']
  readonly totals: {
    readonly findings: number
    readonly active: number
    readonly suppressed: number
    readonly bySeverity: Readonly<Record<Severity, number>>
  }
  readonly findings: readonly Finding[]
  readonly artifacts?: GateResult['artifacts']
}

// Fields are copied one by one, never spread, so that nothing attached to
// a finding at run time can slip into the audit record.
function findingRecord(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    safeguard: f.safeguard,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    fingerprint: f.fingerprint,
    redacted: f.redacted,
    ...(f.properties ? { properties: f.properties } : {}),
    ...(f.suppression
      ? {
          suppression: {
            kind: f.suppression.kind,
            reason: f.suppression.reason
          }
        }
      : {})
  }
}

function artifactRecord(
  a: NonNullable<GateResult['artifacts']>[number]
): NonNullable<GateResult['artifacts']>[number] {
  return {
    path: a.path,
    digests: { ...a.digests },
    ...(a.manifest !== undefined ? { manifest: a.manifest } : {}),
    ...(a.bundle !== undefined ? { bundle: a.bundle } : {}),
    ...(a.signer !== undefined ? { signer: { ...a.signer } } : {}),
    verified: a.verified
  }
}

/** The audit record of a run. */
export function buildJsonReport(result: GateResult): JsonReport {
  const { range, ...stats } = result.stats
  const active = activeFindings(result.findings)
  const bySeverity = Object.fromEntries(
    SEVERITIES.map(s => [s, active.filter(f => f.severity === s).length])
  ) as Record<Severity, number>
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    event: result.event,
    ...(result.repository ? { repository: result.repository } : {}),
    ...(range ? { range } : {}),
    ...(result.headSha ? { headSha: result.headSha } : {}),
    config: {
      ...(result.config.path ? { path: result.config.path } : {}),
      digest: result.config.digest
    },
    rules: result.rules.map(rule => ({
      id: rule.id,
      category: rule.category,
      severity: rule.severity,
      safeguard: rule.safeguard,
      summary: rule.summary
    })),
    stats: {
      mode: stats.mode,
      filesScanned: stats.filesScanned,
      linesScanned: stats.linesScanned,
      bytesScanned: stats.bytesScanned,
      skipped: stats.skipped.map(file => ({
        path: file.path,
        reason: file.reason,
        ...(file.bytes !== undefined ? { bytes: file.bytes } : {})
      }))
    },
    timings: result.timings,
    startedAt: result.startedAt,
    failOn: result.failOn,
    conclusion: result.conclusion,
    totals: {
      findings: result.findings.length,
      active: active.length,
      suppressed: result.findings.length - active.length,
      bySeverity
    },
    findings: result.findings.map(findingRecord),
    ...(result.artifacts
      ? { artifacts: result.artifacts.map(artifactRecord) }
      : {})
  }
}

/** The audit record as the text of a `.json` file. */
export function renderJsonReport(result: GateResult): string {
  return `${JSON.stringify(buildJsonReport(result), null, 2)}\n`
}
