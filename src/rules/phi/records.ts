/**
 * The record rules: one document rule per format the structure readers
 * understand. Each reads the file, turns its records into findings through
 * `assessRecord`, and lets the engine keep those that touch the change.
 */
import type { DocumentRule, Match, ScanDocument } from '../rule.js'
import { isPatientContext } from './fields.js'
import { extensionOf, isGeneratedPath } from './paths.js'
import {
  assessRecord,
  type PatientRecord,
  type RecordFormat
} from './record.js'
import { readDelimited } from './readers/delimited.js'
import { isDicom, readDicom } from './readers/dicom.js'
import { looksLikeFhir, readFhir } from './readers/fhir.js'
import { mayHoldRecords, readFixture } from './readers/fixture.js'
import { looksLikeHl7, readHl7 } from './readers/hl7.js'
import { isJsonSpace, parseJsonTree } from './readers/json-tree.js'
import { readNote } from './readers/note.js'
import { looksLikeSqlInsert, readSql } from './readers/sql.js'
import { FORMATTED_SSN, tokenFields } from './readers/tokens.js'
import { fromJson, parseTree, type TreeNode } from './readers/tree.js'
import { looksLikeX12, readX12 } from './readers/x12.js'

// Files larger than this are not read whole for records.
const MAX_DOCUMENT_CHARS = 8 * 1024 * 1024

const RECORD_SAFEGUARD = '164.514(b)(2)(i)'

const HOW_SEVERITY =
  'A record holding a direct identifier (SSN, MBI, card number), or a ' +
  'name or record number with any other identifier, or three kinds of ' +
  'weak identifier, is an `error`. One weak identifier alone is a `note`. ' +
  'A record with signs of synthetic data (Synthea fingerprints, reserved ' +
  'values, placeholder names) and no real direct identifier is a `note` ' +
  'that lists the signs; so is a de-identified record (`[REDACTED]`, ' +
  '`XXX-XX-1234`, year-only dates, three-digit ZIPs, `90+`).'

interface RecordRuleSpec {
  readonly id: string
  readonly format: RecordFormat
  readonly summary: string
  readonly reads: string
  readonly bad: string
  readonly good: string
  readonly binary?: boolean
  appliesTo(path: string, sample: string): boolean
  read(document: ScanDocument): Iterable<PatientRecord>
}

function recordRule(
  spec: RecordRuleSpec
): DocumentRule & { readonly format: RecordFormat } {
  return {
    format: spec.format,
    kind: 'document',
    id: spec.id,
    category: 'phi',
    severity: 'error',
    safeguard: RECORD_SAFEGUARD,
    summary: spec.summary,
    description:
      `${spec.reads} Each record becomes one finding that lists the Safe ` +
      `Harbor identifiers it holds, with their letters (A)-(R). ` +
      HOW_SEVERITY,
    validation:
      'Values are checked for their kind before they count: SSA ranges, ' +
      'MBI position rules, Luhn and issuer ranges, NANP numbering, calendar ' +
      'dates, and the context that makes a name or phone a patient’s.',
    keywords: [],
    redaction: 'suffix',
    examples: { bad: spec.bad, good: spec.good },
    ...(spec.binary ? { binary: true } : {}),
    appliesTo: spec.appliesTo,
    *detect(document: ScanDocument): Iterable<Match> {
      if (document.text.length > MAX_DOCUMENT_CHARS) return
      for (const record of spec.read(document)) {
        const match = assessRecord(record, spec.format)
        if (match) yield match
      }
    }
  }
}

/** A test that a path has one of `list`'s extensions (lower case). */
function extensions(list: readonly string[]): (path: string) => boolean {
  // Built once, not per call: every file is asked about by every rule.
  const set = new Set(list)
  return path => set.has(extensionOf(path))
}

// Where an HL7 or X12 file may hide under another name: plain text, data
// and message files, or no extension. Source files are left to the token
// rules, which also see strings in code.
const sniffed = extensions([
  '',
  'txt',
  'log',
  'dat',
  'msg',
  'in',
  'out',
  'text',
  'data'
])
const hl7Path = extensions(['hl7', 'hl7v2', 'er7'])
const x12Path = extensions(['x12', 'edi', '837', '835', '270', '271'])
const jsonPath = extensions(['json', 'ndjson', 'jsonl'])
const csvPath = extensions(['csv', 'tsv', 'psv'])
const sqlPath = extensions(['sql'])
const sqlDialectPath = extensions(['ddl', 'dml', 'pgsql', 'psql'])
const yamlPath = extensions(['yaml', 'yml'])
const dicomPath = extensions(['dcm', 'dicom'])

