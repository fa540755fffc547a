/** CSV, TSV, SQL and JSON/YAML fixture renderings of a person. */
import type { Person, Planted } from '../people.js'
import type { Random } from '../random.js'
import { caseKey, randomDateStyle, type KeyCase } from '../render.js'
import { keyFor, valueOf } from './shared.js'
import {
  familyName,
  givenName,
  realisticPhone,
  streetAddress
} from '../values.js'

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
    ],
    // The provider's details sit beside the patient's in real exports and
    // are not the patient's identifiers.
    [
      caseKey(['provider', 'name'], style),
      `Dr. ${givenName(r)} ${familyName(r)}`
    ],
    [caseKey(['facility', 'phone'], style), realisticPhone(r)],
    [caseKey(['clinic', 'address'], style), streetAddress(r)]
  ]
  return r.shuffle([...cols, ...r.sample(extras, r.int(0, 3))])
}

export function delimited(
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

export function sql(who: Person, kinds: readonly Planted[], r: Random): string {
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

export function fixture(
  who: Person,
  kinds: readonly Planted[],
  r: Random
): unknown {
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
