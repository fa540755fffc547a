/**
 * Values that look like credentials but are not: references to a secret
 * store, template slots, masked or made-up values, and the hashes and
 * identifiers code is full of. Each test here is a false alarm avoided.
 */

// References and template slots: `${VAR}`, `{{ x }}`, `${{ secrets.X }}`,
// `<your-key>`, `%(name)s`, `$VAR`, `#{x}`, `@@x@@`.
const REFERENCE =
  /\$\{|\{\{|\}\}|^<[^>]{0,80}>$|<[a-z_ -]{1,40}>|%\([a-z_]{1,40}\)|^\$[A-Za-z_]|#\{|@@[A-Za-z_]{1,40}@@|^%[A-Z_]{1,60}%$/i

// Words that only appear in made-up values, written in one case (or
// capitalized): a random token's `DUMMy` or `yOur` is not a placeholder.
const MADE_UP_WORDS = [
  'example',
  'placeholder',
  'your_',
  'your-',
  'changeme',
  'change_me',
  'change-me',
  'dummy',
  'redacted',
  'replace',
  'insert_',
  'insert-',
  'sample',
  'fake',
  'foobar',
  'secret_here',
  'token_here',
  'key_here',
  'not_a_real',
  'lorem'
]
const MADE_UP = new RegExp(
  [
    'x{4}|X{4}|\\*{3}|\\.{3}|…',
    ...MADE_UP_WORDS.flatMap(word => [
      word,
      word.toUpperCase(),
      word[0]!.toUpperCase() + word.slice(1)
    ])
  ].join('|')
)

// References to where the secret really lives, written as code.
const CODE_REFERENCE =
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|env\.|ENV\[|System\.getenv|Environment\.|secrets\.|vars\.|config\.|settings\.|this\.|self\.)/

/** Whether `value` is a placeholder, reference or obviously made-up value. */
export function isPlaceholder(value: string): boolean {
  if (REFERENCE.test(value) || MADE_UP.test(value)) return true
  if (CODE_REFERENCE.test(value)) return true
  return isMonotonous(value)
}

/**
 * Whether `value` is one character repeated, or a run such as `abcdef` or
 * `123456`, or an alternation of two characters.
 */
export function isMonotonous(value: string): boolean {
  if (value.length < 2) return true
  const distinct = new Set(value).size
  if (distinct <= 2) return true
  let ascending = 0
  for (let i = 1; i < value.length; i++) {
    if (value.charCodeAt(i) === value.charCodeAt(i - 1) + 1) ascending++
  }
  return ascending >= value.length * 0.6
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i
const INTEGRITY = /^(?:sha1|sha256|sha384|sha512|md5)[-:]/i
const PASSWORD_HASH =
  /^\$(?:2[abxy]?|5|6|argon2(?:id|i|d)|scrypt|pbkdf2[-_a-z0-9]{0,10}|y|gy|7)\$/
const DATA_URI = /^data:[a-z]{1,20}\/[a-z0-9.+-]{1,40}[;,]/i
const PUBLIC_KEY =
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-|sk-ssh-|-----BEGIN (?:PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY|PGP PUBLIC)|age1[a-z0-9]{20})/

/** Whether `value` is a UUID (any version). */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}

/** Whether `value` is hex of a digest length (MD5 to SHA-512, git ids). */
export function isHexDigest(value: string): boolean {
  return HEX_DIGEST.test(value)
}

/**
 * Whether `value` is something a scanner meets everywhere that is not a
 * secret: a UUID, a git or content hash, a lockfile or subresource-integrity
 * hash, a password hash, an image data URI, a public key or certificate.
 * Only the context-keyed rules ask this; a provider token never is one.
 */
export function isKnownNonSecret(
  value: string,
  { hexIsDigest = true }: { readonly hexIsDigest?: boolean } = {}
): boolean {
  return (
    UUID.test(value) ||
    (hexIsDigest && HEX_DIGEST.test(value)) ||
    INTEGRITY.test(value) ||
    PASSWORD_HASH.test(value) ||
    DATA_URI.test(value) ||
    PUBLIC_KEY.test(value)
  )
}
