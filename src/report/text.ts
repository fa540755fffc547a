/**
 * Plain text for the CLI: one line per finding (`compact`), or a short
 * block per finding (`detailed`), then the totals; and the one summary
 * line printed to stdout when the report itself went to a file.
 */
import {
  activeFindings,
  compareFindings,
  type Finding
} from '../findings/finding.js'
import type { GateResult } from '../gate/result.js'
import { bySeverity, formatBytes, formatDuration, plural } from './format.js'

export type TextFormat = 'compact' | 'detailed'

// Control characters and bidirectional overrides in a file name could
// rewrite the terminal line or hide text (Trojan Source), so they are shown
// as escapes.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** `text` made safe to print on a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(
    UNSAFE,
    ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** `path:line:col  severity  rule-id  message  [redacted]`. */
export function formatFindingLine(f: Finding): string {
  return [
    `${terminalSafe(f.file)}:${f.line}:${f.column}`,
    f.severity,
    f.ruleId,
    terminalSafe(f.message),
    `[${terminalSafe(f.redacted)}]`
  ].join('  ')
}

function detailed(f: Finding): string {
  const lines = [
    `${terminalSafe(f.file)}:${f.line}:${f.column}  ${f.severity}  ${f.ruleId}`,
    `  ${terminalSafe(f.message)}`,
    `  found: ${terminalSafe(f.redacted)}`,
    `  safeguard: 45 CFR ${f.safeguard}  fingerprint: ${f.fingerprint}`
  ]
  if (f.suppression) {
    lines.push(
      `  suppressed (${f.suppression.kind}): ` +
        terminalSafe(f.suppression.reason)
    )
  }
  return lines.join('\n')
}

function countLine(result: GateResult): string {
  const active = activeFindings(result.findings)
  const suppressed = result.findings.length - active.length
  const findings =
    active.length === 0
      ? 'no findings'
      : `${plural(active.length, 'finding')} (${bySeverity(active)})`
  return suppressed > 0 ? `${findings}, ${suppressed} suppressed` : findings
}

function verdict(result: GateResult): string {
  const word = result.conclusion === 'failure' ? 'failed' : 'passed'
  return `gate ${word} (fail-on: ${result.failOn})`
}

/** The totals: counts, what was scanned, and the verdict. */
export function totalsLine(result: GateResult): string {
  const { stats } = result
  const ms = Object.values(result.timings).reduce((a, b) => a + b, 0)
  const skipped =
    stats.skipped.length > 0
      ? `, ${stats.skipped.length} not scanned as text`
      : ''
  return (
    `${countLine(result)}. Scanned ${stats.filesScanned} files, ` +
    `${stats.linesScanned} lines, ${formatBytes(stats.bytesScanned)} in ` +
    `${formatDuration(ms)}${skipped}; ${verdict(result)}.`
  )
}

/**
 * Every finding, active ones first and most severe first, then the
 * totals. Suppressed findings are listed after the active ones, marked.
 */
export function renderText(
  result: GateResult,
  format: TextFormat = 'compact'
): string {
  const active = activeFindings(result.findings).sort(compareFindings)
  const suppressed = result.findings
    .filter(f => f.suppression)
    .sort(compareFindings)
  const render = format === 'compact' ? formatFindingLine : detailed
  const blocks: string[] = []
  if (active.length > 0) {
    blocks.push(active.map(render).join(format === 'compact' ? '\n' : '\n\n'))
  }
  if (suppressed.length > 0) {
    const list =
      format === 'compact'
        ? suppressed.map(
            f =>
              `${formatFindingLine(f)}  suppressed (${f.suppression!.kind}): ` +
              terminalSafe(f.suppression!.reason)
          )
        : suppressed.map(detailed)
    blocks.push(
      `Suppressed:\n${list.join(format === 'compact' ? '\n' : '\n\n')}`
    )
  }
  const skipped = result.stats.skipped.map(
    s => `${terminalSafe(s.path)}  not scanned as text (${s.reason})`
  )
  if (skipped.length > 0 && format === 'detailed') {
    blocks.push(`Not scanned as text:\n${skipped.join('\n')}`)
  }
  blocks.push(totalsLine(result))
  return `${blocks.join('\n\n')}\n`
}

/**
 * The line the CLI prints to stdout when `--output` sent the report to a
 * file: the verdict and counts, and where the report went.
 */
export function summaryLine(result: GateResult, outputPath?: string): string {
  const where = outputPath
    ? `; report written to ${terminalSafe(outputPath)}`
    : ''
  const word = result.conclusion === 'failure' ? 'failed' : 'passed'
  return `HIPAA Gate ${word}: ${countLine(result)}${where}`
}
