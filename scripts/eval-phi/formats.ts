/**
 * Renders a person's chosen fields in each format the gate reads, varying
 * layout, field order, key names, delimiters and spellings. Each renderer
 * returns the file and the identifiers it actually wrote (the label).
 */
import { stringify } from 'yaml'
import { KEY_WORDS, NOTE_LABELS } from './keys.js'
import { chooseFields, type Person, type Planted } from './people.js'
import type { Random } from './random.js'
import {
  caseKey,
  formatDate,
  formatPhone,
  randomDateStyle,
  type KeyCase
} from './render.js'
import { pad } from './values.js'
import { dicomFile } from './dicom.js'

export type Format =
  'hl7' | 'fhir' | 'x12' | 'csv' | 'sql' | 'json' | 'yaml' | 'note' | 'dicom'
export const FORMATS: readonly Format[] = [
  'hl7',
  'fhir',
  'x12',
  'csv',
  'sql',
  'json',
  'yaml',
  'note',
  'dicom'
]

export interface Sample {
  readonly path: string
  readonly text: string
  readonly bytes?: Uint8Array
  readonly format: Format
  readonly planted: readonly Planted[]
  /** The planted values, for the test that no output repeats them. */
  readonly values: readonly string[]
}

const CARRIES: Readonly<Record<Format, readonly Planted[]>> = {
  hl7: [
    'name',
    'birth date',
    'SSN',
    'MRN',
    'phone number',
    'street address',
    'city',
    'ZIP code',
    'account number',
    'licence number',
    'admission date',
    'health plan number'
  ],
  fhir: [
    'name',
    'birth date',
    'SSN',
    'MRN',
    'phone number',
    'email address',
    'street address',
    'city',
    'ZIP code',
    'licence number',
    'MBI'
  ],
  x12: [
    'name',
    'birth date',
    'SSN',
    'health plan number',
    'street address',
    'city',
    'ZIP code',
    'account number',
    'phone number'
  ],
  csv: [
    'name',
    'birth date',
    'SSN',
    'MRN',
    'health plan number',
    'phone number',
    'email address',
    'street address',
    'city',
    'ZIP code',
    'account number',
    'admission date',
    'MBI',
    'payment card number'
  ],
  sql: [
    'name',
    'birth date',
    'SSN',
    'MRN',
    'health plan number',
    'phone number',
    'email address',
    'street address',
    'city',
    'ZIP code',
    'account number',
    'licence number'
  ],
  json: [
    'name',
    'birth date',
    'SSN',
    'MRN',
    'health plan number',
    'phone number',
    'email address',
    'street address',
    'city',
    'ZIP code',
    'account number',
    'payment card number',
    'MBI'
  ],
  yaml: [
    'name',
    'birth date',
    'SSN',
    'MRN',
    'health plan number',
    'phone number',
    'email address',
    'street address',
    'city',
    'ZIP code',
    'licence number',
    'admission date'
  ],
  note: [
    'name',
    'birth date',
    'SSN',
    'MRN',
    'health plan number',
    'phone number',
    'email address',
    'street address',
    'ZIP code',
    'admission date',
    'MBI'
  ],
  dicom: ['name', 'MRN', 'birth date']
}

/** The fields a format can carry. */
export function carried(format: Format): readonly Planted[] {
  return CARRIES[format]
}

/** Whether a person can show a sign of its style in this format. */
export function canShowStyle(format: Format, who: Person): boolean {
  return (
    who.style === 'realistic' ||
    CARRIES[format].some(k => who.traits.includes(k))
  )
}

function valueOf(
  who: Person,
  kind: Planted,
  r: Random,
  dates = randomDateStyle(r)
): string {
  const raw = who.fields[kind] ?? ''
  if (kind === 'birth date' || kind === 'admission date')
    return formatDate(raw, dates)
  if (kind === 'phone number') return formatPhone(raw, r)
  return raw
}

