/**
 * The finding: what the gate exists to produce. A finding is plain data and
 * is born redacted: it never holds the value a rule matched, only a redacted
 * form and a fingerprint that cannot be reversed without the value.
 */

/** The rule families, one per kind of HIPAA technical safeguard check. */
export type Category = 'secret' | 'phi' | 'integrity' | 'ci-config'

/** Severities, most severe first. `fail-on` compares against this order. */
export type Severity = 'error' | 'warning' | 'note'

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note']

/** Why a finding does not count against the gate. */
export interface Suppression {
  /** Where the suppression came from. */
  kind: 'inline' | 'path' | 'baseline'
  /** The reason given (inline comment text, config path, baseline file). */
  reason: string
}

/** Extra facts a rule attaches: never a matched value. */
export type FindingProperties = Record<
  string,
  string | number | boolean | readonly string[]
>

export interface Finding {
  /** Stable kebab-case id of the rule that produced it. */
  ruleId: string
  category: Category
  severity: Severity
  /** The 45 CFR section the rule serves, for example `164.312(a)(1)`. */
  safeguard: string
  /** Repository-relative POSIX path (an artifact path for integrity). */
  file: string
  /** 1-based line of the first character of the match. */
  line: number
  /** 1-based column of the first character of the match. */
  column: number
  /** 1-based line of the last character of the match. */
  endLine: number
  /** 1-based column just past the match, as SARIF counts it. */
  endColumn: number
  /** What was found and what to do about it; never the value itself. */
  message: string
  /** Hash of rule id, file and the normalized value; stable across lines. */
  fingerprint: string
  /** The value with all but a harmless hint removed, e.g. `ghp_…(40 chars)`. */
  redacted: string
  properties?: FindingProperties
  suppression?: Suppression
}

/** Rank of a severity: 0 is the most severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity)
}

/** True when `severity` is at least as severe as `threshold`. */
export function meetsThreshold(
  severity: Severity,
  threshold: Severity | 'never'
): boolean {
  if (threshold === 'never') return false
  return severityRank(severity) <= severityRank(threshold)
}

/** Findings that count against the gate: those not suppressed. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter(f => f.suppression === undefined)
}

/** The most severe level among active findings, or `none`. */
export function highestSeverity(
  findings: readonly Finding[]
): Severity | 'none' {
  let best: Severity | 'none' = 'none'
  for (const f of activeFindings(findings)) {
    if (best === 'none' || severityRank(f.severity) < severityRank(best)) {
      best = f.severity
    }
  }
  return best
}

/** Orders findings most severe first, then by file, line and column. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  )
}
