/** Decoding JSON Web Tokens, to tell a real one from a JWT-shaped string. */

/** The decoded header and payload of a JWT, or undefined if it is not one. */
export interface DecodedJwt {
  readonly header: Record<string, unknown>
  readonly payload: Record<string, unknown>
}

/** Decodes base64url (with or without padding) as UTF-8, or undefined. */
export function decodeBase64Url(part: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{0,100000}={0,2}$/.test(part)) return undefined
  return Buffer.from(part, 'base64url').toString('utf8')
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const text = decodeBase64Url(part)
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return undefined
    }
    return value as Record<string, unknown>
  } catch {
    return undefined
  }
}

/**
 * Decodes `token` when its header and payload are JSON objects and the header
 * names a signing algorithm; an unsigned (`alg: none`) token grants nothing.
 */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const header = decodeJsonObject(parts[0]!)
  if (header === undefined || typeof header.alg !== 'string') return undefined
  if (header.alg.toLowerCase() === 'none' || parts[2]!.length < 16) {
    return undefined
  }
  const payload = decodeJsonObject(parts[1]!)
  if (payload === undefined) return undefined
  return { header, payload }
}
