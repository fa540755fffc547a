/**
 * The Markdown summary of a run: the job summary, and the pieces the check
 * run's output reuses. Pure functions from a GateResult to Markdown; the
 * caller appends the result to `GITHUB_STEP_SUMMARY` (`core.summary`).
 */
import {
  activeFindings,
  meetsThreshold,
  SEVERITIES,
  type Finding
} from '../findings/finding.js'
import type { GateResult, SkippedFile } from '../gate/result.js'
import type { AnnotationLevel } from './annotations.js'
import {
  blobUrl,
  code,
  escapeMarkdown,
  link,
  truncateMarkdown
} from './markdown.js'

/** Annotations a channel could not show on the diff, per level. */
export interface AnnotationsNotShown {
  readonly counts: Readonly<Partial<Record<AnnotationLevel, number>>>
  /**
   * `step-limit`: workflow commands, of which GitHub shows ten per level
   * per step; `check-run-limit`: the gate's own cap on check annotations.
   */
  readonly reason: 'step-limit' | 'check-run-limit'
}

export interface SummaryOptions {
  /** GitHub's web address (`GITHUB_SERVER_URL`); default github.com. */
  readonly serverUrl?: string
  readonly annotationsNotShown?: AnnotationsNotShown
  /** Most rows in any one table (default 500). */
  readonly maxRows?: number
  /** Most characters in all (default 1,000,000: GitHub's cap is 1 MiB). */
  readonly maxLength?: number
}

const DEFAULT_SERVER = 'https://github.com'
const DEFAULT_ROWS = 500
const DEFAULT_LENGTH = 1_000_000

