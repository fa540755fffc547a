/**
 * The shape shared by the transmission-security rules: text rules over
 * scripts, Dockerfiles, Makefiles, workflow YAML and package-manager
 * configuration, whose checks see both raw lines and parsed commands.
 */
import { matchesOf } from '../regex.js'
import type { Match, RuleMetadata, TextRule } from '../rule.js'
import { capPerLine } from './matches.js'
import { isTransportPath } from './paths.js'
import { commentLines, readCommands, type Command } from './shell.js'

/** What a check gets: the window text, its commands and a comment test. */
export interface TransportText {
  readonly text: string
  /** The window's commands, parsed on first use. */
  commands(): readonly Command[]
  /** Whether `offset` sits on a line that is a comment. */
  isComment(offset: number): boolean
}

export type TransportCheck = (input: TransportText) => Iterable<Match>

export type TransportRuleMetadata = Omit<
  RuleMetadata,
  'category' | 'redaction'
> & {
  readonly contextLines?: number
  readonly appliesTo?: (path: string) => boolean
}

/**
 * A text rule running `checks` over each window. Matches that overlap an
 * earlier one are dropped, so two checks seeing the same flag (as a word
 * and as a `key=value`) report it once.
 */
export function transportRule(
  metadata: TransportRuleMetadata,
  checks: readonly TransportCheck[]
): TextRule {
  const { appliesTo = isTransportPath, ...rest } = metadata
  return {
    ...rest,
    kind: 'text',
    category: 'ci-config',
    // The matched text can be a URL with credentials in it, or a command
    // line carrying a token: show only its kind and length.
    redaction: 'none',
    appliesTo,
    *detect(text: string): Iterable<Match> {
      let commands: Command[] | undefined
      const input: TransportText = {
        text,
        commands: () => (commands ??= readCommands(text)),
        isComment: commentLines(text)
      }
      const found: Match[] = []
      // Not push(...matches): a hostile window can hold more matches than
      // a call may take arguments.
      for (const check of checks) {
        for (const match of check(input)) found.push(match)
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end)
      let reached = -1
      const kept = found.filter(match => {
        if (match.start < reached) return false
        reached = match.end
        return true
      })
      yield* capPerLine(text, kept)
    }
  }
}

/** A check from a global regular expression over raw, uncommented lines. */
export function lineCheck(
  pattern: RegExp,
  fields: (
    m: RegExpMatchArray
  ) => Omit<Match, 'start' | 'end' | 'value'> | undefined
): TransportCheck {
  return function* ({ text, isComment }) {
    for (const m of matchesOf(pattern, text)) {
      // A leading separator the pattern needed is not part of the finding.
      const lead = m[0].length - m[0].trimStart().length
      const start = m.index + lead
      if (isComment(start)) continue
      const extra = fields(m)
      if (!extra) continue
      const value = m[0].slice(lead)
      yield { start, end: start + value.length, value, ...extra }
    }
  }
}
