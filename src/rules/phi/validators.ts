/**
 * Checks that tell an identifier the issuer could have assigned from a
 * number that merely has the right length. A checksum is evidence, not
 * proof: about one number in ten passes a Luhn check by chance.
 */

// Numbers the SSA has published as examples, or that circulated widely
// after being printed on sample cards; they identify no one.
const PUBLISHED_SAMPLE_SSNS = new Set([
  '078051120',
  '123456789',
  '219099999',
  ...Array.from({ length: 10 }, (_, i) => `98765432${i}`)
])

/** What an SSN-shaped number is, by the SSA's and the IRS's rules. */
export type SsnClass =
  | { readonly kind: 'issuable' }
  | { readonly kind: 'itin' }
  | { readonly kind: 'not-issued'; readonly reason: string }

/**
 * Classifies nine digits as an issuable SSN, an ITIN (area 9xx with the
 * IRS's group ranges) or a number the SSA never issues.
 */
export function classifySsn(digits: string): SsnClass {
  const area = digits.slice(0, 3)
  const group = Number(digits.slice(3, 5))
  const serial = digits.slice(5, 9)
  if (PUBLISHED_SAMPLE_SSNS.has(digits)) {
    return { kind: 'not-issued', reason: 'published sample SSN' }
  }
  if (area === '999') {
    return { kind: 'not-issued', reason: 'SSN in the 999 area (Synthea)' }
  }
  if (area[0] === '9') {
    if (isItinGroup(group)) return { kind: 'itin' }
    return { kind: 'not-issued', reason: 'SSN area 900-999 is never issued' }
  }
  if (area === '000' || area === '666') {
    return { kind: 'not-issued', reason: `SSN area ${area} is never issued` }
  }
  if (group === 0) return { kind: 'not-issued', reason: 'SSN group 00' }
  if (serial === '0000') {
    return { kind: 'not-issued', reason: 'SSN serial 0000' }
  }
  if (isRepetitive(digits)) {
    return { kind: 'not-issued', reason: 'repeated or sequential digits' }
  }
  return { kind: 'issuable' }
}

// IRS individual taxpayer numbers: 9NN-GG-NNNN with these groups.
function isItinGroup(group: number): boolean {
  return (
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    (group >= 94 && group <= 99)
  )
}

/** Whether a digit string is one digit repeated, or a run up or down. */
export function isRepetitive(digits: string): boolean {
  if (digits.length < 4) return false
  if (/^(\d)\1{3,40}$/.test(digits)) return true
  let up = true
  let down = true
  for (let i = 1; i < digits.length; i++) {
    const step = digits.charCodeAt(i) - digits.charCodeAt(i - 1)
    if (step !== 1 && step !== -9) up = false
    if (step !== -1 && step !== 9) down = false
  }
  return up || down
}

/** The Luhn (mod 10) check over a string of digits. */
export function luhn(digits: string): boolean {
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (d < 0 || d > 9) return false
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return digits.length > 0 && sum % 10 === 0
}

/** The card network whose issuer range and length `digits` fall in. */
export function cardNetwork(digits: string): string | undefined {
  const n = digits.length
  const p2 = Number(digits.slice(0, 2))
  const p3 = Number(digits.slice(0, 3))
  const p4 = Number(digits.slice(0, 4))
  const p6 = Number(digits.slice(0, 6))
  if (digits[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'Visa'
  if (n === 16 && ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))) {
    return 'Mastercard'
  }
  if (n === 15 && (p2 === 34 || p2 === 37)) return 'American Express'
  if (
    n >= 16 &&
    n <= 19 &&
    (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65)
  ) {
    return 'Discover'
  }
  if (n >= 16 && n <= 19 && p4 >= 3528 && p4 <= 3589) return 'JCB'
  if (n === 14 && ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38)) {
    return 'Diners Club'
  }
  if (n >= 16 && n <= 19 && p6 >= 622126 && p6 <= 622925) return 'UnionPay'
  return undefined
}

// The numbers payment processors publish for testing; they pass Luhn and
// the issuer ranges but no account exists behind them.
const TEST_CARDS = new Set([
  '4111111111111111',
  '4242424242424242',
  '4012888888881881',
  '4222222222222',
  '4000056655665556',
  '4005519200000004',
  '4012000033330026',
  '5555555555554444',
  '5105105105105100',
  '5200828282828210',
  '2223003122003222',
  '2223000048400011',
  '378282246310005',
  '371449635398431',
  '378734493671000',
  '6011111111111117',
  '6011000990139424',
  '6011000400000000',
  '3530111333300000',
  '3566002020360505',
  '30569309025904',
  '38520000023237',
  '36227206271667'
])

