/** HL7 v2, FHIR and X12 renderings of a person. */
import type { Person, Planted } from '../people.js'
import type { Random } from '../random.js'
import { pad } from '../values.js'
import { valueOf } from './shared.js'

export function hl7(who: Person, kinds: readonly Planted[], r: Random): string {
  const sep = r.pick(['|', '|', '|', '#'])
  const has = (k: Planted) => kinds.includes(k)
  const v = (k: Planted) => (has(k) ? valueOf(who, k, r, 'compact') : '')
  const date = r.int(20200101, 20251228)
  const f = (values: string[]) => values.join(sep)
  const name = has('name')
    ? `${who.family}^${who.given}^${r.pick(['', 'A', 'J', 'M'])}`
    : ''
  const addr =
    has('street address') || has('city') || has('ZIP code')
      ? `${v('street address')}^^${v('city')}^${who.state}^${v('ZIP code')}`
      : ''
  const pid = [
    'PID',
    '1',
    '',
    has('MRN')
      ? `${v('MRN')}^^^${r.pick(['HOSP', 'MRN', 'EPIC', 'MAIN'])}^MR`
      : '',
    '',
    name,
    '',
    v('birth date'),
    who.sex,
    '',
    '',
    addr,
    '',
    v('phone number'),
    '',
    '',
    '',
    '',
    v('account number'),
    v('SSN'),
    v('licence number')
  ]
  const segments = [
    f([
      'MSH',
      `^~\\&`,
      r.pick(['EPIC', 'CERNER', 'MEDITECH', 'LAB']),
      r.pick(['HOSP', 'CLINIC']),
      'RCV',
      'FAC',
      `${date}1200`,
      '',
      r.pick(['ADT^A01', 'ADT^A04', 'ORU^R01', 'ADT^A08']),
      String(r.int(1000, 99999)),
      'P',
      r.pick(['2.3', '2.5', '2.5.1'])
    ]),
    f(pid)
  ]
  if (r.chance(0.5) || has('admission date'))
    segments.push(
      f([
        'PV1',
        '1',
        r.pick(['I', 'O', 'E']),
        ...Array<string>(41).fill(''),
        v('admission date')
      ])
    )
  if (has('health plan number')) {
    const in1 = ['IN1', '1', r.pick(['BCBS', 'AETNA', 'UHC'])]
    while (in1.length < 36) in1.push('')
    in1.push(v('health plan number'))
    segments.push(f(in1))
  }
  if (r.chance(0.3))
    segments.push(
      f([
        'OBX',
        '1',
        'NM',
        '8867-4^Heart rate^LN',
        '',
        String(r.int(50, 110)),
        'bpm'
      ])
    )
  return segments.join(r.pick(['\r', '\n', '\r\n'])) + '\n'
}

export function fhir(
  who: Person,
  kinds: readonly Planted[],
  r: Random
): string {
  const has = (k: Planted) => kinds.includes(k)
  const synthea = who.style === 'synthea'
  const patient: Record<string, unknown> = {
    resourceType: 'Patient',
    id: String(r.int(1000, 999999))
  }
  const identifier: unknown[] = []
  if (synthea)
    identifier.push({
      system: 'https://github.com/synthetichealth/synthea',
      value: `${r.letters(8, 'abcdef0123456789')}-${r.letters(4, 'abcdef0123456789')}`
    })
  if (has('MRN'))
    identifier.push({
      type: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
            code: 'MR'
          }
        ]
      },
      system: `urn:oid:1.2.36.146.595.217.0.${r.int(1, 9)}`,
      value: who.fields.MRN
    })
  if (has('SSN'))
    identifier.push({
      type: { coding: [{ code: 'SS' }] },
      system: 'http://hl7.org/fhir/sid/us-ssn',
      value: who.fields.SSN
    })
  if (has('licence number'))
    identifier.push({
      type: { coding: [{ code: 'DL' }] },
      system: `urn:oid:2.16.840.1.113883.4.3.${r.int(1, 50)}`,
      value: who.fields['licence number']
    })
  if (has('MBI'))
    identifier.push({
      system: 'http://hl7.org/fhir/sid/us-mbi',
      value: who.fields.MBI
    })
  if (identifier.length > 0) patient.identifier = identifier
  if (has('name'))
    patient.name = [
      r.chance(0.8)
        ? { use: 'official', family: who.family, given: [who.given] }
        : { text: `${who.given} ${who.family}` }
    ]
  const telecom: unknown[] = []
  if (has('phone number'))
    telecom.push({
      system: 'phone',
      value: valueOf(who, 'phone number', r),
      use: r.pick(['home', 'mobile'])
    })
  if (has('email address'))
    telecom.push({ system: 'email', value: who.fields['email address'] })
  if (telecom.length > 0) patient.telecom = telecom
  patient.gender = who.sex === 'F' ? 'female' : 'male'
  if (has('birth date')) patient.birthDate = who.fields['birth date']
  if (has('street address') || has('city') || has('ZIP code')) {
    const address: Record<string, unknown> = { state: who.state }
    if (has('street address')) address.line = [who.fields['street address']]
    if (has('city')) address.city = who.fields.city
    if (has('ZIP code')) address.postalCode = who.fields['ZIP code']
    patient.address = [address]
  }
  const keys = r.shuffle(Object.keys(patient).filter(k => k !== 'resourceType'))
  const ordered: Record<string, unknown> = { resourceType: 'Patient' }
  for (const k of keys) ordered[k] = patient[k]
  const shape = r.pick(['single', 'bundle', 'bundle'])
  if (shape === 'single') return JSON.stringify(ordered, null, r.pick([0, 2]))
  const bundle = {
    resourceType: 'Bundle',
    type: r.pick(['collection', 'transaction', 'searchset']),
    entry: [
      {
        fullUrl: `urn:uuid:${r.letters(8, 'abcdef0123456789')}`,
        resource: ordered
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
          valueQuantity: { value: r.int(50, 110), unit: 'beats/minute' }
        }
      }
    ]
  }
  return JSON.stringify(bundle, null, r.pick([0, 2]))
}

