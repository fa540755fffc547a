/**
 * ASC X12 healthcare transactions (837 claims, 835 remittances, 270/271
 * eligibility). The element separator and segment terminator come from the
 * ISA envelope. A subscriber or patient loop, from its NM1 to the next
 * entity, is one record: names (NM1), address (N3, N4), birth date (DMG)
 * and reference numbers (REF).
 */
import { lookup, type IdentifierKind } from '../identifiers.js'
import type { PatientRecord, RecordField } from '../record.js'

// NM101 entity codes of people whose data is PHI: insured or subscriber,
// patient, dependent.
const PERSON_ENTITIES = new Set(['IL', 'QC', '03'])

// NM108 identification code qualifiers.
const NM1_QUALIFIERS: Readonly<Record<string, IdentifierKind>> = {
  MI: 'health plan number',
  II: 'health plan number',
  '34': 'SSN',
  ZZ: 'MRN',
  XV: 'health plan number'
}

// REF01 reference qualifiers.
const REF_QUALIFIERS: Readonly<Record<string, IdentifierKind>> = {
  SY: 'SSN',
  '1W': 'health plan number',
  '6P': 'health plan number',
  IG: 'health plan number',
  EA: 'MRN',
  EJ: 'account number',
  F6: 'MBI',
  '0B': 'licence number'
}

/**
 * Whether text looks like an X12 interchange, or (in the added lines of a
 * diff) like segments of one.
 */
export function looksLikeX12(sample: string): boolean {
  if (!sample.includes('ISA') && !sample.includes('*')) return false
  return /(?:^|[\s~])(?:ISA[*|^~:]|ST\*(?:837|835|270|271)\*|(?:NM1|DMG|N3|N4|CLM|CLP|REF)\*)/.test(
    sample
  )
}

interface Delimiters {
  readonly element: string
  readonly segment: string
  readonly component: string
}

/** The delimiters an ISA header declares, or the usual ones. */
export function delimitersOf(text: string): Delimiters {
  const at = text.indexOf('ISA')
  if (at >= 0 && text.length > at + 105) {
    const element = text[at + 3]!
    // ISA16 is one character; the terminator follows it. Count separators
    // rather than trust fixed widths, which hand-edited files break.
    let seen = 0
    for (let i = at + 3; i < Math.min(text.length, at + 200); i++) {
      if (text[i] === element && ++seen === 16) {
        const component = text[i + 1] ?? ':'
        let segment = text[i + 2] ?? '~'
        if (segment === '\r' || segment === '\n') segment = '\n'
        return { element, segment, component }
      }
    }
  }
  return { element: '*', segment: '~', component: ':' }
}

/** Reads the subscriber and patient loops of X12 text as records. */
export function* readX12(text: string): Iterable<PatientRecord> {
  const d = delimitersOf(text)
  let current: { start: number; end: number; fields: RecordField[] } | null =
    null
  let pending: RecordField[] = []

  const close = function* (): Iterable<PatientRecord> {
    if (current && current.fields.length > 0) {
      yield { ...current, patientContext: true }
    }
    current = null
  }

  let from = 0
  while (from < text.length) {
    let to = text.indexOf(d.segment, from)
    if (to === -1) to = text.length
    const raw = text.slice(from, to)
    const lead = raw.length - raw.trimStart().length
    const start = from + lead
    const segment = raw.trim()
    from = to + d.segment.length
    if (segment.length === 0) continue

    const e = segment.split(d.element)
    const id = e[0]!
    const at = (i: number) => e[i]?.trim() ?? ''
    const push = (kind: IdentifierKind, value: string) => {
      if (value && current) current.fields.push({ kind, value })
    }

    if (id === 'NM1') {
      yield* close()
      if (PERSON_ENTITIES.has(at(1))) {
        current = { start, end: start + segment.length, fields: pending }
        pending = []
        if (at(2) === '1') {
          push('name', [at(4), at(5), at(3)].filter(Boolean).join(' '))
        }
        const kind = lookup(NM1_QUALIFIERS, at(8))
        if (kind) push(kind, at(9))
      }
      continue
    }
    if (id === 'HL' || id === 'SE' || id === 'GE' || id === 'IEA') {
      yield* close()
      continue
    }
    if (id === 'CLM' || id === 'CLP') {
      // The patient control number: the claim loop follows the subscriber
      // in an 837, and precedes the patient's NM1 in an 835.
      if (current) push('account number', at(1))
      else pending = [{ kind: 'account number', value: at(1) }]
      continue
    }
    if (!current) continue
    current.end = start + segment.length
    if (id === 'N3') {
      push('street address', at(1))
    } else if (id === 'N4') {
      push('city', at(1))
      push('ZIP code', at(3))
    } else if (id === 'DMG' && at(1) === 'D8') {
      push('birth date', at(2))
    } else if (id === 'REF') {
      const kind = lookup(REF_QUALIFIERS, at(1))
      if (kind) push(kind, at(2))
    } else if (id === 'PER') {
      for (let i = 3; i + 1 < e.length; i += 2) {
        const q = at(i)
        if (q === 'TE' || q === 'CP' || q === 'HP')
          push('phone number', at(i + 1))
        else if (q === 'FX') push('fax number', at(i + 1))
        else if (q === 'EM') push('email address', at(i + 1))
      }
    }
  }
  yield* close()
}
