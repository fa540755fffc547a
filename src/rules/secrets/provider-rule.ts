/**
 * The table-driven provider rule: most credentials are a documented prefix
 * or a provider keyword followed by random characters. One entry describes
 * one credential; `providerRule` turns it into a `TextRule` with its own id,
 * metadata and message, and the precision checks every such rule shares.
 */
import type { Severity } from '../../findings/finding.js'
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { shannonEntropy } from './checks/entropy.js'
import { isPlaceholder } from './checks/placeholder.js'

/** One credential format of one provider. */
export interface ProviderCredential {
  /** Stable kebab-case rule id. */
  readonly id: string
  /** Who issues the credential, e.g. `Slack`. */
  readonly provider: string
  /** What it is, in the provider's words, e.g. `bot token`. */
  readonly credential: string
  /** Lower-case strings one of which occurs in or near every match. */
  readonly keywords: readonly string[]
  /**
   * A global regular expression with bounded quantifiers. The named group
   * `secret` is the credential when present, else the whole match.
   */
  readonly pattern: RegExp
  /** What the credential lets its holder do, as the provider documents it. */
  readonly grants: string
  /** How to revoke or rotate it, one sentence. */
  readonly revoke: string
  /** The provider's page on revoking or managing the credential. */
  readonly helpUri: string
  /** What is checked beyond the pattern, for the documentation. */
  readonly validation?: string
  /** Structure or checksum check; a value that fails is not reported. */
  readonly check?: (value: string) => boolean
  /** Minimum Shannon entropy of the value in bits per character (2.5). */
  readonly minEntropy?: number
  /** Something that must also occur in the window, e.g. a SAS `sv=`. */
  readonly requires?: RegExp
  readonly severity?: Severity
  readonly contextLines?: number
  /**
   * Characters either side of a keyword hit the pattern may need (1000).
   * Patterns that start before their keyword with a character class set a
   * small reach, so they run over a few dozen characters per hit.
   */
  readonly reach?: number
  /** Every match starts with a keyword at a word's start (see TextRule). */
  readonly wordStart?: boolean
}

const DEFAULT_REACH = 1000

const DEFAULT_MIN_ENTROPY = 2.5

/** The `TextRule` for one credential format. */
export function providerRule(spec: ProviderCredential): TextRule {
  if (!spec.pattern.global) {
    throw new Error(`Rule ${spec.id}: its pattern must have the g flag`)
  }
  const name = `${spec.provider} ${spec.credential}`
  const message =
    `${name} committed in plain text. It grants ${spec.grants}. ` +
    `${spec.revoke} See ${spec.helpUri}`
  const minEntropy = spec.minEntropy ?? DEFAULT_MIN_ENTROPY
  const checks = spec.check ? 'a structure or checksum check, ' : ''
  return {
    kind: 'text',
    id: spec.id,
    category: 'secret',
    severity: spec.severity ?? 'error',
    safeguard: '164.312(a)(1)',
    summary: name,
    description:
      `Finds ${name}s. A leaked one grants ${spec.grants}. ` +
      `${spec.revoke} Then load it from a secret store at run time.`,
    provider: spec.provider,
    helpUri: spec.helpUri,
    keywords: spec.keywords,
    redaction: 'prefix',
    validation:
      spec.validation ??
      `The documented format, ${checks}at least ${minEntropy} bits of ` +
        'entropy per character, and no placeholder or example value.',
    ...(spec.contextLines
      ? { contextLines: spec.contextLines }
      : { reach: spec.reach ?? DEFAULT_REACH }),
    ...(spec.wordStart ? { wordStart: true } : {}),
    *detect(text: string): Iterable<Match> {
      if (spec.requires && !spec.requires.test(text)) return
      for (const m of matchesOf(spec.pattern, text)) {
        const value = m.groups?.secret ?? m[0]
        if (value.length === 0) continue
        if (isPlaceholder(value)) continue
        if (shannonEntropy(value) < minEntropy) continue
        if (spec.check && !spec.check(value)) continue
        const start = m.index + m[0].indexOf(value)
        yield {
          start,
          end: start + value.length,
          value,
          message,
          properties: { provider: spec.provider, credential: spec.credential }
        }
      }
    }
  }
}

/** Builds the rules for a family's table. */
export function providerRules(specs: readonly ProviderCredential[]) {
  return specs.map(providerRule)
}
