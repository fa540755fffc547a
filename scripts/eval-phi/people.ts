/**
 * People for the evaluation, in four styles: realistic (what real patient
 * data looks like), Synthea output, hand-made test data with reserved
 * values, and de-identified extracts. A person is a set of fields keyed by
 * the identifier they are; which fields a record carries varies.
 */
import type { Random } from './random.js'
import * as v from './values.js'

export type Style = 'realistic' | 'synthea' | 'reserved' | 'deidentified'

/** The identifiers the generator plants, named as findings name them. */
export type Planted =
  | 'name'
  | 'birth date'
  | 'SSN'
  | 'MRN'
  | 'health plan number'
  | 'MBI'
  | 'phone number'
  | 'email address'
  | 'street address'
  | 'city'
  | 'ZIP code'
  | 'account number'
  | 'payment card number'
  | 'licence number'
  | 'admission date'

export interface Person {
  readonly style: Style
  readonly given: string
  readonly family: string
  /** Planted identifier values (dates ISO, phones ten digits). */
  readonly fields: Partial<Record<Planted, string>>
  /** Non-identifying facts every format may carry. */
  readonly sex: 'F' | 'M'
  readonly state: string
  readonly diagnosis: string
  /** The fields that carry the style's signs (all fields when realistic). */
  readonly traits: readonly Planted[]
}

const DIAGNOSES = [
  'E11.9',
  'I10',
  'J45.909',
  'M54.5',
  'F41.1',
  'K21.9',
  'N39.0'
]

function withoutDirect(
  fields: Partial<Record<Planted, string>>
): Partial<Record<Planted, string>> {
  const { SSN: _s, MBI: _m, 'payment card number': _c, ...rest } = fields
  return rest
}

function realistic(r: Random): Person {
  const given = v.givenName(r)
  const family = v.familyName(r)
  const all: Partial<Record<Planted, string>> = {
    name: `${given} ${family}`,
    'birth date': v.isoDate(r, 1931, 2016),
    SSN: v.issuableSsn(r),
    MRN: v.mrn(r),
    'health plan number': v.memberId(r),
    MBI: v.mbi(r),
    'phone number': v.realisticPhone(r),
    'email address': v.email(r, given, family),
    'street address': v.streetAddress(r),
    city: v.city(r),
    'ZIP code': v.zip(r),
    'account number': v.accountNumber(r),
    'payment card number': v.cardNumber(r),
    'licence number': v.licence(r),
    'admission date': v.isoDate(r, 2015, 2025)
  }
  return {
    style: 'realistic',
    given,
    family,
    fields: all,
    sex: r.pick(['F', 'M']),
    state: v.state(r),
    diagnosis: r.pick(DIAGNOSES),
    traits: Object.keys(all) as Planted[]
  }
}

// Synthea appends digits to names, writes 999 SSNs, 555 phones and S999
// licences; dates and addresses look ordinary.
function synthea(r: Random): Person {
  const base = realistic(r)
  const given = `${base.given}${r.int(1, 999)}`
  const family = `${base.family}${r.int(1, 999)}`
  return {
    ...base,
    style: 'synthea',
    traits: [
      'name',
      'SSN',
      'phone number',
      'licence number',
      'email address',
      'payment card number'
    ],
    given,
    family,
    fields: {
      ...withoutDirect(base.fields),
      name: `${given} ${family}`,
      SSN: `999-${r.digits(2)}-${r.digits(4)}`,
      'phone number': `555${r.digits(3, '23456789')}${r.digits(4)}`,
      'licence number': `S999${r.digits(5)}`,
      'email address': `${base.given
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z]/g, '')}${r.int(1, 99)}@example.com`,
      'payment card number': r.pick([
        '4111111111111111',
        '4242424242424242',
        '5555555555554444'
      ])
    }
  }
}

const PLACEHOLDER_PEOPLE: readonly [string, string][] = [
  ['John', 'Doe'],
  ['Jane', 'Doe'],
  ['Test', 'Patient'],
  ['Sample', 'Person'],
  ['Demo', 'User'],
  ['Baby', 'Doe']
]

