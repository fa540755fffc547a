/**
 * HL7 v2 messages. The encoding characters come from each MSH segment, so
 * messages written with other separators read the same. A message, from
 * its MSH to the next, is one record.
 */
import { lookup, type IdentifierKind } from '../identifiers.js'
import type { PatientRecord, RecordField } from '../record.js'

interface Separators {
  readonly field: string
  readonly component: string
  readonly repetition: string
}

type FieldMap = Readonly<Record<number, IdentifierKind | 'cx' | 'xtn'>>

// Field positions (1-based, as HL7 numbers them) per segment.
const SEGMENTS: Readonly<Record<string, FieldMap>> = {
  PID: {
    2: 'cx',
    3: 'cx',
    4: 'cx',
    5: 'name',
    6: 'name',
    7: 'birth date',
    9: 'name',
    11: 'street address',
    13: 'xtn',
    14: 'xtn',
    18: 'account number',
    19: 'SSN',
    20: 'licence number',
    29: 'death date'
  },
  NK1: { 2: 'name', 4: 'street address', 5: 'xtn', 6: 'xtn' },
  GT1: {
    3: 'name',
    5: 'street address',
    6: 'xtn',
    7: 'xtn',
    8: 'birth date',
    12: 'SSN'
  },
  IN1: {
    16: 'name',
    18: 'birth date',
    19: 'street address',
    36: 'health plan number',
    49: 'cx'
  },
  PV1: { 19: 'cx', 44: 'admission date', 45: 'discharge date' },
  MRG: { 1: 'cx', 3: 'cx' }
}

// CX identifier type codes (HL7 table 0203) to kinds.
const ID_TYPES: Readonly<Record<string, IdentifierKind>> = {
  MR: 'MRN',
  PI: 'MRN',
  PT: 'MRN',
  PN: 'MRN',
  SS: 'SSN',
  SN: 'SSN',
  MB: 'health plan number',
  MA: 'health plan number',
  MC: 'health plan number',
  MI: 'health plan number',
  SB: 'health plan number',
  AN: 'account number',
  AM: 'account number',
  VN: 'account number',
  DL: 'licence number',
  DR: 'licence number',
  PPN: 'licence number',
  NPI: 'NPI'
}

const SEGMENT_BREAK = /\r\n|\r|\n/g

/**
 * Whether text looks like HL7 v2: an MSH segment, or (in the added lines
 * of a diff, which may not include the MSH) a patient segment, opening a
 * line.
 */
export function looksLikeHl7(text: string): boolean {
  // includes() first: most files have no segment at all, and it is cheaper.
  if (!text.includes('|') && !text.includes('MSH')) return false
  return /(?:^|[\r\n])(?:MSH[|^~#!]|(?:PID|NK1|PV1|IN1|GT1|EVN|OBX)\|)/.test(
    text
  )
}

/** Reads every message in `text` as a patient record. */
export function* readHl7(text: string): Iterable<PatientRecord> {
  let fields: RecordField[] = []
  let start = -1
  let end = 0
  let seps: Separators | undefined
  let signals: string[] = []

  const finish = function* (): Iterable<PatientRecord> {
    if (start >= 0 && fields.length > 0) {
      yield {
        start,
        end,
        fields,
        patientContext: true,
        ...(signals.length > 0 ? { syntheticSignals: signals } : {})
      }
    }
  }

  let at = 0
  for (const segment of segments(text)) {
    const line = segment.text
    at = segment.start
    if (line.startsWith('MSH') && line.length > 8) {
      yield* finish()
      fields = []
      signals = []
      start = at
      seps = {
        field: line[3]!,
        component: line[4]!,
        repetition: line[5]!
      }
    }
    if (seps && start >= 0) {
      end = at + line.length
      readSegment(line, seps, fields, signals)
    }
  }
  yield* finish()
}

function* segments(text: string): Iterable<{ start: number; text: string }> {
  let from = 0
  for (const m of text.matchAll(SEGMENT_BREAK)) {
    yield { start: from, text: text.slice(from, m.index) }
    from = m.index + m[0].length
  }
  if (from < text.length) yield { start: from, text: text.slice(from) }
}

function readSegment(
  line: string,
  seps: Separators,
  out: RecordField[],
  signals: string[]
): void {
  const trimmed = line.trimStart()
  const id = trimmed.slice(0, 3)
  const map = lookup(SEGMENTS, id)
  if (!map) return
  const values = trimmed.split(seps.field)
  for (const [position, kind] of Object.entries(map)) {
    const raw = values[Number(position)]
    if (!raw) continue
    for (const rep of raw.split(seps.repetition)) {
      const parts = rep.split(seps.component)
      if (/synthea|synthetic/i.test(rep)) {
        signals.push('Synthea or synthetic assigning authority')
      }
      readComponents(kind, parts, out)
    }
  }
}

function readComponents(
  kind: IdentifierKind | 'cx' | 'xtn',
  parts: readonly string[],
  out: RecordField[]
): void {
  const part = (i: number) => parts[i]?.trim() ?? ''
  const push = (k: IdentifierKind, v: string) => {
    if (v) out.push({ kind: k, value: v })
  }
  switch (kind) {
    case 'cx':
      push(lookup(ID_TYPES, part(4).toUpperCase()) ?? 'MRN', part(0))
      return
    case 'xtn': {
      const local = part(6)
      if (part(3).includes('@')) push('email address', part(3))
      if (local) push('phone number', `${part(5)}${local}`)
      else if (part(0)) push('phone number', part(0))
      return
    }
    case 'name':
      push('name', [part(1), part(2), part(0)].filter(Boolean).join(' '))
      return
    case 'street address':
      push('street address', part(0))
      push('city', part(2))
      push('ZIP code', part(4))
      return
    case 'birth date':
    case 'admission date':
    case 'discharge date':
    case 'death date': {
      const v = part(0)
      const date = /^\d{8}/.test(v) ? v.slice(0, 8) : v.slice(0, 4)
      push(kind, date)
      return
    }
    default:
      push(kind as IdentifierKind, part(0))
  }
}
