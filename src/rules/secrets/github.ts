/**
 * GitHub credentials. Classic tokens carry a CRC32 checksum of their random
 * part in their last six characters, so a value that fails it is a typo or a
 * made-up example, not a credential.
 */
import { crc32 } from 'node:zlib'
import type { Match, TextRule } from '../rule.js'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Base62 of a 32-bit number, left-padded with zeros to `width` digits. */
export function base62(value: number, width: number): string {
  let out = ''
  let rest = value >>> 0
  while (rest > 0) {
    out = BASE62[rest % 62]! + out
    rest = Math.floor(rest / 62)
  }
  return out.padStart(width, '0')
}

/** Whether the last six characters are the checksum of the rest. */
export function hasValidGithubChecksum(random: string, check: string): boolean {
  return base62(crc32(random), 6) === check
}

const KINDS: Record<string, string> = {
  ghp: 'personal access token (classic)',
  gho: 'OAuth access token',
  ghu: 'GitHub App user-to-server token',
  ghs: 'GitHub App installation or server-to-server token',
  ghr: 'GitHub App refresh token'
}

const CLASSIC = /\b(gh[pousr])_([A-Za-z0-9]{30})([A-Za-z0-9]{6})\b/g

export const githubClassicToken: TextRule = {
  kind: 'text',
  id: 'github-classic-token',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary: 'GitHub token (ghp_, gho_, ghu_, ghs_, ghr_) with a valid checksum',
  description:
    'Matches the 40-character GitHub token formats and checks the CRC32 ' +
    'checksum in the last six characters, so only values that GitHub ' +
    'could have issued are reported. Revoke the token in the settings of ' +
    'the account or app that owns it, then move it to a secret store.',
  provider: 'GitHub',
  helpUri:
    'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation',
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  redaction: 'prefix',
  *detect(text: string): Iterable<Match> {
    for (const m of text.matchAll(CLASSIC)) {
      const [value, prefix, random, check] = m as unknown as [
        string,
        string,
        string,
        string
      ]
      if (!hasValidGithubChecksum(random, check)) continue
      yield {
        start: m.index,
        end: m.index + value.length,
        value,
        message:
          `GitHub ${KINDS[prefix]} committed in plain text. ` +
          'Revoke it now and load it from a secret store instead.',
        properties: { provider: 'GitHub', credential: KINDS[prefix]! }
      }
    }
  }
}
