/**
 * The generic rules: a random-looking value assigned to a name that says it
 * is a credential, in code or configuration. They carry no provider, so
 * they ask more of the value than the provider rules do: length, a digit,
 * mixed character classes, entropy, and none of the known non-secrets.
 */
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { characterClasses, shannonEntropy } from './checks/entropy.js'
import {
  isHexDigest,
  isKnownNonSecret,
  isPlaceholder
} from './checks/placeholder.js'

const NAME =
  '(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|' +
  'access[_-]?key|auth[_-]?key|private[_-]?key|credentials?)'
const VALUE_START = '[^\\s"\'`;,<>{}()[\\]\\\\|=$]'
const VALUE_CHAR = '[^\\s"\'`;,<>{}()[\\]\\\\|]'
const VALUE_REST = `${VALUE_CHAR}{7,199}`

// `name = "value"` in every common syntax: JS/TS/Python/Go/Ruby/PHP/Java
// assignments and object keys, JSON, YAML, TOML, HCL, INI, .env, shell.
const QUOTED = new RegExp(
  `${NAME}(?<rest>[A-Za-z0-9_.-]{0,24})["'\`\\]]{0,2}\\s{0,4}` +
    '(?:=>|:=|\\|\\|=|\\?\\?=|[=:])\\s{0,4}(?<quote>["\'`])' +
    `(?<value>${VALUE_START}${VALUE_REST})(?=["'\`])`,
  'gi'
)
// What every QUOTED match holds: the last character of its operator, the
// opening quote and the first eight characters of the value. Most lines
// with a credential-like name have none, and this finds that out faster
// than QUOTED, which tries its list of names at every position.
const QUOTED_HINT = new RegExp(
  `[=:>]\\s{0,4}["'\`]${VALUE_START}${VALUE_CHAR}{7}`
)
// XML elements and attributes: `<password>v</password>`,
// `key="ApiKey" value="v"`.
const XML = new RegExp(
  `<(?<tag>[A-Za-z0-9_.:-]{0,30}${NAME}[A-Za-z0-9_.:-]{0,20})>` +
    `(?<value>${VALUE_START}[^<\\s]{7,199})</\\k<tag>>|` +
    `key="[A-Za-z0-9_.:-]{0,30}${NAME}[A-Za-z0-9_.:-]{0,20}"\\s{1,4}` +
    `value="(?<attribute>${VALUE_START}[^"\\s]{7,199})"`,
  'gi'
)
// Unquoted values, read only in configuration files where a bare word is
// a value and not an identifier: .env, properties, INI, YAML, shell,
// Dockerfile `ENV`.
const UNQUOTED = new RegExp(
  `${NAME}(?<rest>[A-Za-z0-9_.-]{0,24})\\s{0,4}(?:=|:\\s|\\s)\\s{0,4}` +
    `(?<value>${VALUE_START}${VALUE_REST})(?=\\s|$)`,
  'gim'
)

// Names that hold something about a credential rather than the credential.
const NOT_A_CREDENTIAL_NAME =
  /(?:name|type|id|ids|url|uri|path|file|endpoint|length|len|size|count|field|label|format|header|prefix|suffix|regex|pattern|policy|version|expiry|expires|ttl|_at|mode|kind|ref|env|var|key_?id|hint|placeholder|input|secretref)$/i
const DIGEST_NAME =
  /hash|sha|md5|digest|checksum|integrity|commit|etag|fingerprint/i
const PUBLIC_NAME = /public|publishable|pubkey|anon/i

// Values people type when they mean "some password".
const TRIVIAL =
  /password|passw0rd|secret|admin|qwerty|letmein|welcome|hunter2|test|demo|default|localhost/i
// Provider formats with a checksum: their own rule decides, and a value
// that fails the checksum is not a credential.
const CHECKSUMMED = /^(?:gh[pousr]_|github_pat_|npm_|AGE-SECRET-KEY-1)/i
// A dotted property path or a call: code, not a value.
const CODE_PATH = /^[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){1,10}$/

/** Lines longer than this are minified bundles: no generic matches there. */
const MINIFIED_LINE = 1000

/** Entropy a random value of this length reaches with room to spare. */
function entropyFloor(length: number): number {
  return Math.min(3.5, Math.log2(length) - 0.3)
}

/** Whether `value`, assigned to `name`, looks like a real credential. */
export function looksLikeCredential(value: string, name: string): boolean {
  if (NOT_A_CREDENTIAL_NAME.test(name) || PUBLIC_NAME.test(name)) return false
  if (!/[0-9]/.test(value) || CHECKSUMMED.test(value)) return false
  if (isPlaceholder(value) || TRIVIAL.test(value)) return false
  if (isKnownNonSecret(value, { hexIsDigest: DIGEST_NAME.test(name) })) {
    return false
  }
  if (isHexDigest(value) && DIGEST_NAME.test(name)) return false
  if (CODE_PATH.test(value) || /^(?:https?|file):/i.test(value)) return false
  const classes = characterClasses(value)
  if (classes < 2 || (classes === 2 && value.length < 20)) return false
  return shannonEntropy(value) >= entropyFloor(value.length)
}

