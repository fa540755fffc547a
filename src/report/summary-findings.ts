/**
 * The job summary's tables of findings: counts per safeguard and rule,
 * every active finding linked to its line, and every suppression with its
 * reason. Repository-controlled text is escaped before it is placed.
 */
import { activeFindings, type Finding } from '../findings/finding.js'
import type { GateResult } from '../gate/result.js'
import { bySeverity } from './format.js'
import { blobUrl, escapeMarkdown, link } from './markdown.js'

/** Options the tables share with the whole summary. */
export interface TableOptions {
  /** GitHub's web address (`GITHUB_SERVER_URL`); default github.com. */
  readonly serverUrl?: string
  /** Most rows in any one table (default 500). */
  readonly maxRows?: number
}

export const DEFAULT_SERVER = 'https://github.com'
export const DEFAULT_ROWS = 500

/** Says how many rows a table left out, if any. */
export function rowsNote(shown: number, total: number, what: string): string {
  return shown < total
    ? `\n\n_${total - shown} more ${what} are not listed here; the SARIF ` +
        'and JSON reports list them all._'
    : ''
}

/** Counts per safeguard and rule, most severe rule first within each. */
export function safeguardTable(result: GateResult): string {
  const active = activeFindings(result.findings)
  if (active.length === 0) return ''
  const groups = new Map<string, Finding[]>()
  for (const f of active) {
    const key = `${f.safeguard}\0${f.ruleId}`
    const list = groups.get(key) ?? []
    list.push(f)
    groups.set(key, list)
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, list]) => {
      const first = list[0]!
      return (
        `| ${escapeMarkdown(first.safeguard)} | ${escapeMarkdown(first.ruleId)}` +
        ` | ${bySeverity(list)} | ${list.length} |`
      )
    })
  return [
    '### Findings by safeguard',
    '',
    '| Safeguard (45 CFR) | Rule | Severity | Findings |',
    '| --- | --- | --- | ---: |',
    ...rows
  ].join('\n')
}
function location(f: Finding, result: GateResult, serverUrl: string): string {
  const label = `${f.file}:${f.line}`
  if (!result.repository || !result.headSha) return escapeMarkdown(label)
  const url = blobUrl({
    serverUrl,
    repository: result.repository,
    sha: result.headSha,
    path: f.file,
    line: f.line
  })
  return link(label, url)
}

function ordered(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.safeguard < b.safeguard ? -1 : a.safeguard > b.safeguard ? 1 : 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column
  )
}
/** Every active finding, linked to its line at the head commit. */
export function findingsSection(
  result: GateResult,
  options: TableOptions = {}
): string {
  const active = ordered(activeFindings(result.findings))
  if (active.length === 0) return ''
  const serverUrl = options.serverUrl ?? DEFAULT_SERVER
  const limit = options.maxRows ?? DEFAULT_ROWS
  const rows = active
    .slice(0, limit)
    .map(
      f =>
        `| ${escapeMarkdown(f.safeguard)} | ${escapeMarkdown(f.ruleId)} | ` +
        `${f.severity} | ${location(f, result, serverUrl)} | ` +
        `${escapeMarkdown(f.message)} ${escapeMarkdown(f.redacted)} |`
    )
  return (
    [
      '### Findings',
      '',
      '| Safeguard | Rule | Severity | Location | Finding |',
      '| --- | --- | --- | --- | --- |',
      ...rows
    ].join('\n') + rowsNote(rows.length, active.length, 'findings')
  )
}
const SUPPRESSION_KINDS = {
  inline: 'inline marker',
  path: 'path rule in the configuration',
  baseline: 'baseline'
} as const

/** What was suppressed, how, and the reason the audit trail records. */
export function suppressedSection(
  result: GateResult,
  options: TableOptions = {}
): string {
  const suppressed = ordered(result.findings.filter(f => f.suppression))
  if (suppressed.length === 0) return ''
  const serverUrl = options.serverUrl ?? DEFAULT_SERVER
  const limit = options.maxRows ?? DEFAULT_ROWS
  const rows = suppressed.slice(0, limit).map(f => {
    const how = SUPPRESSION_KINDS[f.suppression!.kind]
    return (
      `| ${escapeMarkdown(f.ruleId)} | ${location(f, result, serverUrl)} | ` +
      `${how} | ${escapeMarkdown(f.suppression!.reason)} |`
    )
  })
  return (
    [
      `### Suppressed (${suppressed.length})`,
      '',
      '| Rule | Location | How | Reason |',
      '| --- | --- | --- | --- |',
      ...rows
    ].join('\n') + rowsNote(rows.length, suppressed.length, 'suppressions')
  )
}
