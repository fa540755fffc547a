/**
 * Amazon Web Services credentials. An access key id and its secret found
 * together are one leak and one finding; the secret on its own is another
 * rule, and it stays quiet when an id is close enough to have reported it.
 */
import { lineIndexAt, lineStarts } from '../../engine/lines.js'
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { characterClasses, shannonEntropy } from './checks/entropy.js'
import { isPlaceholder } from './checks/placeholder.js'
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const KEYS_URI =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'

// Access key ids: a four-letter prefix naming the kind, then 16 characters
// of base32. AKIA is a long-term IAM user key, ASIA a temporary STS one,
// ABIA an STS service bearer token, ACCA a context-specific credential.
const ACCESS_KEY_ID =
  /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA))([A-Z2-7]{16})(?![A-Za-z0-9])/g

const KIND: Record<string, string> = {
  AKIA: 'long-term access key id',
  ASIA: 'temporary (STS) access key id',
  ABIA: 'STS service bearer token key id',
  ACCA: 'context-specific credential key id'
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/**
 * The AWS account number encoded in the 16 characters after the prefix:
 * bits 1 to 40 of the decoded bytes, shifted. Real keys decode to a 12-digit
 * account number or less; a made-up value often does not.
 */
export function awsAccountOfKeyId(random: string): number {
  let bits = 0n
  for (const ch of random.slice(0, 10)) {
    bits = (bits << 5n) | BigInt(BASE32.indexOf(ch))
  }
  const first6Bytes = bits >> 2n
  return Number((first6Bytes & 0x7fffffffff80n) >> 7n)
}

/** Whether a key id body encodes a possible account number. */
export function isPlausibleAwsKeyId(random: string): boolean {
  return awsAccountOfKeyId(random) <= 999_999_999_999
}

// A secret access key assigned to a name that says so.
const NAMED_SECRET = new RegExp(
  '(?:secret[_-]?access[_-]?key|aws[\\w.-]{0,20}secret[\\w-]{0,12})' +
    '["\'`\\]]{0,2}\\s{0,4}(?:=>|:=|[=:,])\\s{0,4}["\'`]?' +
    '(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])',
  'gi'
)
// A bare 40-character secret, accepted only within two lines of a key id.
const BARE_SECRET = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g

/** Whether `value` looks like an issued secret access key. */
export function isSecretAccessKeyLike(value: string): boolean {
  return (
    !isPlaceholder(value) &&
    characterClasses(value) >= 3 &&
    shannonEntropy(value) >= 4.2
  )
}

interface Span {
  readonly start: number
  readonly end: number
  readonly value: string
}

/** Spans of one window grouped by line, to pair them in constant time. */
class SpansByLine {
  private readonly byLine = new Map<number, Span[]>()
  constructor(private readonly lineAt: (offset: number) => number) {}

  add(span: Span): void {
    const line = this.lineAt(span.start)
    const list = this.byLine.get(line)
    if (list) list.push(span)
    else this.byLine.set(line, [span])
  }

  /** The first span within `distance` lines of `line`, nearest first. */
  near(line: number, distance: number): Span | undefined {
    for (let d = 0; d <= distance; d++) {
      const found =
        this.byLine.get(line - d)?.[0] ?? this.byLine.get(line + d)?.[0]
      if (found) return found
    }
    return undefined
  }
}

function namedSecretsIn(text: string): Span[] {
  const found: Span[] = []
  for (const m of matchesOf(NAMED_SECRET, text)) {
    const value = m.groups!.secret!
    if (!isSecretAccessKeyLike(value)) continue
    const start = m.index + m[0].length - value.length
    found.push({ start, end: start + value.length, value })
  }
  return found
}

function bareSecretsIn(text: string): Span[] {
  const found: Span[] = []
  for (const m of matchesOf(BARE_SECRET, text)) {
    if (!isSecretAccessKeyLike(m[0])) continue
    found.push({ start: m.index, end: m.index + m[0].length, value: m[0] })
  }
  return found
}

function keyIdsIn(text: string): (Span & { prefix: string })[] {
  const found: (Span & { prefix: string })[] = []
  for (const m of matchesOf(ACCESS_KEY_ID, text)) {
    if (m[2]!.endsWith('EXAMPLE') || !isPlausibleAwsKeyId(m[2]!)) continue
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      value: m[0],
      prefix: m[1]!
    })
  }
  return found
}

function lineLookup(text: string): (offset: number) => number {
  let starts: readonly number[] | undefined
  return offset => {
    starts ??= lineStarts(text)
    return lineIndexAt(starts, offset)
  }
}

// How many lines apart an id and its secret may be to count as a pair.
const PAIR_CONTEXT = 4
const BARE_CONTEXT = 2