export const hl7Record = recordRule({
  id: 'phi-record-hl7',
  format: { id: 'hl7', label: 'HL7 v2 message' },
  summary: 'HL7 v2 message with patient identifiers',
  reads:
    'Reads HL7 v2 messages with the encoding characters of each MSH ' +
    'segment, and the identifiers of PID, NK1, GT1, IN1, PV1 and MRG.',
  bad: 'PID|1||<MRN>^^^HOSP^MR||<FAMILY>^<GIVEN>||<YYYYMMDD>|F',
  good: 'PID|1||[MRN_1]^^^HOSP^MR||[PERSON_1]||1970|F',
  appliesTo: (path, sample) =>
    hl7Path(path) || (sniffed(path) && looksLikeHl7(sample)),
  read: doc => readHl7(doc.text)
})

export const fhirRecord = recordRule({
  id: 'phi-record-fhir',
  format: { id: 'fhir', label: 'FHIR resource' },
  summary: 'FHIR Patient, RelatedPerson, Person or Coverage with identifiers',
  reads:
    'Reads FHIR R4 JSON and NDJSON (single resources, Bundle entries and ' +
    'contained resources): identifier, name, telecom, birthDate, address, ' +
    'contact and narrative of people, subscriberId of coverage.',
  bad: '{"resourceType":"Patient","name":[{"family":"<FAMILY>"}],"birthDate":"<DATE>"}',
  good: '{"resourceType":"Patient","name":[{"family":"Doe"}],"birthDate":"1970"}',
  // In a diff the sample is the added lines, which may not show the
  // resourceType; the whole file decides.
  appliesTo: path => jsonPath(path) && !isGeneratedPath(path),
  read: doc =>
    looksLikeFhir(doc.text.slice(0, 8192)) ? readFhir(doc.text) : []
})

export const x12Record = recordRule({
  id: 'phi-record-x12',
  format: { id: 'x12', label: 'X12 subscriber or patient loop' },
  summary: 'X12 837/835/270/271 loop with patient identifiers',
  reads:
    'Reads X12 interchanges with the delimiters of their ISA header; each ' +
    'subscriber, patient or dependent loop (NM1 with N3, N4, DMG, REF and ' +
    'PER) is a record.',
  bad: 'NM1*IL*1*<FAMILY>*<GIVEN>****MI*<MEMBER ID>~DMG*D8*<YYYYMMDD>*F~',
  good: 'NM1*IL*1*DOE*JANE****MI*TEST000001~DMG*D8*1970*F~',
  appliesTo: (path, sample) =>
    x12Path(path) || (sniffed(path) && looksLikeX12(sample)),
  read: doc => readX12(doc.text)
})

export const csvRecord = recordRule({
  id: 'phi-record-csv',
  format: { id: 'csv', label: 'CSV row' },
  summary: 'CSV or TSV row with patient identifiers (by header)',
  reads:
    'Reads CSV, TSV and pipe- or semicolon-separated files by their ' +
    'header names (`dob`, `ssn`, `last_name`, `member_id`, …); each row ' +
    'is a record.',
  bad: 'first_name,last_name,dob,mrn\n<GIVEN>,<FAMILY>,<DATE>,<MRN>',
  good: 'first_name,last_name,dob,mrn\n[PERSON_1],[PERSON_1],1970,[MRN_1]',
  appliesTo: path => csvPath(path),
  read: doc =>
    readDelimited(doc.text, doc.path, extensionOf(doc.path) === 'tsv')
})

export const sqlRecord = recordRule({
  id: 'phi-record-sql',
  format: { id: 'sql', label: 'SQL INSERT row' },
  summary: 'SQL INSERT row with patient identifiers (by column list)',
  reads:
    'Reads `INSERT INTO table (columns) VALUES (…), (…)` statements by ' +
    'their column names; each tuple is a record, and the table name lends ' +
    'patient context.',
  bad: "INSERT INTO patients (last_name, dob, ssn) VALUES ('<FAMILY>', '<DATE>', '<SSN>');",
  good: "INSERT INTO patients (last_name, dob, ssn) VALUES ('Doe', '1970', '900-00-0001');",
  appliesTo: (path, sample) =>
    sqlPath(path) || (sqlDialectPath(path) && looksLikeSqlInsert(sample)),
  read: doc => readSql(doc.text, doc.path)
})

/**
 * JSON is parsed natively first, which is fast but has no offsets; only a
 * file in which some record would be reported is parsed again with offsets.
 * Most JSON in a repository (manifests, lock files, configs) stops there.
 */
