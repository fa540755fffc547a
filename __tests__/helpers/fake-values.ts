/**
 * Realistic-looking credentials and identifiers, built at test time from
 * fragments so that no such value is ever committed as a literal (push
 * protection and other scanners would rightly refuse them).
 */
import { crc32 } from 'node:zlib'
import { base62 } from '../../src/rules/secrets/github.js'

/** Deterministic pseudo-random characters from `alphabet`. */
export function randomChars(seed: number, length: number, alphabet: string) {
  let state = seed >>> 0 || 1
  let out = ''
  for (let i = 0; i < length; i++) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    out += alphabet[(state >>> 0) % alphabet.length]
  }
  return out
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A GitHub classic token with a valid checksum. */
export function githubToken(seed = 7, prefix = 'gh' + 'p'): string {
  const random = randomChars(seed, 30, ALNUM)
  return `${prefix}_${random}${base62(crc32(random), 6)}`
}

/** An AWS access key id (not the documented example). */
export function awsKeyId(seed = 11): string {
  return 'AK' + 'IA' + randomChars(seed, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')
}

/** A Social Security number in an issued range. */
export function ssn(seed = 3): string {
  const digits = randomChars(seed, 9, '123456789')
  const area = String(100 + (Number(digits.slice(0, 3)) % 565))
  return `${area}-${digits.slice(3, 5)}-${digits.slice(5, 9)}`
}

/** A PEM private key block with a random body. */
export function pemKey(seed = 5): string {
  const body = randomChars(seed, 64 * 8, ALNUM + '+/')
  const lines = body.match(/.{1,64}/g)!.join('\n')
  const label = 'PRIVATE ' + 'KEY'
  return `-----BEGIN RSA ${label}-----\n${lines}\n-----END RSA ${label}-----`
}