/** The whole job summary. */
export function renderJobSummary(
  result: GateResult,
  options: SummaryOptions = {}
): string {
  const sections = [
    `## HIPAA Gate\n\n${verdictLine(result)}`,
    annotationsNote(options.annotationsNotShown),
    safeguardTable(result),
    findingsSection(result, options),
    scannedSection(result),
    skippedSection(result.stats.skipped, options.maxRows),
    suppressedSection(result, options),
    artifactsSection(result, options.maxRows)
  ]
  const markdown = sections.filter(s => s.length > 0).join('\n\n') + '\n'
  return truncateMarkdown(
    markdown,
    options.maxLength ?? DEFAULT_LENGTH,
    omitted =>
      `_The summary was cut here: ${omitted} more lines would exceed ` +
      `GitHub's size limit. The SARIF and JSON reports list every finding._`
  )
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

function bySeverity(findings: readonly Finding[]): string {
  return SEVERITIES.map(
    s => [s, findings.filter(f => f.severity === s)] as const
  )
    .filter(([, list]) => list.length > 0)
    .map(([s, list]) => `${list.length} ${s}`)
    .join(', ')
}

/** One sentence: passed or failed, and why. */
export function verdictLine(result: GateResult): string {
  const active = activeFindings(result.findings)
  const suppressed = result.findings.length - active.length
  const blocking = active.filter(f => meetsThreshold(f.severity, result.failOn))
  const below = active.length - blocking.length
  const failOn = `\`fail-on: ${result.failOn}\``
  const tail =
    (below > 0 && blocking.length > 0 ? `; ${below} below it` : '') +
    (suppressed > 0 ? `; ${suppressed} suppressed` : '')
  if (result.conclusion === 'failure') {
    return (
      `❌ **Failed**: ${plural(blocking.length, 'finding')} at or above ` +
      `${failOn} (${bySeverity(blocking)})${tail}.`
    )
  }
  if (active.length > 0) {
    return (
      `✅ **Passed**: ${plural(active.length, 'finding')} below ${failOn} ` +
      `(${bySeverity(active)})${tail}.`
    )
  }
  return `✅ **Passed**: no findings${tail}.`
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

function rowsNote(shown: number, total: number, what: string): string {
  return shown < total
    ? `\n\n_${total - shown} more ${what} are not listed here; the SARIF ` +
        'and JSON reports list them all._'
    : ''
}

/** Every active finding, linked to its line at the head commit. */
export function findingsSection(
  result: GateResult,
  options: SummaryOptions = {}
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

/** Byte counts as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/** Milliseconds as people read them. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** What was scanned: the audit answer to "was it really checked?". */
export function scannedSection(result: GateResult): string {
  const { stats } = result
  const lines = ['### What was scanned', '']
  if (stats.range) {
    lines.push(
      `- Range: ${code(stats.range.base.slice(0, 12))}…` +
        `${code(stats.range.head.slice(0, 12))} ` +
        `(${escapeMarkdown(stats.range.description)})`
    )
  } else {
    lines.push(`- Mode: ${stats.mode === 'full' ? 'full tree' : stats.mode}`)
  }
  lines.push(
    `- ${plural(stats.filesScanned, 'file')}, ` +
      `${plural(stats.linesScanned, 'line')}, ${formatBytes(stats.bytesScanned)}`
  )
  const phases = Object.entries(result.timings)
  if (phases.length > 0) {
    const total = phases.reduce((sum, [, ms]) => sum + ms, 0)
    const parts = phases.map(
      ([p, ms]) => `${escapeMarkdown(p)} ${formatDuration(ms)}`
    )
    lines.push(`- Time: ${formatDuration(total)} (${parts.join(', ')})`)
  }
  lines.push(
    `- Rules: ${result.rules.length}; configuration digest ` +
      code(result.config.digest.slice(0, 16))
  )
  return lines.join('\n')
}

const SKIP_REASONS: Record<SkippedFile['reason'], string> = {
  binary: 'binary',
  'too-large': 'too large',
  submodule: 'submodule',
  unreadable: 'unreadable'
}

/** Files the gate saw but did not read as text. */
export function skippedSection(
  skipped: readonly SkippedFile[],
  maxRows = DEFAULT_ROWS
): string {
  if (skipped.length === 0) return ''
  const rows = skipped.slice(0, maxRows).map(file => {
    const size = file.bytes !== undefined ? `, ${formatBytes(file.bytes)}` : ''
    return `| ${escapeMarkdown(file.path)} | ${SKIP_REASONS[file.reason]}${size} |`
  })
  return (
    [
      `### Not scanned as text (${skipped.length})`,
      '',
      '| File | Why |',
      '| --- | --- |',
      ...rows
    ].join('\n') + rowsNote(rows.length, skipped.length, 'files')
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
  options: SummaryOptions = {}
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

/** Says how many annotations GitHub will not show, and why. */
export function annotationsNote(notShown?: AnnotationsNotShown): string {
  if (!notShown) return ''
  const parts = Object.entries(notShown.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([level, n]) => `${n} ${level}`)
  if (parts.length === 0) return ''
  const why =
    notShown.reason === 'step-limit'
      ? 'GitHub shows at most 10 annotations of each level per step'
      : 'the check run carries a limited number of annotations'
  return (
    `> [!NOTE]\n> ${why}: ${parts.join(', ')} annotations are not shown ` +
    'on the diff. Every finding is listed below.'
  )
}

/** The artifacts whose integrity was checked, and the outcome. */
export function artifactsSection(
  result: GateResult,
  maxRows = DEFAULT_ROWS
): string {
  const artifacts = result.artifacts ?? []
  if (artifacts.length === 0) return ''
  const rows = artifacts.slice(0, maxRows).map(a => {
    const digest = a.digests.sha256 ?? Object.values(a.digests)[0] ?? ''
    const signer = Object.entries(a.signer ?? {})
      .map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(v)}`)
      .join('<br>')
    return (
      `| ${escapeMarkdown(a.path)} | ${a.verified ? '✅ verified' : '❌ not verified'} | ` +
      `${digest ? code(digest.slice(0, 16)) : ''} | ${signer} |`
    )
  })
  return (
    [
      `### Artifacts (${artifacts.length})`,
      '',
      '| Artifact | Integrity | Digest | Signer |',
      '| --- | --- | --- | --- |',
      ...rows
    ].join('\n') + rowsNote(rows.length, artifacts.length, 'artifacts')
  )
}