export const awsAccessKeyId: TextRule = {
  kind: 'text',
  id: 'aws-access-key-id',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary:
    'AWS access key id (AKIA, ASIA, ABIA, ACCA), with its secret if near',
  description:
    'Matches AWS access key ids of every documented prefix whose body ' +
    'encodes a possible account number. When the secret access key is ' +
    'within a few lines, the pair is reported once: together they grant ' +
    'whatever the IAM principal may do. Deactivate and delete the key in ' +
    'IAM, review CloudTrail for its use, then rotate.',
  provider: 'AWS',
  helpUri: KEYS_URI,
  keywords: ['akia', 'asia', 'abia', 'acca'],
  contextLines: PAIR_CONTEXT,
  redaction: 'prefix',
  validation:
    'Prefix and base32 body; the account number encoded in the key id ' +
    'must have at most 12 digits; the documented EXAMPLE keys are skipped.',
  examples: {
    bad: 'aws_access_key_id = AKIA<16 characters>',
    good: 'Use an IAM role or OIDC federation; no keys in the repository.'
  },
  *detect(text: string): Iterable<Match> {
    const ids = keyIdsIn(text)
    if (ids.length === 0) return
    const lineAt = lineLookup(text)
    const named = new SpansByLine(lineAt)
    for (const span of namedSecretsIn(text)) named.add(span)
    const bare = new SpansByLine(lineAt)
    for (const span of bareSecretsIn(text)) bare.add(span)
    for (const id of ids) {
      const kind = KIND[id.prefix]!
      const line = lineAt(id.start)
      const secret =
        named.near(line, PAIR_CONTEXT) ?? bare.near(line, BARE_CONTEXT)
      if (secret === undefined) {
        yield {
          start: id.start,
          end: id.end,
          value: id.value,
          message:
            `AWS ${kind} committed. It identifies an IAM principal; with ` +
            'its secret it grants that principal’s permissions. Deactivate ' +
            `and rotate it in IAM. See ${KEYS_URI}`,
          properties: { provider: 'AWS', credential: kind }
        }
        continue
      }
      yield {
        start: Math.min(id.start, secret.start),
        end: Math.max(id.end, secret.end),
        value: `${id.value} ${secret.value}`,
        message:
          `AWS ${kind} and its secret access key committed together. They ` +
          'grant every permission of the IAM principal. Deactivate and ' +
          'delete the key in IAM now, check CloudTrail for its use, then ' +
          `rotate. See ${KEYS_URI}`,
        properties: { provider: 'AWS', credential: `${kind} and secret` }
      }
    }
  }
}

export const awsSecretAccessKey: TextRule = {
  kind: 'text',
  id: 'aws-secret-access-key',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary: 'AWS secret access key assigned to a name that says so',
  description:
    'Matches a 40-character secret access key assigned to a name such as ' +
    '`aws_secret_access_key` or `SecretAccessKey`. When its key id is ' +
    'near, the `aws-access-key-id` rule reports the pair instead. ' +
    'Deactivate the key in IAM and rotate it.',
  provider: 'AWS',
  helpUri: KEYS_URI,
  keywords: [
    'secret_access_key',
    'secretaccesskey',
    'secret-access-key',
    'aws_secret',
    'aws-secret',
    'awssecret'
  ],
  contextLines: PAIR_CONTEXT,
  redaction: 'prefix',
  validation:
    'A 40-character base64 value using three character classes with high ' +
    'entropy; no placeholder or documented example.',
  *detect(text: string): Iterable<Match> {
    const lineAt = lineLookup(text)
    const ids = new SpansByLine(lineAt)
    for (const id of keyIdsIn(text)) ids.add(id)
    for (const secret of namedSecretsIn(text)) {
      if (ids.near(lineAt(secret.start), PAIR_CONTEXT)) continue
      yield {
        ...secret,
        message:
          'AWS secret access key committed. With its key id it grants every ' +
          'permission of the IAM principal. Deactivate and rotate the key ' +
          `in IAM. See ${KEYS_URI}`,
        properties: { provider: 'AWS', credential: 'secret access key' }
      }
    }
  }
}

const AWS: readonly ProviderCredential[] = [
  {
    id: 'aws-session-token',
    provider: 'AWS',
    credential: 'session token',
    keywords: ['session_token', 'sessiontoken', 'session-token'],
    pattern: keyed(
      '(?:aws[_-]?)?session[_-]?token',
      '[A-Za-z0-9/+]{100,2000}={0,2}'
    ),
    grants: 'the permissions of the assumed role until the session expires',
    revoke:
      'Revoke active sessions of the role (IAM, Revoke active sessions) ' +
      'and find where the temporary credentials were written.',
    helpUri:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html',
    minEntropy: 4
  },
  {
    id: 'aws-mws-auth-token',
    provider: 'Amazon',
    credential: 'Marketplace Web Service auth token',
    keywords: ['amzn.mws.'],
    pattern: prefixed(
      'amzn\\.mws\\.',
      '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
    ),
    grants: 'calling seller APIs on behalf of the seller account',
    revoke: 'Revoke the developer authorization in Seller Central.',
    helpUri: 'https://developer-docs.amazon.com/sp-api/docs/authorization'
  }
]

export const awsRules: readonly TextRule[] = [
  awsAccessKeyId,
  awsSecretAccessKey,
  ...providerRules(AWS)
]