function* readJson(document: ScanDocument): Iterable<PatientRecord> {
  const text = document.text
  if (!mayHoldRecords(text, document.path)) return
  // JSON.parse reads a document cut short to its end before it throws;
  // one that plainly is not whole is not given to it.
  const value = mayBeWholeJson(text) ? parseJson(text) : undefined
  if (value === undefined) {
    // JSON Lines, or JSON cut short or with comments: each line that
    // parses, then any formatted SSN. Not YAML, which is slow on large
    // JSON, and not prose, whose labels would be JSON keys.
    yield* readJsonLines(document)
    return
  }
  const flat = fromJson(value, 0, text.length)
  if (!flat) return
  const format = jsonRecord.format
  const any = [...readFixture(flat, document.path)].some(
    record => assessRecord(record, format) !== undefined
  )
  if (any) yield* readParsedJson(document)
}

/**
 * The records of a JSON document that parses, read again with offsets:
 * by the JSON reader, which builds the tree `parseTree` would, much
 * faster. A document too large for a tree is read as `readTreeOrLines`
 * reads one.
 */
function* readParsedJson(document: ScanDocument): Iterable<PatientRecord> {
  const tree = parseJsonTree(document.text)
  if (tree) yield* readFixture(tree, document.path)
  else yield* readLinesOrText(document)
}

/** The value of a JSON document, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * False when `text` cannot be one JSON document because it opens an
 * object or array that it does not close at its end: a file cut short.
 */
function mayBeWholeJson(text: string): boolean {
  let first = 0
  let last = text.length - 1
  while (isJsonSpace(text.charCodeAt(first))) first++
  while (last > first && isJsonSpace(text.charCodeAt(last))) last--
  const open = text.charCodeAt(first)
  const close = text.charCodeAt(last)
  if (open === 0x7b /* { */) return close === 0x7d /* } */
  if (open === 0x5b /* [ */) return close === 0x5d /* ] */
  return true
}

function* readJsonLines(document: ScanDocument): Iterable<PatientRecord> {
  const parsed = yield* readObjectLines(document)
  if (parsed === 0) yield* ssnTokens(document.text)
}

/**
 * The records of each line that holds one whole JSON object; returns how
 * many lines parsed. Only a whole object on one line can parse: trying
 * every `{` line of a pretty-printed file would throw thousands of times.
 */
function* readObjectLines(
  document: ScanDocument
): Generator<PatientRecord, number> {
  const text = document.text
  let parsed = 0
  // From brace to brace, not line by line: only a line that a `{` opens
  // can hold an object, and most lines of a file cut short have none.
  let open = text.indexOf('{')
  while (open >= 0) {
    const first = open
    const newline = text.indexOf('\n', first)
    const end = newline < 0 ? text.length : newline
    const start = lineStartBefore(text, first)
    const last = skipSpaceBack(text, first, end)
    // No later brace on this line can open it.
    open = newline < 0 ? -1 : text.indexOf('{', newline + 1)
    if (start < 0 || text.charCodeAt(last) !== 0x7d /* } */) continue
    let node: TreeNode | undefined
    try {
      node = fromJson(JSON.parse(text.slice(first, last + 1)), start, end)
    } catch {
      continue
    }
    parsed++
    if (node) yield* readFixture(node, document.path)
  }
  return parsed
}

/**
 * Where the line holding offset `at` starts, when only spaces come
 * before `at` on it; otherwise -1.
 */
function lineStartBefore(text: string, at: number): number {
  let i = at - 1
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i)
    if (c === 0x0a /* \n */) break
    if (!isSpace(c)) return -1
  }
  return i + 1
}

// What String.prototype.trim removes: ASCII spaces, and beyond ASCII the
// characters `\s` names, which are the same ones.
const UNICODE_SPACE = /\s/
const isSpace = (c: number) =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  (c >= 0xa0 && UNICODE_SPACE.test(String.fromCharCode(c)))

/** The last offset in [from, to) that is not a space, or `from`. */
function skipSpaceBack(text: string, from: number, to: number): number {
  let at = to - 1
  while (at > from && isSpace(text.charCodeAt(at))) at--
  return Math.max(at, from)
}

function* readTreeOrLines(document: ScanDocument): Iterable<PatientRecord> {
  const text = document.text
  if (!mayHoldRecords(text, document.path)) return
  const tree = parseTree(text)
  if (tree) {
    yield* readFixture(tree, document.path)
    return
  }
  yield* readLinesOrText(document)
}

/**
 * JSON Lines, or a template that is not valid YAML, or a document too
 * large for a tree: read line by line.
 */
