/**
 * JSON Web Tokens. Only a string whose header and payload decode to JSON,
 * whose header names a real algorithm, and which has not expired, counts:
 * the rest are look-alikes, unsigned tokens, or dead credentials.
 */
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { decodeJwt, type DecodedJwt } from './checks/jwt.js'
import { isPlaceholder } from './checks/placeholder.js'

const JWT =
  /(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{16,1000}(?![A-Za-z0-9_.-])/g

const URI = 'https://datatracker.ietf.org/doc/html/rfc8725'

/**
 * Why a decoded token grants nothing, or undefined if it may: expired,
 * a public role by design (Supabase `anon`), or the jwt.io sample.
 */
export function harmlessJwt(jwt: DecodedJwt, now = Date.now()): boolean {
  const { payload } = jwt
  if (typeof payload.exp === 'number' && payload.exp * 1000 < now) return true
  if (payload.role === 'anon') return true
  return payload.name === 'John Doe' && payload.sub === '1234567890'
}

export const jsonWebToken: TextRule = {
  kind: 'text',
  id: 'json-web-token',
  category: 'secret',
  severity: 'warning',
  safeguard: '164.312(a)(1)',
  summary: 'Signed JSON Web Token that has not expired',
  description:
    'Matches a JWT whose header and payload decode to JSON, whose header ' +
    'names a signing algorithm other than `none`, and whose `exp` (if any) ' +
    'is in the future. A bearer token grants whatever its audience lets ' +
    'its subject do until it expires. Revoke the session or rotate the ' +
    'signing key that issued it; tests should mint tokens at run time.',
  provider: 'Any (JWT issuer)',
  helpUri: URI,
  keywords: ['eyj'],
  reach: 8000,
  redaction: 'prefix',
  validation:
    'Header and payload decode to JSON objects; `alg` is set and not ' +
    '`none`; not expired; not a public anonymous-role key or the jwt.io ' +
    'sample.',
  *detect(text: string): Iterable<Match> {
    for (const m of matchesOf(JWT, text)) {
      const value = m[0]
      if (isPlaceholder(value)) continue
      const jwt = decodeJwt(value)
      if (jwt === undefined || harmlessJwt(jwt)) continue
      const issuer = typeof jwt.payload.iss === 'string' ? 'issued' : 'signed'
      yield {
        start: m.index,
        end: m.index + value.length,
        value,
        message:
          `Unexpired ${issuer} JSON Web Token committed. It is a bearer ` +
          'credential for whatever its audience grants its subject. Revoke ' +
          `the session or rotate the issuer’s signing key. See ${URI}`,
        properties: {
          provider: 'JWT',
          algorithm: String(jwt.header.alg),
          expires: typeof jwt.payload.exp === 'number'
        }
      }
    }
  }
}
