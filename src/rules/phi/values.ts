/**
 * Judges one value found in a field of a given kind: a real-looking
 * identifier, a synthetic one (with the reason), a de-identified shape (with
 * the reason), or not that kind of value at all.
 */
import type { IdentifierKind } from './identifiers.js'
import {
  cardNetwork,
  classifyPhone,
  classifySsn,
  isRepetitive,
  isTestCard,
  isValidDea,
  isValidHicn,
  isValidMbi,
  isValidNpi,
  isValidVin,
  luhn
} from './validators.js'

export type Verdict =
  | { readonly status: 'real'; readonly kind: IdentifierKind }
  | { readonly status: 'synthetic'; readonly reason: string }
  | { readonly status: 'deidentified'; readonly reason: string }
  | { readonly status: 'invalid' }

const INVALID: Verdict = { status: 'invalid' }
const real = (kind: IdentifierKind): Verdict => ({ status: 'real', kind })
/** The MBI CMS prints in its own guidance: it identifies no one. */
export const CMS_EXAMPLE_MBI = '1EG4TE5MK73'
const synthetic = (reason: string): Verdict => ({ status: 'synthetic', reason })
const deidentified = (reason: string): Verdict => ({
  status: 'deidentified',
  reason
})

// Placeholders a de-identification tool or a careful author leaves behind.
const REDACTED_WORD =
  /^[[<({]{0,2}\s{0,2}(?:redacted|removed|masked|suppressed|withheld|hidden|de-?identified|anonymi[sz]ed|omitted|scrubbed|n\/a)\s{0,2}[\])>}]{0,2}$/i
const PLACEHOLDER_TOKEN =
  /^(?:\[[A-Z][A-Z_ -]{1,30}(?:_\d{1,4})?\]|<[A-Z][A-Z_ -]{1,30}(?:_\d{1,4})?>|\{\{[\w .-]{1,40}\}\})$/