/** Whether a card number is a published test number (or a digit pattern). */
export function isTestCard(digits: string): boolean {
  return TEST_CARDS.has(digits) || isRepetitive(digits.slice(1))
}

const MBI_ALPHA = 'ACDEFGHJKMNPQRTUVWXY'

/**
 * Medicare Beneficiary Identifier position rules: C A AN N A AN N A A N N,
 * where C is 1-9, A a letter other than S, L, O, I, B, Z, and AN either.
 */
export function isValidMbi(value: string): boolean {
  const v = value.replace(/-/g, '').toUpperCase()
  if (v.length !== 11) return false
  const digit = (c: string, from = '0') => c >= from && c <= '9'
  const alpha = (c: string) => MBI_ALPHA.includes(c)
  const pattern = 'CAWNAWNAANN'
  for (let i = 0; i < 11; i++) {
    const c = v[i]!
    const p = pattern[i]!
    if (p === 'C' && !digit(c, '1')) return false
    if (p === 'N' && !digit(c)) return false
    if (p === 'A' && !alpha(c)) return false
    if (p === 'W' && !digit(c) && !alpha(c)) return false
  }
  return true
}

/**
 * Legacy Health Insurance Claim Number: an issuable SSN followed by a
 * beneficiary identification code (a letter and an optional digit).
 */
export function isValidHicn(value: string): boolean {
  const m = /^(\d{9})([A-Z])(\d?)$/.exec(value.replace(/[-\s]/g, ''))
  if (!m) return false
  return classifySsn(m[1]!).kind === 'issuable'
}

/**
 * DEA registration number: two letters (registrant type, then the first
 * letter of the surname or 9) and seven digits whose last is a checksum.
 */
export function isValidDea(value: string): boolean {
  const m = /^([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})$/.exec(value.toUpperCase())
  if (!m) return false
  const d = [...m[3]!].map(Number)
  const sum = d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)
  return sum % 10 === d[6]
}

const VIN_VALUES: Record<string, number> = {}
'ABCDEFGH'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 1))
'JKLMN'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 1))
VIN_VALUES['P'] = 7
VIN_VALUES['R'] = 9
'STUVWXYZ'.split('').forEach((c, i) => (VIN_VALUES[c] = i + 2))
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

/** Vehicle identification number: 17 characters, check digit at 9. */
export function isValidVin(value: string): boolean {
  const v = value.toUpperCase()
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const c = v[i]!
    const n = c >= '0' && c <= '9' ? Number(c) : VIN_VALUES[c]!
    sum += n * VIN_WEIGHTS[i]!
  }
  const check = sum % 11 === 10 ? 'X' : String(sum % 11)
  return v[8] === check
}

/** National Provider Identifier: ten digits, Luhn over the 80840 prefix. */
export function isValidNpi(value: string): boolean {
  return /^[12]\d{9}$/.test(value) && luhn('80840' + value)
}

/** What a phone number is under the North American Numbering Plan. */
export type PhoneClass =
  | { readonly kind: 'assignable' }
  | { readonly kind: 'fictional'; readonly reason: string }
  | { readonly kind: 'invalid' }

/**
 * Classifies a phone number: NANP area codes and exchanges start 2-9 and
 * are not N11; 555-0100 to 555-0199 is reserved for fiction, and Synthea
 * writes 555 as the area code.
 */
export function classifyPhone(value: string): PhoneClass {
  let d = value.replace(/\D/g, '')
  if (d.length === 11 && d[0] === '1') d = d.slice(1)
  if (d.length !== 10) return { kind: 'invalid' }
  const area = d.slice(0, 3)
  const exchange = d.slice(3, 6)
  const line = Number(d.slice(6))
  const nxx = (x: string) => x[0]! >= '2' && x.slice(1) !== '11'
  if (!nxx(area) || !nxx(exchange)) return { kind: 'invalid' }
  if (exchange === '555' && line >= 100 && line <= 199) {
    return { kind: 'fictional', reason: '555-01XX fiction range phone' }
  }
  if (area === '555') {
    return { kind: 'fictional', reason: '555 area-code phone (Synthea)' }
  }
  if (isRepetitive(d.slice(3))) {
    return { kind: 'fictional', reason: 'repeated or sequential digits' }
  }
  return { kind: 'assignable' }
}