function* readLinesOrText(document: ScanDocument): Iterable<PatientRecord> {
  const text = document.text
  const parsedLines = yield* readObjectLines(document)
  // A file cut short or templated is read as prose only when it speaks of
  // patients at all: reading every broken JSON file as notes is slow and
  // finds nothing.
  if (parsedLines === 0 && isPatientContext(text, 200_000)) {
    yield* readAsText(text)
  }
}

/** Free-text reading for a structured file that does not parse. */
function* readAsText(text: string): Iterable<PatientRecord> {
  yield* readNote(text)
  yield* ssnTokens(text)
}

/** Each formatted SSN in `text` as a record of its own. */
function* ssnTokens(text: string): Iterable<PatientRecord> {
  for (const m of text.matchAll(FORMATTED_SSN)) {
    const fields = tokenFields(m[0])
    if (fields.length > 0) {
      yield {
        start: m.index,
        end: m.index + m[0].length,
        fields,
        patientContext: false
      }
    }
  }
}

export const jsonRecord = recordRule({
  id: 'phi-record-json',
  format: { id: 'json', label: 'JSON object' },
  summary: 'JSON fixture object with patient identifiers (by key names)',
  reads:
    'Reads JSON and JSON Lines fixtures by their keys (`dob`, `ssn`, ' +
    '`firstName`, `address.zip`, …); each object holding such keys is a ' +
    'record, and each object in a list is a record of its own.',
  bad: '{"patient":{"lastName":"<FAMILY>","dob":"<DATE>","mrn":"<MRN>"}}',
  good: '{"patient":{"lastName":"[PERSON_1]","dob":"1970","mrn":"[MRN_1]"}}',
  appliesTo: path => jsonPath(path) && !isGeneratedPath(path),
  read: doc => (looksLikeFhir(doc.text.slice(0, 8192)) ? [] : readJson(doc))
})

export const yamlRecord = recordRule({
  id: 'phi-record-yaml',
  format: { id: 'yaml', label: 'YAML mapping' },
  summary: 'YAML fixture mapping with patient identifiers (by key names)',
  reads:
    'Reads YAML fixtures and seeds by their keys, like JSON fixtures; a ' +
    'file that does not parse (a template) is read as free text.',
  bad: 'patient:\n  last_name: <FAMILY>\n  dob: <DATE>\n  ssn: <SSN>',
  good: 'patient:\n  last_name: Doe\n  dob: 1970\n  ssn: 900-00-0001',
  appliesTo: path => yamlPath(path) && !isGeneratedPath(path),
  read: readTreeOrLines
})

const DICOM_FORMAT: RecordFormat = { id: 'dicom', label: 'DICOM file' }

export const dicomRecord: DocumentRule = {
  ...recordRule({
    id: 'phi-record-dicom',
    format: DICOM_FORMAT,
    summary: 'DICOM file whose patient module identifies a patient',
    reads:
      'Opens binary DICOM Part 10 files (`DICM` marker) that a change adds ' +
      'and reads the patient elements of group 0010 (name, id, birth ' +
      'date, address, phone, age) in explicit or implicit VR little ' +
      'endian. Patient Identity Removed (0012,0062) = YES marks the file ' +
      'de-identified. It is reported although the file is binary.',
    bad: '(0010,0010) PN <FAMILY>^<GIVEN>  (0010,0030) DA <YYYYMMDD>',
    good: '(0010,0010) PN ANONYMOUS  (0012,0062) CS YES',
    binary: true,
    appliesTo: () => true,
    read: () => []
  }),
  appliesTo: (path, sample) =>
    dicomPath(path) || sample.startsWith('DICM', 128) || sample.length === 0,
  *detect(document: ScanDocument): Iterable<Match> {
    const bytes = document.bytes
    if (!bytes || !isDicom(bytes)) return
    const patient = readDicom(bytes)
    if (!patient || patient.fields.length === 0) return
    const signals = patient.identityRemoved
      ? [
          'Patient Identity Removed is YES' +
            (patient.method ? ' (method recorded)' : '')
        ]
      : []
    const match = assessRecord(
      {
        start: 0,
        end: 0,
        fields: patient.fields,
        patientContext: true,
        deidentifiedSignals: signals
      },
      DICOM_FORMAT
    )
    // The file is passed because the change adds or modifies it; a binary
    // file has no lines the engine could match against the diff.
    if (match) yield { ...match, start: 0, end: 0, changed: true }
  }
}

/** Every record rule, in the order they are documented. */
export const recordRules: readonly DocumentRule[] = [
  hl7Record,
  fhirRecord,
  x12Record,
  csvRecord,
  sqlRecord,
  jsonRecord,
  yamlRecord,
  dicomRecord
]
