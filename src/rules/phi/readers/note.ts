/**
 * Free text: clinical notes, logs, comments, sample messages in docs. A
 * labelled value (`DOB: …`, `mrn=…`, `Patient: …`) is read with a pattern
 * for its kind, and labels on adjacent lines make one record, so a note
 * that names a patient and gives a birth date is one finding.
 */
import { lookup, type IdentifierKind } from '../identifiers.js'
import {
  exactKindOfKey,
  isOtherPartyKey,
  isPatientContext,
  kindOfKey
} from '../fields.js'
import type { PatientRecord, RecordField } from '../record.js'

// A label, optionally quoted or prefixed as a key, then a separator.
const LABEL =
  /(?<![A-Za-z0-9_])(patient(?:'s)?(?:[ _]?full)?(?:[ _]?name)?|pt|(?:full|first|last|given|family|middle)[ _]?name|name|surname|dob|d\.o\.b\.?|date[ _]of[ _]birth|birth[ _]?date|born|ssn|social[ _]security(?:[ _](?:number|no\.?|#))?|mrn|medical[ _]record(?:[ _](?:number|no\.?|#))?|member[ _]?(?:id|number|no\.?|#)|subscriber[ _]?id|policy[ _]?(?:number|no\.?|#)|(?:patient[ _])?account[ _]?(?:number|no\.?|#)?|acct[ _]?(?:no\.?|#)?|(?:home[ _]|cell[ _]|work[ _])?phone|tel|telephone|cell|mobile|fax|e-?mail|(?:home[ _]|street[ _])?address|addr|zip(?:[ _]?code)?|city|dl|postal[ _]code|age|admitted|admission[ _]date|admit[ _]date|discharged|discharge[ _]date|date[ _]of[ _]death|deceased|mbi|medicare[ _](?:id|number|beneficiary[ _]identifier)|hicn|driver'?s?[ _]licen[sc]e(?:[ _](?:number|no\.?|#))?|npi|dea|vin|device[ _]serial|ip[ _]address)(?![A-Za-z0-9])["']?\s{0,3}(?:[:=#]|=>|\bis\b)?\s{0,3}["']?/gi

const SPECIAL: Readonly<Record<string, IdentifierKind>> = {
  patient: 'name',
  patients: 'name',
  patientfullname: 'name',
  pt: 'name',
  born: 'birth date',
  admitted: 'admission date',
  discharged: 'discharge date',
  deceased: 'death date'
}

function kindOfLabel(label: string): IdentifierKind | undefined {
  if (isOtherPartyKey(label)) return undefined
  const k = label.toLowerCase().replace(/[^a-z]/g, '')
  const special = lookup(SPECIAL, k) ?? exactKindOfKey(k)
  if (special) return special
  if (k.startsWith('socialsecurity')) return 'SSN'
  if (k.startsWith('medicalrecord')) return 'MRN'
  if (k.startsWith('member') || k.startsWith('policy')) {
    return 'health plan number'
  }
  if (k.startsWith('subscriber')) return 'health plan number'
  if (k.startsWith('medicare')) return 'MBI'
  if (k.startsWith('driver')) return 'licence number'
  if (k.startsWith('acct') || k.includes('account')) return 'account number'
  if (k.startsWith('patient') && k.endsWith('name')) return 'name'
  if (k === 'deviceserial') return 'device identifier'
  if (k === 'dateofdeath') return 'death date'
  return kindOfKey(k)
}

const DATE =
  /(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}|\d{8}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4}|\d{4}(?![\d/-]))/y

// Value patterns per kind, tried right after a label. De-identification
// placeholders are tried first so that they are recognised as such.
const PLACEHOLDER =
  /(?:\[[A-Z][A-Z_ -]{1,30}(?:_\d{1,4})?\]|<[A-Z][A-Z_ -]{1,30}>|\[?redacted\]?|X{3}-X{2}-\d{4}|\*{3}-\*{2}-\d{4}|90\+)/iy
const VALUE: Partial<Record<IdentifierKind, RegExp>> = {
  name: /(?:\p{Lu}[\p{L}'’-]{1,24}\d{0,4},? ){1,3}\p{Lu}[\p{L}'’-]{1,24}\d{0,4}(?![\p{L}\d_(]|\.\w)/uy,
  city: /\p{Lu}[\p{L}.'-]{1,24}(?: \p{Lu}[\p{L}.'-]{1,24}){0,2}(?![\p{L}\d_(])/uy,
  'birth date': DATE,
  'admission date': DATE,
  'discharge date': DATE,
  'death date': DATE,
  SSN: /\d{3}-\d{2}-\d{4}(?![\d-])|\d{9}(?!\d)/y,
  ITIN: /\d{3}-\d{2}-\d{4}(?![\d-])/y,
  'phone number': /(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}(?!\d)/y,
  'fax number': /(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}(?!\d)/y,
  'email address': /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}/y,
  'ZIP code': /\d{5}(?:-\d{4})?(?!\d)|\d{3}(?!\d)/y,
  'street address': /\d{1,6} [\p{L}\d.'# -]{2,60}?(?=[,;|"'\r\n]|$| {2}|\. )/uy,
  'age over 89': /\d{1,3}(?![\d.])/y,
  MRN: /[A-Z0-9][A-Z0-9-]{3,24}(?![\w-])/iy,
  'health plan number': /[A-Z0-9][A-Z0-9-]{3,24}(?![\w-])/iy,
  'account number': /[A-Z0-9][A-Z0-9-]{3,24}(?![\w-])/iy,
  'licence number': /[A-Z0-9][A-Z0-9-]{3,24}(?![\w-])/iy,
  'device identifier': /[A-Z0-9][A-Z0-9-]{3,30}(?![\w-])/iy,
  MBI: /[1-9][A-Z0-9-]{10,12}(?![\w-])/iy,
  HICN: /\d{9}[A-Z]\d?(?![\w-])/y,
  NPI: /\d{10}(?!\d)/y,
  'DEA number': /[A-Z]{2}\d{7}(?!\d)/y,
  VIN: /[A-HJ-NPR-Z0-9]{17}(?![\w])/y,
  'IP address': /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])/y
}

