/**
 * The job summary's account of the run itself: what was scanned, what was
 * not read as text, and which artifacts were verified.
 */
import type { GateResult, SkippedFile } from '../gate/result.js'
import { formatBytes, formatDuration, plural } from './format.js'
import { code, escapeMarkdown } from './markdown.js'
import { DEFAULT_ROWS, rowsNote } from './summary-findings.js'

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
