/**
 * A positive and a near-miss sample for every credential rule, built at
 * test time from fragments: no realistic credential is ever a literal in
 * the repository. A near miss is the closest thing to a match that must
 * stay quiet: one character short, a failed checksum, a placeholder, a
 * documented example, a public variant.
 */
import { crc32 } from 'node:zlib'
import { base62 } from '../../src/rules/secrets/checks/base62.js'
import { encodeBech32 } from '../../src/rules/secrets/checks/bech32.js'
import { isPlausibleAwsKeyId } from '../../src/rules/secrets/aws.js'
import { githubToken, pemKey, randomChars } from './fake-values.js'

export const LOWER = 'abcdefghijklmnopqrstuvwxyz'
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
export const DIGITS = '0123456789'
export const ALNUM = UPPER + LOWER + DIGITS
export const HEX = '0123456789abcdef'
export const URL_SAFE = ALNUM + '_-'
export const B64 = ALNUM + '+/'
export const UPDIG = UPPER + DIGITS

let seed = 1000

/** Restarts the generators, so a sample is the same on every call. */
export function reseed(text: string): void {
  seed = 1000
  for (let i = 0; i < text.length; i++)
    seed = (seed * 31 + text.charCodeAt(i)) >>> 0
}
/** `n` deterministic characters of `alphabet`, new ones on every call. */
export function rc(n: number, alphabet = ALNUM): string {
  // Every value mixes classes, so no sample is accidentally monotonous.
  return randomChars(seed++, n, alphabet)
}
export const hex = (n: number) => rc(n, HEX)
export const digits = (n: number) => rc(n, DIGITS)
export const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`
const b64url = (text: string | Buffer) =>
  Buffer.from(text).toString('base64url')
const b64 = (text: string) => Buffer.from(text).toString('base64')

/** A signed-looking JWT; `exp` in seconds from now (negative: expired). */
export function jwt(expiresIn = 86400): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))
  const exp = Math.floor(Date.now() / 1000) + expiresIn
  const payload = b64url(
    JSON.stringify({ iss: 'https://issuer.internal', sub: rc(12), exp })
  )
  return `${header}.${payload}.${rc(43, URL_SAFE)}`
}

/** An AWS access key id whose body encodes a possible account number. */
export function awsKeyIdValid(prefix = 'AK' + 'IA'): string {
  for (;;) {
    const body = rc(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')
    if (isPlausibleAwsKeyId(body)) return prefix + body
  }
}

/** A 40-character AWS-style secret access key. */
export const awsSecret = () => rc(40, B64)

/** An npm token with a valid checksum. */
export function npmToken(): string {
  const random = rc(30)
  return `np${'m_'}${random}${base62(crc32(random), 6)}`
}

/** A PyPI-style macaroon token for `location`. */
export function pypiToken(location = 'pypi.org'): string {
  const header = Buffer.concat([
    Buffer.from([2, 1, location.length]),
    Buffer.from(location),
    Buffer.from([2, 0x25]),
    Buffer.from(rc(90))
  ])
  return `py${'pi-'}${b64url(header)}`
}

/** An age secret key with a valid bech32 checksum. */
export function ageKey(): string {
  const data = Array.from(rc(52, DIGITS + LOWER.slice(0, 22)), ch =>
    parseInt(ch, 32)
  )
  return encodeBech32('age-secret-' + 'key-', data).toUpperCase()
}

/** A Discord-style bot token whose first part encodes a user id. */
export function discordToken(id = '1' + digits(17)): string {
  return `${b64url(id)}.${rc(6, URL_SAFE)}.${rc(38, URL_SAFE)}`
}

const PRIVATE_KEY = 'PRIVATE ' + 'KEY'

/** A Google service-account key file (JSON), optionally of another type. */
export function serviceAccountJson(type = 'service_account'): string {
  const body = rc(64 * 6, B64)
    .match(/.{1,64}/g)!
    .join('\\n')
  return (
    JSON.stringify({ type, project_id: 'demo' }).slice(0, -1) +
    `,"private_key": "-----BEGIN ${PRIVATE_KEY}-----\\n${body}\\n` +
    `-----END ${PRIVATE_KEY}-----\\n"}`
  )
}

/** A PuTTY version 3 key file, optionally without its private lines. */
export function puttyKey(withPrivate = true): string {
  const lines = [
    'PuTTY-User-Key-File-3: ssh-ed25519',
    'Encryption: none',
    'Comment: deploy',
    'Public-Lines: 2',
    rc(64, B64),
    rc(20, B64)
  ]
  if (withPrivate) lines.push('Private-Lines: 1', rc(64, B64))
  lines.push(`Private-MAC: ${hex(64)}`)
  return lines.join('\n') + '\n'
}

/** A kubeconfig with a user token. */
export function kubeconfig(token: string, config = true): string {
  const head = config ? 'apiVersion: v1\nkind: Config\nusers:\n' : 'items:\n'
  return `${head}- name: ci\n  user:\n    token: ${token}\n`
}

/** A Kubernetes Secret manifest holding `value` (base64) under `key`. */
export function secretManifest(value: string, key = 'token'): string {
  return (
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\n' +
    `type: Opaque\ndata:\n  ${key}: ${b64(value)}\n`
  )
}

/** One rule's samples: text that must match, and a near miss. */
export interface RuleSamples {
  readonly positive: () => string
  readonly nearMiss: () => string
  /** The file path the samples are scanned as (default `config/app.txt`). */
  readonly path?: string
}

/** The part of `value` without its last character: one short. */
export const short = (value: string) => value.slice(0, -1)

export { githubToken, pemKey, b64, b64url, PRIVATE_KEY }