// Hand-made fixtures: some fields replaced by values that cannot be real
// (unissuable SSNs, 555-01XX phones, reserved domains, test cards,
// placeholder names, digit runs); the rest ordinary.
function reserved(r: Random): Person {
  const base = realistic(r)
  // Hand-made test data has no real-looking direct identifier: one would
  // make the record indistinguishable from a real one.
  const fields = withoutDirect(base.fields)
  let given = base.given
  let family = base.family
  const traits: Planted[] = []
  const swaps: [Planted, () => void][] = [
    [
      'name',
      () => {
        ;[given, family] = r.pick(PLACEHOLDER_PEOPLE)
        fields.name = `${given} ${family}`
      }
    ],
    [
      'SSN',
      () => {
        fields.SSN = r.pick([
          `000-${r.digits(2)}-${r.digits(4)}`,
          `666-${r.digits(2)}-${r.digits(4)}`,
          `9${r.digits(2)}-${r.pick(['00', '12', '34', '45'])}-${r.digits(4)}`,
          '123-45-6789',
          `${r.digits(3, '123456789')}-00-${r.digits(4)}`,
          '111-11-1111'
        ])
      }
    ],
    [
      'phone number',
      () => {
        fields['phone number'] =
          `${v.realisticPhone(r).slice(0, 3)}5550${r.int(100, 199)}`
      }
    ],
    [
      'email address',
      () => {
        fields['email address'] = `${given
          .toLowerCase()
          .normalize('NFD')
          .replace(
            /[^a-z]/g,
            ''
          )}@${r.pick(['example.com', 'example.org', 'clinic.test', 'mail.invalid'])}`
      }
    ],
    [
      'payment card number',
      () => {
        fields['payment card number'] = r.pick([
          '4111111111111111',
          '4012888888881881',
          '378282246310005',
          '2223003122003222'
        ])
      }
    ],
    [
      'MRN',
      () => {
        fields.MRN = r.pick(['000000', '123456', '1234567890', '999999'])
      }
    ]
  ]
  // At least the SSN or the name is made up, plus one or two other fields.
  const chosen = [
    r.pick(swaps.slice(0, 2)),
    ...r.sample(swaps.slice(2), r.int(1, 2))
  ]
  for (const [kind, swap] of chosen) {
    swap()
    traits.push(kind)
  }
  return { ...base, style: 'reserved', given, family, fields, traits }
}

// A de-identified extract: direct identifiers replaced by tokens or masks,
// dates cut to the year, ZIPs to three digits.
function deidentified(r: Random): Person {
  const base = realistic(r)
  const n = r.int(1, 9)
  const token = (label: string) =>
    r.pick([`[${label}_${n}]`, '[REDACTED]', `<${label}>`, 'REDACTED'])
  return {
    ...base,
    style: 'deidentified',
    given: token('PERSON'),
    family: '',
    traits: Object.keys(base.fields) as Planted[],
    fields: {
      name: token('PERSON'),
      'birth date': base.fields['birth date']!.slice(0, 4),
      SSN: r.pick([
        'XXX-XX-' + r.digits(4),
        '***-**-' + r.digits(4),
        '[REDACTED]'
      ]),
      MRN: token('MRN'),
      'health plan number': token('ID'),
      'phone number': r.pick(['[REDACTED]', '(XXX) XXX-XXXX', '[PHONE_1]']),
      'email address': r.pick(['[EMAIL]', '[REDACTED]']),
      'street address': r.pick(['[ADDRESS]', '[REDACTED]']),
      'ZIP code': base.fields['ZIP code']!.slice(0, 3),
      'admission date': base.fields['admission date']!.slice(0, 4)
    }
  }
}

/** A person in the given style. */
export function person(r: Random, style: Style): Person {
  switch (style) {
    case 'realistic':
      return realistic(r)
    case 'synthea':
      return synthea(r)
    case 'reserved':
      return reserved(r)
    case 'deidentified':
      return deidentified(r)
  }
}

/**
 * The identifiers one record carries: a name or record number with one to
 * five others, or a direct identifier alone with a few more. Records in
 * real systems carry different subsets, and so do these.
 */
export function chooseFields(
  r: Random,
  available: readonly Planted[],
  who: Person
): Planted[] {
  // A synthetic record shows at least one of its signs; one that showed
  // none would be indistinguishable from real data, and labelled wrongly.
  const signs = available.filter(
    k => who.traits.includes(k) && who.fields[k] !== undefined
  )
  if (who.style !== 'realistic' && signs.length > 0) {
    const sign = r.pick(signs)
    const rest = available.filter(
      k => k !== sign && who.fields[k] !== undefined
    )
    return [sign, ...r.sample(rest, r.int(1, Math.min(4, rest.length)))]
  }
  const anchors = available.filter(
    k =>
      k === 'name' || k === 'MRN' || k === 'SSN' || k === 'health plan number'
  )
  const anchor = r.pick(anchors.length > 0 ? anchors : available)
  const rest = available.filter(
    k => k !== anchor && who.fields[k] !== undefined
  )
  return [anchor, ...r.sample(rest, r.int(1, Math.min(5, rest.length)))]
}
