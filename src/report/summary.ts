/**
 * The Markdown summary of a run: the job summary, and the pieces the check
 * run's output reuses. Pure functions from a GateResult to Markdown; the
 * caller appends the result to `GITHUB_STEP_SUMMARY` (`core.summary`).
 */
import { activeFindings, meetsThreshold } from '../findings/finding.js'
import type { GateResult } from '../gate/result.js'
import type { AnnotationLevel } from './annotations.js'
import { bySeverity, plural } from './format.js'
import { truncateMarkdown } from './markdown.js'
import {
  findingsSection,
  safeguardTable,
  suppressedSection,
  type TableOptions
} from './summary-findings.js'
import {
  artifactsSection,
  scannedSection,
  skippedSection
} from './summary-run.js'

export { formatBytes, formatDuration } from './format.js'
export {
  findingsSection,
  safeguardTable,
  suppressedSection
} from './summary-findings.js'
export {
  artifactsSection,
  scannedSection,
  skippedSection
} from './summary-run.js'

/** Annotations a channel could not show on the diff, per level. */
export interface AnnotationsNotShown {
  readonly counts: Readonly<Partial<Record<AnnotationLevel, number>>>
  /**
   * `step-limit`: workflow commands, of which GitHub shows ten per level
   * per step; `check-run-limit`: the gate's own cap on check annotations.
   */
  readonly reason: 'step-limit' | 'check-run-limit'
}

export interface SummaryOptions extends TableOptions {
  readonly annotationsNotShown?: AnnotationsNotShown
  /** Most characters in all (default 1,000,000: GitHub's cap is 1 MiB). */
  readonly maxLength?: number
}

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