interface Labelled {
  readonly kind: IdentifierKind
  readonly value: string
  readonly start: number
  readonly end: number
  readonly line: number
}

// Any key followed by `:` or `=`, as logs and key-value dumps write them;
// the key is mapped like a CSV header (`patient_dob=…`, `Home Phone: …`).
const KEYED =
  /(?<![\w.-])([A-Za-z][\w'.#-]{0,40}(?: [A-Za-z#][\w'.#-]{0,20}){0,3})["']?\s{0,2}(?:[:=]|=>)\s{0,3}["']?/g

interface LabelHit {
  readonly index: number
  readonly label: string
  readonly valueAt: number
}

/** Label hits of both patterns, in order, one per value position. */
function labelHits(text: string): LabelHit[] {
  const hits = new Map<number, LabelHit>()
  for (const m of text.matchAll(KEYED)) {
    const valueAt = m.index + m[0].length
    hits.set(valueAt, { index: m.index, label: m[1]!, valueAt })
  }
  for (const m of text.matchAll(LABEL)) {
    const valueAt = m.index + m[0].length
    const keyed = hits.get(valueAt)
    // `Clinic Phone:` is the clinic's; the bare `Phone` inside it is not
    // a label of its own.
    if (keyed && isOtherPartyKey(keyed.label)) continue
    if (!keyed || !kindOfLabel(keyed.label)) {
      hits.set(valueAt, { index: m.index, label: m[1]!, valueAt })
    }
  }
  return [...hits.values()].sort((a, b) => a.index - b.index)
}

function* labelled(text: string): Iterable<Labelled> {
  let line = 0
  let lineAt = 0
  let consumed = 0
  for (const m of labelHits(text)) {
    if (m.valueAt < consumed) continue
    const kind = kindOfLabel(m.label)
    if (!kind) continue
    while (true) {
      const nl = text.indexOf('\n', lineAt)
      if (nl === -1 || nl >= m.index) break
      line++
      lineAt = nl + 1
    }
    const at = m.valueAt
    PLACEHOLDER.lastIndex = at
    const pattern = VALUE[kind]
    const hit =
      PLACEHOLDER.exec(text) ?? (pattern ? execAt(pattern, text, at) : null)
    if (!hit) continue
    consumed = at + hit[0].length
    yield {
      kind,
      value: hit[0],
      start: m.index,
      end: at + hit[0].length,
      line
    }
  }
}

function execAt(pattern: RegExp, text: string, at: number) {
  pattern.lastIndex = at
  return pattern.exec(text)
}

// Labels more than this many lines apart belong to different records.
const RECORD_GAP = 2

// Lines longer than this are minified code or data, not notes.
const MAX_NOTE_LINE = 2000

/**
 * Runs of lines short enough to be prose or log lines, with their
 * offsets; a long line ends a run.
 */
function* proseRuns(text: string): Iterable<{ at: number; text: string }> {
  let runStart = 0
  let at = 0
  while (at <= text.length) {
    let nl = text.indexOf('\n', at)
    if (nl === -1) nl = text.length
    if (nl - at > MAX_NOTE_LINE) {
      if (at > runStart) yield { at: runStart, text: text.slice(runStart, at) }
      runStart = nl + 1
    }
    at = nl + 1
  }
  if (runStart < text.length) {
    yield {
      at: runStart,
      text: runStart === 0 ? text : text.slice(runStart)
    }
  }
}

/** Reads the labelled identifiers of free text, grouped into records. */
export function* readNote(text: string): Iterable<PatientRecord> {
  for (const run of proseRuns(text)) {
    for (const record of readRun(run.text)) {
      yield run.at === 0
        ? record
        : { ...record, start: record.start + run.at, end: record.end + run.at }
    }
  }
}

function* readRun(text: string): Iterable<PatientRecord> {
  const context = isPatientContext(text, 20_000)
  let group: Labelled[] = []
  const flush = (): PatientRecord | undefined => {
    if (group.length === 0) return undefined
    const fields: RecordField[] = group.map(l => ({
      kind: l.kind,
      value: l.value
    }))
    const record = {
      start: group[0]!.start,
      end: group[group.length - 1]!.end,
      fields,
      patientContext: context
    }
    group = []
    return record
  }
  for (const item of labelled(text)) {
    const last = group[group.length - 1]
    const newPerson =
      item.kind === 'name' &&
      last !== undefined &&
      item.line !== last.line &&
      group.some(g => g.kind === 'name')
    if (last && (item.line - last.line > RECORD_GAP || newPerson)) {
      const record = flush()
      if (record) yield record
    }
    group.push(item)
  }
  const record = flush()
  if (record) yield record
}
