/**
 * The `output` of a check run: a title, a short summary (verdict and counts)
 * and a longer text (every finding, what was scanned and skipped). The
 * Checks API refuses either over 65,535 characters, so each is cut to fit
 * with a note saying what was cut.
 */
import { activeFindings } from '../findings/finding.js'
import type { GateResult } from '../gate/result.js'
import { truncateMarkdown } from './markdown.js'
import {
  annotationsNote,
  findingsSection,
  safeguardTable,
  scannedSection,
  skippedSection,
  suppressedSection,
  verdictLine,
  type AnnotationsNotShown
} from './summary.js'

/** The Checks API's limit on `output.summary` and `output.text`. */
export const CHECK_OUTPUT_MAX = 65_535

export interface CheckRunOutput {
  readonly title: string
  readonly summary: string
  readonly text: string
}

export interface CheckOutputOptions {
  readonly serverUrl?: string
  readonly annotationsNotShown?: AnnotationsNotShown
  /** Override of the 65,535-character limit, for tests. */
  readonly maxLength?: number
}

/** The check run's title: the verdict in a few words. */
export function checkRunTitle(result: GateResult): string {
  const active = activeFindings(result.findings).length
  const verdict = result.conclusion === 'failure' ? 'Failed' : 'Passed'
  return active === 0
    ? `${verdict}: no findings`
    : `${verdict}: ${active} finding${active === 1 ? '' : 's'}`
}

/** Title, summary and text for `checks.update`, each within the limit. */
export function checkRunOutput(
  result: GateResult,
  options: CheckOutputOptions = {}
): CheckRunOutput {
  const max = options.maxLength ?? CHECK_OUTPUT_MAX
  const summary = [
    verdictLine(result),
    annotationsNote(options.annotationsNotShown),
    safeguardTable(result)
  ]
    .filter(s => s.length > 0)
    .join('\n\n')
  const text = [
    findingsSection(result, { serverUrl: options.serverUrl, maxRows: 1000 }),
    scannedSection(result),
    skippedSection(result.stats.skipped),
    suppressedSection(result, { serverUrl: options.serverUrl })
  ]
    .filter(s => s.length > 0)
    .join('\n\n')
  const note = (part: string) => (omitted: number) =>
    `_Truncated: ${omitted} more lines of the ${part} exceed the Checks ` +
    `API's limit of ${max} characters. The job summary, SARIF and JSON ` +
    'reports list every finding._'
  return {
    title: checkRunTitle(result),
    summary: truncateMarkdown(summary, max, note('summary')),
    text: truncateMarkdown(text, max, note('details'))
  }
}