const MASKED = /^[X*#•]{1,12}(?:[-\s./][X*#•]{1,12}){0,4}(?:[-\s./]?\d{1,4})?$/i

/** The reason a value is a de-identification placeholder, if it is one. */
export function deidentifiedShape(value: string): string | undefined {
  const v = value.trim()
  if (REDACTED_WORD.test(v)) return 'redaction marker'
  if (PLACEHOLDER_TOKEN.test(v)) return 'placeholder token'
  if (MASKED.test(v) && /[X*#•]{2}/i.test(v)) return 'masked value'
  return undefined
}

// Surnames and given names that mark a made-up person.
const PLACEHOLDER_NAMES = new Set(
  (
    'doe test tester testing sample example patient fake demo dummy mock ' +
    'anonymous anon unknown lorem ipsum foo bar baz qux user nobody none ' +
    'null placeholder synthetic fictitious john.doe jane.doe'
  ).split(' ')
)

const LABEL_WORDS = new Set(
  'name first last full given family middle surname patient maiden nick'.split(
    ' '
  )
)

const NAME = /^[\p{L}][\p{L}\p{M}' .,^-]{0,80}$/u
const SYNTHEA_NAME = /\p{L}\d{1,4}(?:$|[\s^,])/u

function judgeName(value: string): Verdict {
  const v = value.trim()
  if (SYNTHEA_NAME.test(v) && /^[\p{L}\d' .,^-]{2,80}$/u.test(v)) {
    return synthetic('digits appended to the name (Synthea)')
  }
  if (!NAME.test(v)) return INVALID
  const words = v
    .toLowerCase()
    .split(/[\s^,.]{1,4}/)
    .filter(w => w.length > 0)
  if (words.length === 0 || words.length > 6) return INVALID
  // `First name`, `Family name`: a form label or translation, not a person.
  if (words.every(w => LABEL_WORDS.has(w))) return INVALID
  if (words.some(w => PLACEHOLDER_NAMES.has(w))) {
    return synthetic('placeholder name')
  }
  if (v.length < 2) return INVALID
  return real('name')
}

function judgeSsn(value: string, kind: IdentifierKind): Verdict {
  const m = /^(\d{3})[- ]?(\d{2})[- ]?(\d{4})$/.exec(value.trim())
  if (!m) return INVALID
  const c = classifySsn(m[1]! + m[2]! + m[3]!)
  if (c.kind === 'not-issued') return synthetic(c.reason)
  if (c.kind === 'itin') {
    return kind === 'ITIN' ? real('ITIN') : synthetic('SSN area 9xx')
  }
  return real('SSN')
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ')

/** Year, month and day of a date in the forms records use, if valid. */
export function parseDate(value: string): [number, number, number] | undefined {
  const v = value.trim()
  let y: number, m: number, d: number
  let r =
    /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ]\d{2}:?\d{2}[\d:.+Z-]{0,20})?$/.exec(v)
  if (r) {
    y = Number(r[1])
    m = Number(r[2])
    d = Number(r[3])
  } else if ((r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v))) {
    m = Number(r[1])
    d = Number(r[2])
    y = Number(r[3])
  } else if (
    (r = /^([A-Za-z]{3})[a-z]{0,6}\.? (\d{1,2}),? (\d{4})$/.exec(v)) ||
    (r = /^(\d{1,2}) ([A-Za-z]{3})[a-z]{0,6}\.? (\d{4})$/.exec(v))
  ) {
    const monthFirst = /^[A-Za-z]/.test(v)
    const name = (monthFirst ? r[1] : r[2])!.toLowerCase()
    m = MONTHS.indexOf(name) + 1
    d = Number(monthFirst ? r[2] : r[1])
    y = Number(r[3])
  } else {
    return undefined
  }
  if (y < 1870 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) {
    return undefined
  }
  return [y, m, d]
}

function judgeDate(value: string, kind: IdentifierKind): Verdict {
  const v = value.trim()
  if (/^\d{4}$/.test(v)) return deidentified('date reduced to the year')
  if (/^\d{4}-\d{2}$/.test(v) && kind !== 'birth date') {
    return deidentified('date reduced to the month')
  }
  const date = parseDate(v)
  if (!date) return INVALID
  if (date[1] === 1 && date[2] === 1 && date[0] === 1900) {
    return synthetic('placeholder date 1900-01-01')
  }
  return real(kind)
}

function judgeAge(value: string): Verdict {
  const v = value.trim()
  if (/^(?:90|89)\+$|^>\s{0,2}89$/.test(v)) return deidentified('ages 90+')
  if (!/^\d{1,3}$/.test(v)) return INVALID
  const age = Number(v)
  return age > 89 && age < 125 ? real('age over 89') : INVALID
}

function judgePhone(value: string, kind: IdentifierKind): Verdict {
  if (
    !/^[+\d()\s.-]{7,22}(?:\s{0,2}(?:x|ext\.?)\s{0,2}\d{1,6})?$/i.test(value)
  ) {
    return INVALID
  }
  const c = classifyPhone(value.replace(/\s{0,2}(?:x|ext\.?).{0,12}$/i, ''))
  if (c.kind === 'invalid') return INVALID
  if (c.kind === 'fictional') return synthetic(c.reason)
  return real(kind)
}

// RFC 2606 and RFC 6761 names that never resolve to a real mailbox.
const RESERVED_DOMAIN =
  /(?:^|\.)(?:example(?:\.com|\.org|\.net)?|test|invalid|localhost|local)$/i

/** The reason an email's or URL's host is reserved, if it is. */
export function reservedDomain(host: string): string | undefined {
  return RESERVED_DOMAIN.test(host)
    ? 'reserved domain (RFC 2606/6761)'
    : undefined
}

function judgeEmail(value: string): Verdict {
  const m =
    /^[\w.%+-]{1,64}@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8})$/.exec(
      value.trim()
    )
  if (!m) return INVALID
  const reserved = reservedDomain(m[1]!)
  if (reserved) return synthetic(reserved)
  if (!m[1]!.includes('.')) return INVALID
  return real('email address')
}

function judgeZip(value: string): Verdict {
  const v = value.trim()
  if (/^\d{3}(?:xx|\*\*|00)?$/i.test(v)) {
    return deidentified('ZIP reduced to three digits')
  }
  if (!/^\d{5}(?:-?\d{4})?$/.test(v)) return INVALID
  if (isRepetitive(v.slice(0, 5))) return synthetic('placeholder ZIP code')
  return real('ZIP code')
}

function judgeCard(value: string): Verdict {
  const d = value.replace(/[\s-]/g, '')
  if (!/^\d{13,19}$/.test(d) || !luhn(d) || !cardNetwork(d)) return INVALID
  if (isTestCard(d)) return synthetic('published test card number')
  return real('payment card number')
}

function judgeIdNumber(value: string, kind: IdentifierKind): Verdict {
  const v = value.trim()
  if (!/^[A-Za-z0-9][A-Za-z0-9 ./_-]{2,30}$/.test(v) || !/\d/.test(v)) {
    return INVALID
  }
  const digits = v.replace(/\D/g, '')
  if (
    digits.length >= 4 &&
    digits.length === v.length &&
    isRepetitive(digits)
  ) {
    return synthetic('repeated or sequential digits')
  }
  if (/^(?:test|sample|demo|fake|synth|example)/i.test(v)) {
    return synthetic('identifier marked as test data')
  }
  if (kind === 'licence number' && /^S999\d{3,8}$/i.test(v)) {
    return synthetic('S999 licence number (Synthea)')
  }
  return real(kind)
}

function judgeAddress(value: string, kind: IdentifierKind): Verdict {
  const v = value.trim()
  if (kind === 'city') {
    return /^[\p{L}][\p{L} .'-]{1,40}$/u.test(v) ? real('city') : INVALID
  }
  if (!/^\d{1,6}[A-Za-z]?\s{1,3}[\p{L}\d][\p{L}\d .,'#/-]{2,80}$/u.test(v)) {
    return INVALID
  }
  if (
    /^(?:123|1234|12345)\s{1,3}(?:main|fake|test|example|sample)\b/i.test(v)
  ) {
    return synthetic('placeholder street address')
  }
  return real('street address')
}

function judgeIp(value: string): Verdict {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value.trim())
  if (!m) return INVALID
  const o = m.slice(1).map(Number)
  if (o.some(x => x > 255)) return INVALID
  const [a, b, c] = o as [number, number, number, number]
  if (
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  ) {
    return synthetic('documentation address range (RFC 5737)')
  }
  if (a === 127 || a === 0 || a === 10 || (a === 192 && b === 168)) {
    return synthetic('private or loopback address')
  }
  return real('IP address')
}

function judgeUrl(value: string): Verdict {
  const m = /^https?:\/\/([A-Za-z0-9.-]{1,253})(?:[/:?#].{0,500})?$/.exec(
    value.trim()
  )
  if (!m) return INVALID
  const reserved = reservedDomain(m[1]!)
  return reserved ? synthetic(reserved) : real('URL')
}

/** Judges `value` found where a value of `kind` belongs. */
export function judge(kind: IdentifierKind, value: string): Verdict {
  const v = value.trim()
  if (v.length === 0 || v.length > 200) return INVALID
  const shape = deidentifiedShape(v)
  if (shape) return deidentified(shape)

  switch (kind) {
    case 'name':
      return judgeName(v)
    case 'SSN':
    case 'ITIN':
      return judgeSsn(v, kind)
    case 'birth date':
    case 'admission date':
    case 'discharge date':
    case 'death date':
    case 'service date':
      return judgeDate(v, kind)
    case 'age over 89':
      return judgeAge(v)
    case 'phone number':
    case 'fax number':
      return judgePhone(v, kind)
    case 'email address':
      return judgeEmail(v)
    case 'ZIP code':
      return judgeZip(v)
    case 'street address':
    case 'city':
      return judgeAddress(v, kind)
    case 'payment card number':
      return judgeCard(v)
    case 'MBI':
      if (!isValidMbi(v)) return INVALID
      return v.replace(/-/g, '').toUpperCase() === CMS_EXAMPLE_MBI
        ? synthetic('the example MBI CMS publishes')
        : real('MBI')
    case 'HICN':
      return isValidHicn(v) ? real('HICN') : INVALID
    case 'DEA number':
      return isValidDea(v) ? real('DEA number') : INVALID
    case 'VIN':
      return isValidVin(v) ? real('VIN') : INVALID
    case 'NPI':
      return isValidNpi(v) ? real('NPI') : INVALID
    case 'IP address':
      return judgeIp(v)
    case 'URL':
      return judgeUrl(v)
    case 'health information':
      return /\p{L}{2}/u.test(v) || /^[A-Z]\d{2}/.test(v)
        ? real('health information')
        : INVALID
    case 'MRN':
    case 'health plan number':
    case 'account number':
    case 'licence number':
    case 'device identifier':
      return judgeIdNumber(v, kind)
    default:
      return INVALID
  }
}