export function x12(who: Person, kinds: readonly Planted[], r: Random): string {
  const [el, seg] = r.pick([
    ['*', '~'],
    ['*', '~\n'],
    ['|', '~'],
    ['^', '\n']
  ] as const)
  const has = (k: Planted) => kinds.includes(k)
  const v = (k: Planted) => valueOf(who, k, r, 'compact')
  const type = r.pick(['837', '270', '271', '835'])
  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    'ZZ',
    pad('SUBMITTER', 15),
    'ZZ',
    pad('RECEIVER', 15),
    '240101',
    '1200',
    // ISA11, the repetition separator, must differ from the element one.
    el === '^' ? '{' : '^',
    '00501',
    String(r.int(100000000, 999999999)),
    '0',
    'P',
    ':'
  ].join(el)
  const out = [
    isa,
    ['GS', 'HC', 'S', 'R', '20240101', '1200', '1', 'X', '005010X222A1'].join(
      el
    ),
    ['ST', type, '0001'].join(el),
    ['BHT', '0019', '00', '1', '20240101', '1200', 'CH'].join(el)
  ]
  out.push(
    ['HL', '1', '', '20', '1'].join(el),
    ['NM1', '85', '2', 'CLINIC GROUP', '', '', '', '', 'XX', '1234567893'].join(
      el
    ),
    ['HL', '2', '1', '22', '0'].join(el)
  )
  const idq = has('health plan number')
    ? ['MI', who.fields['health plan number']!]
    : []
  out.push(
    [
      'NM1',
      r.pick(['IL', 'IL', 'QC']),
      '1',
      has('name') ? who.family.toUpperCase() : '',
      has('name') ? who.given.toUpperCase() : '',
      '',
      '',
      '',
      ...idq
    ].join(el)
  )
  if (has('street address'))
    out.push(['N3', who.fields['street address']!.toUpperCase()].join(el))
  if (has('city') || has('ZIP code'))
    out.push(
      [
        'N4',
        has('city') ? who.fields.city!.toUpperCase() : '',
        who.state,
        has('ZIP code') ? who.fields['ZIP code']! : ''
      ].join(el)
    )
  if (has('birth date'))
    out.push(['DMG', 'D8', v('birth date'), who.sex].join(el))
  if (has('SSN'))
    out.push(
      ['REF', 'SY', who.fields.SSN!.replace(/-/g, r.pick(['', '-']))].join(el)
    )
  if (has('phone number'))
    out.push(['PER', 'IC', '', 'TE', who.fields['phone number']!].join(el))
  if (has('account number'))
    out.push(
      [
        'CLM',
        who.fields['account number']!,
        String(r.int(50, 900)),
        '',
        '',
        '11:B:1',
        'Y',
        'A',
        'Y',
        'Y'
      ].join(el)
    )
  out.push(
    [
      'NM1',
      'PR',
      '2',
      r.pick(['ACME HEALTH', 'BLUE PLAN']),
      '',
      '',
      '',
      '',
      'PI',
      String(r.int(10000, 99999))
    ].join(el)
  )
  out.push(
    ['SE', String(out.length), '0001'].join(el),
    ['GE', '1', '1'].join(el),
    ['IEA', '1', '000000001'].join(el)
  )
  return out.join(seg) + seg
}
