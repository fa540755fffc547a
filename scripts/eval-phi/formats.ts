/**
 * Renders a person's chosen fields in each format the gate reads, varying
 * layout, field order, key names, delimiters and spellings. Each renderer
 * returns the file and the identifiers it actually wrote (the label).
 */
import { stringify } from 'yaml'
import { dicomFile } from './dicom.js'
import { fhir, hl7, x12 } from './formats/messages.js'
import { note } from './formats/notes.js'
import { plantedValues } from './formats/shared.js'
import { delimited, fixture, sql } from './formats/tables.js'
import { chooseFields, type Person, type Planted } from './people.js'
import type { Random } from './random.js'

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