/** The whole name before the operator: `DB_PASSWORD`, `apiKey`. */
function nameAt(text: string, start: number, matched: string): string {
  let from = start
  while (from > 0 && from > start - 40 && /[\w.-]/.test(text[from - 1]!)) {
    from--
  }
  return text.slice(from, start) + matched
}

// The engine hands these rules one line per window (no context lines), so
// a long window is a long line.
function isMinified(window: string): boolean {
  return window.length > MINIFIED_LINE && !window.includes('\n')
}

const KEY_ATTRIBUTE = /key="/i

// An XML match is an element, which has a closing tag, or a `key`
// attribute; lines of code with a `<` (a comparison, a generic type) and
// neither are common.
function mayHoldXml(text: string): boolean {
  return text.includes('</') || KEY_ATTRIBUTE.test(text)
}

const HELP =
  'https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password'
const MESSAGE =
  'Credential assigned in plain text. Whatever access it grants, anyone ' +
  'with the repository has it. Rotate it with its issuer and load it from ' +
  `a secret store or the environment at run time. See ${HELP}`

function* assignments(text: string, pattern: RegExp): Iterable<Match> {
  for (const m of matchesOf(pattern, text)) {
    const groups = m.groups!
    const value = groups.value ?? groups.attribute
    if (value === undefined) continue
    const keyEnd = m[0].search(/["'`\]]?\s{0,4}(?:=>|:=|\|\|=|\?\?=|[=:>\s])/)
    const name = nameAt(text, m.index, m[0].slice(0, Math.max(keyEnd, 0)))
    if (!looksLikeCredential(value, name)) continue
    const start = m.index + m[0].lastIndexOf(value)
    yield {
      start,
      end: start + value.length,
      value,
      message: MESSAGE,
      properties: { provider: 'generic' }
    }
  }
}

const KEYWORDS = [
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'token',
  'api_key',
  'apikey',
  'api-key',
  'access_key',
  'accesskey',
  'access-key',
  'auth_key',
  'authkey',
  'private_key',
  'privatekey',
  'credential'
]

const CONFIG_FILE =
  /(?:^|\/)(?:\.env(?:\.[\w.-]{1,40})?|[^/]{1,200}\.(?:env|properties|ini|cfg|conf|yaml|yml|toml|sh|bash|zsh|tfvars)|Dockerfile(?:\.[\w.-]{1,40})?|[^/]{1,200}\.dockerfile)$/i

const COMMON = {
  kind: 'text',
  category: 'secret',
  severity: 'warning',
  safeguard: '164.312(a)(1)',
  provider: 'generic',
  fallback: true,
  helpUri: HELP,
  keywords: KEYWORDS,
  redaction: 'prefix',
  validation:
    'At least 8 characters with a digit and mixed character classes, ' +
    'entropy close to random for its length; not a placeholder, ' +
    'reference, trivial password, UUID, hash, public key or code path; ' +
    'names that describe a credential (`tokenType`, `passwordField`) and ' +
    'minified lines are skipped.'
} as const

export const genericSecretAssignment: TextRule = {
  ...COMMON,
  id: 'generic-secret-assignment',
  summary: 'Random-looking quoted value assigned to a credential-named key',
  description:
    'Finds `password = "…"`, `"apiKey": "…"`, `token: \'…\'` and the like ' +
    'in source code and configuration of any language, and XML elements ' +
    'or `key`/`value` attributes with such names. Move the value to a ' +
    'secret store and rotate it. Limitations: lines over 1000 characters ' +
    '(minified bundles) are skipped, and a value built by concatenation ' +
    'or split across lines is not seen.',
  examples: {
    bad: 'DB_PASSWORD = "<a random value>"',
    good: 'DB_PASSWORD = os.environ["DB_PASSWORD"]'
  },
  *detect(text: string): Iterable<Match> {
    if (isMinified(text)) return
    if (QUOTED_HINT.test(text)) yield* assignments(text, QUOTED)
    if (mayHoldXml(text)) yield* assignments(text, XML)
  }
}

export const genericConfigSecret: TextRule = {
  ...COMMON,
  id: 'generic-config-secret',
  summary: 'Unquoted random-looking credential in a configuration file',
  description:
    'Finds `PASSWORD=…`, `token: …` and `ENV API_KEY …` with unquoted ' +
    'values in .env, properties, INI, YAML, TOML, shell and Dockerfiles, ' +
    'where a bare word is a value. Move the value to a secret store and ' +
    'rotate it.',
  appliesTo: path => CONFIG_FILE.test(path),
  *detect(text: string): Iterable<Match> {
    if (isMinified(text)) return
    yield* assignments(text, UNQUOTED)
  }
}

export const genericRules: readonly TextRule[] = [
  genericSecretAssignment,
  genericConfigSecret
]
