/**
 * Findings that do not come from a text match: a digest that does not
 * match, a bundle that fails a check. They go through the same fingerprint
 * and redaction functions as the engine's findings.
 */
import type { Finding, FindingProperties, Severity } from './finding.js'
import { fingerprint } from './fingerprint.js'
import { redact } from './redact.js'
import type { RuleMetadata } from '../rules/rule.js'

/** What a caller knows about a finding that has no matched text. */
export interface FindingInput {
  /** Repository-relative POSIX path the finding is reported on. */
  readonly file: string
  /** 1-based line; 1 when the finding is about the file as a whole. */
  readonly line?: number
  readonly column?: number
  readonly message: string
  /**
   * What makes this finding distinct from others of the rule on the same
   * file (an expected digest, the check that failed). It feeds the
   * fingerprint and, redacted, the finding's `redacted` field.
   */
  readonly value: string
  /** What kind of value `value` is, for the redacted form. */
  readonly kind?: string
  /** Overrides the rule's default severity. */
  readonly severity?: Severity
  /** Overrides the rule's safeguard when one check serves another section. */
  readonly safeguard?: string
  readonly properties?: FindingProperties
}

/** Builds a finding of `rule` that is not tied to a span of text. */
export function createFinding(
  rule: RuleMetadata,
  input: FindingInput
): Finding {
  const line = input.line ?? 1
  const column = input.column ?? 1
  return {
    ruleId: rule.id,
    category: rule.category,
    severity: input.severity ?? rule.severity,
    safeguard: input.safeguard ?? rule.safeguard,
    file: input.file,
    line,
    column,
    endLine: line,
    endColumn: column + 1,
    message: input.message,
    fingerprint: fingerprint(rule.id, input.file, input.value),
    redacted: redact(input.value, rule.redaction, input.kind ?? rule.id),
    ...(input.properties ? { properties: input.properties } : {})
  }
}
