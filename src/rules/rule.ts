/**
 * The rule model. A rule is metadata plus a detector; the engine decides
 * where the detector runs and turns what it returns into findings.
 */
import type {
  Category,
  FindingProperties,
  Severity
} from '../findings/finding.js'
import type { RedactionStyle } from '../findings/redact.js'

export interface RuleMetadata {
  /** Stable kebab-case id; renaming one breaks users' configs. */
  readonly id: string
  readonly category: Category
  /** Default severity; the config file can change it. */
  readonly severity: Severity
  /** The 45 CFR section served, e.g. `164.312(a)(1)`. */
  readonly safeguard: string
  /** One line saying what the rule finds. */
  readonly summary: string
  /** Longer documentation (Markdown): what is validated, how to fix. */
  readonly description?: string
  /** The credential's provider or the identifier's issuer, when there is one. */
  readonly provider?: string
  /** Where to read how to revoke, rotate or remediate. */
  readonly helpUri?: string
  /**
   * Lower-case ASCII strings one of which must occur near a match. The
   * prefilter finds them in one pass; the detector runs only in windows
   * around them. An empty list means the detector sees all the text.
   */
  readonly keywords: readonly string[]
  /** How the matched value may be hinted at in the finding. */
  readonly redaction: RedactionStyle
  /** What the rule checks beyond the pattern (checksum, structure, context). */
  readonly validation?: string
  /**
   * Set on catch-all rules (a generic credential assignment): their match
   * is dropped when a more specific rule matched an overlapping span of
   * the same text, so one secret yields one finding.
   */
  readonly fallback?: boolean
  /** A bad and a fixed example for the documentation (no real values). */
  readonly examples?: { readonly bad: string; readonly good: string }
}

/**
 * What a detector returns: a span of the text it was given. `value` is the
 * sensitive part; it is read to redact and fingerprint and then dropped.
 */
export interface Match {
  /** Offset of the first character, in the text passed to the detector. */
  readonly start: number
  /** Offset just past the last character. */
  readonly end: number
  /** The matched secret or identifier. Never stored past the engine. */
  readonly value: string
  /** Overrides the rule summary as the finding message. Never holds values. */
  readonly message?: string
  readonly severity?: Severity
  /** What kind of value it is, for `suffix` and `none` redaction. */
  readonly kind?: string
  readonly properties?: FindingProperties
  /**
   * Set by a document rule that has decided the match belongs to the change
   * although none of its lines was added: a new trigger that makes an old
   * checkout step dangerous, say.
   */
  readonly changed?: boolean
}

/**
 * A rule that reads plain text: the lines a change adds, or a whole file in
 * a full scan. Its detector gets windows of that text around keyword hits.
 */
export interface TextRule extends RuleMetadata {
  readonly kind: 'text'
  /**
   * Lines of context around each keyword hit that a window includes on each
   * side (default 0: the hit's own line). A PEM key needs its whole block.
   */
  readonly contextLines?: number
  /**
   * When set (and `contextLines` is not), a window reaches only this many
   * characters before the keyword and after it, within its line: enough for a
   * token that contains its keyword, and it keeps a minified bundle's
   * megabyte-long line from being read once per hit.
   */
  readonly reach?: number
  /**
   * A string that every match holds, exactly as written. A window without
   * it is skipped before the detector runs: most windows around a common
   * keyword (`https://` for URL passwords) hold no match.
   */
  readonly needs?: string
  /**
   * Every match begins with one of the rule's keywords, and never right
   * after an ASCII letter or digit (a token prefix such as `re_`, which
   * inside `store_` is no token): hits right after one are skipped. A
   * match must fit in the window of its own hit for this to hold.
   */
  readonly wordStart?: boolean
  /** Optional cheap path filter (POSIX, repository-relative). */
  appliesTo?(path: string): boolean
  detect(text: string): Iterable<Match>
}

/**
 * A view of one whole file, for rules that need structure (HL7 segments, a
 * CSV header, a workflow's YAML tree) rather than single lines.
 */
export interface ScanDocument {
  /** Repository-relative POSIX path. */
  readonly path: string
  /** The whole file decoded as UTF-8 (empty for a binary file). */
  readonly text: string
  /** The raw bytes, present for binary files such as DICOM. */
  readonly bytes?: Uint8Array
  /**
   * True when 1-based `line` is one the change adds (always true in a full
   * scan). Document rules use it to report only what the change touches.
   */
  isChanged(line: number): boolean
  /** True when this is a full scan (every line counts as changed). */
  readonly fullScan: boolean
}

/**
 * A rule that reads a whole file. Its matches are offsets into
 * `document.text`, or for binary files, a match with `start` = `end` = 0.
 * The engine keeps a match when any line it covers is changed, or when the
 * rule marks it `changed`.
 */
export interface DocumentRule extends RuleMetadata {
  readonly kind: 'document'
  /** Whether the file is one this rule reads, by path and a sample. */
  appliesTo(path: string, sample: string): boolean
  /** Set when the rule reads binary files (the engine passes bytes). */
  readonly binary?: boolean
  detect(document: ScanDocument): Iterable<Match>
}

export type Rule = TextRule | DocumentRule