function plantedValues(who: Person, kinds: readonly Planted[]): string[] {
  return kinds
    .map(k => who.fields[k] ?? '')
    .filter(v => v.length >= 4 && !/^\[|^<|REDACTED|^X|^\*/.test(v))
}

/** Renders one record of `who` in `format`. */
export function render(
  format: Format,
  who: Person,
  r: Random,
  n: number
): Sample {
  const kinds = chooseFields(r, CARRIES[format], who)
  const base = { format, planted: kinds, values: plantedValues(who, kinds) }
  switch (format) {
    case 'hl7':
      return {
        ...base,
        path: `fixtures/hl7/adt_${n}.${r.pick(['hl7', 'hl7', 'txt'])}`,
        text: hl7(who, kinds, r)
      }
    case 'fhir':
      return {
        ...base,
        path: `fixtures/fhir/patient_${n}.${r.pick(['json', 'json', 'ndjson'])}`,
        text: fhir(who, kinds, r)
      }
    case 'x12':
      return {
        ...base,
        path: `fixtures/x12/claim_${n}.${r.pick(['edi', 'x12', '837', 'txt'])}`,
        text: x12(who, kinds, r)
      }
    case 'csv': {
      const tab = r.chance(0.25)
      return {
        ...base,
        path: `data/${r.pick(['patients', 'members', 'export', 'roster', 'encounters'])}_${n}.${tab ? 'tsv' : 'csv'}`,
        text: delimited(who, kinds, r, tab)
      }
    }
    case 'sql':
      return {
        ...base,
        path: `db/seeds/${r.pick(['patients', 'seed', 'members', 'import'])}_${n}.sql`,
        text: sql(who, kinds, r)
      }
    case 'json':
      return {
        ...base,
        path: `test/fixtures/${r.pick(['patient', 'member', 'user', 'record'])}_${n}.json`,
        text: JSON.stringify(fixture(who, kinds, r), null, r.pick([0, 2, 4]))
      }
    case 'yaml':
      return {
        ...base,
        path: `config/seeds/${r.pick(['patients', 'members', 'demo'])}_${n}.${r.pick(['yml', 'yaml'])}`,
        text: stringify(fixture(who, kinds, r))
      }
    case 'note':
      return {
        ...base,
        path: `${r.pick(['docs/notes', 'logs', 'support', 'tickets'])}/${r.pick(['visit', 'intake', 'app', 'case'])}_${n}.${r.pick(['txt', 'md', 'log'])}`,
        text: note(who, kinds, r)
      }
    case 'dicom': {
      const bytes = dicomFile(who, kinds, r)
      return { ...base, path: `test/images/scan_${n}.dcm`, text: '', bytes }
    }
  }
}

function hl7(who: Person, kinds: readonly Planted[], r: Random): string {
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
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
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

function fhir(who: Person, kinds: readonly Planted[], r: Random): string {
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

function x12(who: Person, kinds: readonly Planted[], r: Random): string {
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

function keyFor(
  kind: Planted | 'given' | 'family',
  r: Random,
  style: KeyCase
): string {
  return caseKey(r.pick(KEY_WORDS[kind]), style)
}

/** Columns for a flat record: a name as one column or two. */
function columns(
  who: Person,
  kinds: readonly Planted[],
  r: Random,
  style: KeyCase
): [string, string][] {
  const dates = randomDateStyle(r)
  const cols: [string, string][] = []
  for (const k of kinds) {
    if (k === 'name' && who.family && r.chance(0.7)) {
      cols.push(
        [keyFor('given', r, style), who.given],
        [keyFor('family', r, style), who.family]
      )
    } else cols.push([keyFor(k, r, style), valueOf(who, k, r, dates)])
  }
  const extras: [string, string][] = [
    [caseKey(['gender'], style), who.sex],
    [caseKey(['state'], style), who.state],
    [caseKey(['diagnosis', 'code'], style), who.diagnosis],
    [
      caseKey(['visit', 'type'], style),
      r.pick(['inpatient', 'outpatient', 'telehealth'])
    ],
    [
      caseKey(['created', 'at'], style),
      `2024-0${r.int(1, 9)}-1${r.int(0, 9)}T0${r.int(0, 9)}:00:00Z`
    ]
  ]
  return r.shuffle([...cols, ...r.sample(extras, r.int(0, 3))])
}

function delimited(
  who: Person,
  kinds: readonly Planted[],
  r: Random,
  tab: boolean
): string {
  const d = tab ? '\t' : r.pick([',', ',', ';', '|'])
  const style = r.pick(['snake', 'camel', 'pascal', 'upper'] as const)
  const cols = columns(who, kinds, r, style)
  const quote = (s: string) =>
    s.includes(d) || s.includes('"') || r.chance(0.2)
      ? `"${s.replace(/"/g, '""')}"`
      : s
  const header = cols.map(c => c[0]).join(d)
  const row = cols.map(c => quote(c[1])).join(d)
  return `${header}\n${row}\n`
}

function sql(who: Person, kinds: readonly Planted[], r: Random): string {
  const style = r.pick(['snake', 'snake', 'camel'] as const)
  const cols = columns(who, kinds, r, style)
  const q = r.pick(['', '"', '`'])
  const table = r.pick([
    'patients',
    'patient',
    'members',
    'public.patients',
    'enrollees',
    'people'
  ])
  const values = cols.map(([k, v]) =>
    /date|dob|birth/i.test(k) && r.chance(0.3)
      ? `DATE '${v}'`
      : `'${v.replace(/'/g, "''")}'`
  )
  const stmt = `INSERT INTO ${table} (${cols.map(c => q + c[0] + q).join(', ')}) VALUES (${values.join(', ')});`
  return r.pick([
    `-- seed data\n${stmt}\n`,
    `BEGIN;\n${stmt}\nCOMMIT;\n`,
    `${stmt}\n`
  ])
}

function fixture(who: Person, kinds: readonly Planted[], r: Random): unknown {
  const style = r.pick(['snake', 'camel'] as const)
  const dates = randomDateStyle(r)
  const obj: Record<string, unknown> = { id: r.int(1, 99999) }
  const address: Record<string, string> = {}
  for (const k of kinds) {
    if (k === 'name' && who.family && r.chance(0.5)) {
      if (r.chance(0.5))
        obj[caseKey(['name'], style)] = {
          [caseKey(['first'], style)]: who.given,
          [caseKey(['last'], style)]: who.family
        }
      else {
        obj[keyFor('given', r, style)] = who.given
        obj[keyFor('family', r, style)] = who.family
      }
    } else if (
      (k === 'street address' || k === 'city' || k === 'ZIP code') &&
      r.chance(0.5)
    ) {
      address[
        k === 'street address'
          ? caseKey(['street'], style)
          : keyFor(k, r, style)
      ] = who.fields[k]!
    } else obj[keyFor(k, r, style)] = valueOf(who, k, r, dates)
  }
  if (Object.keys(address).length > 0)
    obj[caseKey(['address'], style)] = address
  obj[caseKey(['gender'], style)] = who.sex
  if (r.chance(0.4)) obj[caseKey(['diagnosis'], style)] = who.diagnosis
  const shape = r.pick(['flat', 'wrapped', 'list'])
  if (shape === 'wrapped')
    return { [r.pick(['patient', 'member', 'subject', 'data'])]: obj }
  if (shape === 'list')
    return { [r.pick(['patients', 'records', 'items', 'members'])]: [obj] }
  return obj
}

function note(who: Person, kinds: readonly Planted[], r: Random): string {
  const dates = randomDateStyle(r)
  const pairs = r
    .shuffle(kinds)
    .map(
      k =>
        [
          r.pick(NOTE_LABELS[k]),
          k === 'name'
            ? who.family
              ? `${who.given} ${who.family}`
              : who.given
            : valueOf(who, k, r, dates)
        ] as const
    )
  const layout = r.pick(['lines', 'inline', 'log'])
  if (layout === 'log') {
    const ts = `2024-0${r.int(1, 9)}-1${r.int(0, 9)}T1${r.int(0, 9)}:2${r.int(0, 9)}:0${r.int(0, 9)}Z`
    const style = r.pick(['snake', 'camel'] as const)
    const body = r
      .shuffle(kinds)
      .map(k => {
        const v =
          k === 'name'
            ? pairs.find(p => NOTE_LABELS.name.includes(p[0]))![1]
            : valueOf(who, k, r, dates)
        return `${keyFor(k, r, style)}=${v.includes(' ') ? `"${v}"` : v}`
      })
      .join(' ')
    return `${ts} INFO intake.service patient record loaded ${body}\n${ts} DEBUG intake.service done in 12ms\n`
  }
  if (layout === 'inline') {
    return `Visit note\n${pairs.map(([l, v]) => `${l}: ${v}`).join(', ')}. Seen for follow-up; vitals stable.\n`
  }
  return `Intake summary\n\n${pairs.map(([l, v]) => `${l}: ${v}`).join('\n')}\n\nPlan: follow up in two weeks.\n`
}
