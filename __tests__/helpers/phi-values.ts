/**
 * Identifier values for the PHI tests, computed at test time (valid
 * checksums, issued ranges) so that no realistic identifier is committed
 * as a literal.
 */
import { Random } from '../../scripts/eval-phi/random.js'
import * as v from '../../scripts/eval-phi/values.js'

export { Random }

/** An issued-range SSN, `NNN-NN-NNNN`. */
export const realSsn = (seed = 1) => v.issuableSsn(new Random(seed))
/** An assignable NANP number as ten digits. */
export const realPhone = (seed = 1) => v.realisticPhone(new Random(seed))
/** A valid MBI. */
export const realMbi = (seed = 1) => v.mbi(new Random(seed))
/** A Luhn-valid card in an issuer range that is not a test number. */
export const realCard = (seed = 1) => v.cardNumber(new Random(seed))
/** A given and family name pair. */
export const realName = (seed = 1): [string, string] => {
  const r = new Random(seed)
  return [v.givenName(r), v.familyName(r)]
}

/** Appends the digit that makes `body` pass Luhn. */
export function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const full = body + d
    let sum = 0
    for (let i = 0; i < full.length; i++) {
      let n = Number(full[full.length - 1 - i])
      if (i % 2 === 1) {
        n *= 2
        if (n > 9) n -= 9
      }
      sum += n
    }
    if (sum % 10 === 0) return full
  }
  throw new Error('unreachable')
}

/** A valid NPI: Luhn over the 80840 prefix. */
export function npi(seed = 1): string {
  const body = '1' + new Random(seed).digits(8)
  return withLuhnDigit('80840' + body).slice(5)
}

/** A DEA number with a valid checksum. */
export function dea(seed = 1): string {
  const d = new Random(seed).digits(6).split('').map(Number)
  const sum = d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)
  return 'B' + 'K' + d.join('') + String(sum % 10)
}

const VIN_MAP: Record<string, number> = {}
'ABCDEFGH'.split('').forEach((c, i) => (VIN_MAP[c] = i + 1))
'JKLMN'.split('').forEach((c, i) => (VIN_MAP[c] = i + 1))
VIN_MAP['P'] = 7
VIN_MAP['R'] = 9
'STUVWXYZ'.split('').forEach((c, i) => (VIN_MAP[c] = i + 2))

/** A VIN with a correct check digit in position 9. */
export function vin(seed = 1): string {
  const r = new Random(seed)
  const chars = r.letters(17, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789').split('')
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
  let sum = 0
  chars.forEach((c, i) => {
    sum += (/\d/.test(c) ? Number(c) : VIN_MAP[c]!) * weights[i]!
  })
  chars[8] = sum % 11 === 10 ? 'X' : String(sum % 11)
  return chars.join('')
}
