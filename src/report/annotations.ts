/**
 * Findings as line annotations, shared by the Checks API and the workflow
 * command channels so both say the same thing about the same finding.
 */
import {
  activeFindings,
  compareFindings,
  type Finding,
  type Severity
} from '../findings/finding.js'

/** GitHub's annotation levels, as the Checks API names them. */
export type AnnotationLevel = 'failure' | 'warning' | 'notice'

const LEVELS: Record<Severity, AnnotationLevel> = {
  error: 'failure',
  warning: 'warning',
  note: 'notice'
}

/** The Checks API refuses titles longer than this. */
export const TITLE_MAX = 255
/**
 * The Checks API refuses messages and raw details over 64 KB; 16,000 UTF-16
 * code units stay under that whatever the characters.
 */
export const MESSAGE_MAX = 16_000

/** One annotation, independent of the channel that will carry it. */
export interface Annotation {
  readonly path: string
  readonly startLine: number
  readonly endLine: number
  /** Present only when the annotation starts and ends on one line. */
  readonly startColumn?: number
  /** Inclusive, as GitHub counts it; present with `startColumn`. */
  readonly endColumn?: number
  readonly level: AnnotationLevel
  readonly title: string
  readonly message: string
  readonly rawDetails: string
  /** The finding it came from, so a caller can tell what was delivered. */
  readonly finding: Finding
}

/** The annotation level for a severity. */
export function annotationLevel(severity: Severity): AnnotationLevel {
  return LEVELS[severity]
}

/**
 * Annotations for the findings that count: suppressed findings are left
 * out (the summary lists them), and the most severe come first so that a
 * channel that caps the number shows the ones that matter.
 */
export function annotationsFor(findings: readonly Finding[]): Annotation[] {
  return activeFindings(findings).sort(compareFindings).map(toAnnotation)
}

function toAnnotation(finding: Finding): Annotation {
  // Lines start at 1 in both APIs; an artifact finding may carry line 0.
  const startLine = Math.max(1, finding.line)
  const endLine = Math.max(startLine, finding.endLine)
  const oneLine = startLine === endLine && finding.column >= 1
  const columns = oneLine
    ? {
        startColumn: finding.column,
        // The finding's end column is exclusive; GitHub's is inclusive.
        endColumn: Math.max(finding.column, finding.endColumn - 1)
      }
    : {}
  return {
    path: finding.file,
    startLine,
    endLine,
    ...columns,
    level: annotationLevel(finding.severity),
    title: clip(`${finding.ruleId} (45 CFR ${finding.safeguard})`, TITLE_MAX),
    message: clip(`${finding.message} Found: ${finding.redacted}`, MESSAGE_MAX),
    rawDetails: clip(
      `Rule: ${finding.ruleId}\nSafeguard: 45 CFR ${finding.safeguard}\n` +
        `Fingerprint: ${finding.fingerprint}`,
      MESSAGE_MAX
    ),
    finding
  }
}

/** Cuts `text` to at most `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
