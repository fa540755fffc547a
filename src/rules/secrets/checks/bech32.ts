/**
 * Bech32 checksums (BIP 173), as age keys use them: a key whose six-character
 * checksum does not verify was mistyped or made up.
 */

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]

function polymod(values: readonly number[]): number {
  let checksum = 1
  for (const value of values) {
    const top = checksum >>> 25
    checksum = ((checksum & 0x1ffffff) << 5) ^ value
    for (let i = 0; i < 5; i++) {
      if ((top >>> i) & 1) checksum ^= GENERATORS[i]!
    }
  }
  return checksum
}

/** Whether `text` (one case throughout) is bech32 with a valid checksum. */
export function isValidBech32(text: string): boolean {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false
  const lower = text.toLowerCase()
  const separator = lower.lastIndexOf('1')
  if (separator < 1 || separator + 7 > lower.length) return false
  const values: number[] = []
  for (const ch of lower.slice(0, separator)) values.push(ch.charCodeAt(0) >> 5)
  values.push(0)
  for (const ch of lower.slice(0, separator)) values.push(ch.charCodeAt(0) & 31)
  for (const ch of lower.slice(separator + 1)) {
    const digit = CHARSET.indexOf(ch)
    if (digit === -1) return false
    values.push(digit)
  }
  return polymod(values) === 1
}

/** Encodes 5-bit `data` with human-readable part `hrp` (for tests and docs). */
export function encodeBech32(hrp: string, data: readonly number[]): string {
  const values: number[] = []
  for (const ch of hrp) values.push(ch.charCodeAt(0) >> 5)
  values.push(0)
  for (const ch of hrp) values.push(ch.charCodeAt(0) & 31)
  values.push(...data, 0, 0, 0, 0, 0, 0)
  const mod = polymod(values) ^ 1
  let out = `${hrp}1`
  for (const d of data) out += CHARSET[d]!
  for (let i = 0; i < 6; i++) out += CHARSET[(mod >>> (5 * (5 - i))) & 31]!
  return out
}
