/**
 * The free-text record rule: labelled identifiers in notes, logs, comments
 * and docs, grouped by adjacent lines into records.
 */
import type { Match, TextRule } from '../rule.js'
import { isGeneratedPath, isRecordPath } from './paths.js'
import { assessRecord, type RecordFormat } from './record.js'
import { readNote } from './readers/note.js'

const TOKEN_KINDS = new Set<string>([
  'SSN',
  'ITIN',
  'MBI',
  'HICN',
  'payment card number'
])

const FORMAT: RecordFormat = { id: 'note', label: 'Note or log entry' }

export const noteRecord: TextRule = {
  kind: 'text',
  id: 'phi-record-note',
  category: 'phi',
  severity: 'error',
  safeguard: '164.514(b)(2)(i)',
  summary: 'Note or log lines that identify a patient by labelled values',
  description:
    'Reads free text near patient words (`patient`, `DOB`, `MRN`, `SSN`, ' +
    '`date of birth`, `admitted`, …) for labelled values (`Name: …`, ' +
    '`dob=…`, `Phone: …`), each checked for its kind. Labels on adjacent ' +
    'lines form one record; a record is an `error` when it identifies a ' +
    'patient (a name with a birth date, say), a `note` when it holds one ' +
    'weak identifier or looks synthetic or de-identified. Unlabelled prose ' +
    'names are not recognised.',
  validation:
    'Each labelled value must have the shape of its kind (calendar date, ' +
    'NANP phone, issued SSN, capitalised name).',
  examples: {
    bad: 'Patient: <Given Family>  DOB: <MM/DD/YYYY>  MRN: <MRN>',
    good: 'Patient: [PERSON_1]  DOB: [DATE_1]  MRN: [MRN_1]'
  },
  // Delimited forms where the bare word hides inside others (`adobe`,
  // `className`); qualified keys (`patient_dob`) hit `patient`. Each
  // keyword grows the prefilter's automaton, so there are few.
  keywords: [
    'patient',
    'dob:',
    'dob=',
    'dob ',
    'd.o.b',
    'birth',
    'ssn:',
    'ssn=',
    'ssn ',
    'social security',
    'mrn',
    'medical record',
    'member id',
    'member_id',
    'policy number',
    'subscriber id',
    'insurance id',
    'medicare',
    'admission',
    'admit',
    'discharge',
    'deceased'
  ],
  // Four lines each side: a record spans several lines, and a hit that
  // falls inside an open window does not widen it.
  contextLines: 4,
  redaction: 'suffix',
  appliesTo: path => !isRecordPath(path) && !isGeneratedPath(path),
  *detect(text: string): Iterable<Match> {
    for (const record of readNote(text)) {
      // A lone labelled SSN, MBI or card number is the token rules' to
      // report; a record rule would only repeat it.
      const only = record.fields.length === 1 ? record.fields[0]!.kind : ''
      if (TOKEN_KINDS.has(only)) continue
      const match = assessRecord(record, FORMAT)
      if (match) yield match
    }
  }
}
