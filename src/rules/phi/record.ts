/**
 * Records, not tokens: the identifiers a reader found in one record (an HL7
 * message, a FHIR resource, a CSV row, an X12 loop, a few lines of a note)
 * become one finding that lists what the record holds. The severity follows
 * from what it holds, and synthetic or de-identified records do not block.
 */
import type { Severity } from '../../findings/finding.js'
import type { Match } from '../rule.js'
import {
  describeKind,
  needsPatientContext,
  safeHarborLetter,
  strengthOf,
  type IdentifierKind
} from './identifiers.js'
import { judge } from './values.js'

/** A value a reader found, and the kind its field or key announces. */
export interface RecordField {
  readonly kind: IdentifierKind
  readonly value: string
}

/** One record as a reader found it, with offsets into the document text. */
export interface PatientRecord {
  readonly start: number
  readonly end: number
  readonly fields: readonly RecordField[]
  /**
   * True when the structure says the record is about a patient (an HL7
   * PID, a FHIR Patient, a `patients` table), so names and phones count.
   */
  readonly patientContext: boolean
  /** Record-level signs of synthetic data, e.g. the Synthea system. */
  readonly syntheticSignals?: readonly string[]
  /** Record-level signs of de-identification, e.g. a DICOM flag. */
  readonly deidentifiedSignals?: readonly string[]
}

/** Which reader found the record, as findings name it. */
export interface RecordFormat {
  /** Short id for properties: `hl7`, `fhir`, `csv`, … */
  readonly id: string
  /** For messages: `HL7 v2 message`, `CSV row`, … */
  readonly label: string
}

// Kinds that tell a record is about a patient although no key says so.
const HEALTH_KINDS = new Set<IdentifierKind>([
  'SSN',
  'ITIN',
  'MBI',
  'HICN',
  'MRN',
  'health plan number',
  'birth date',
  'admission date',
  'discharge date',
  'death date',
  'health information'
])

const REMEDY =
  'Replace it with synthetic or de-identified data (Safe Harbor, ' +
  '45 CFR 164.514(b)(2)), or remove it.'

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

/**
 * Turns a record into a match: `error` when it identifies a patient,
 * `note` when it holds one weak identifier or is synthetic or
 * de-identified (the note says why), nothing when it holds no identifier.
 */
export function assessRecord(
  record: PatientRecord,
  format: RecordFormat
): Match | undefined {
  const verdicts = record.fields.map(field => ({
    field,
    verdict: judge(field.kind, field.value)
  }))

  // Without patient context only identifiers that are about a person by
  // nature count; an author's name and email are not PHI, and a workflow
  // step named `test` is no placeholder patient.
  const context =
    record.patientContext ||
    verdicts.some(
      v => v.verdict.status === 'real' && HEALTH_KINDS.has(v.verdict.kind)
    )
  const real: { kind: IdentifierKind; value: string }[] = []
  const syntheticReasons: string[] = [...(record.syntheticSignals ?? [])]
  const deidentified: string[] = [...(record.deidentifiedSignals ?? [])]
  for (const { field, verdict } of verdicts) {
    if (!context && needsPatientContext(field.kind)) continue
    if (verdict.status === 'real') {
      real.push({ kind: verdict.kind, value: field.value.trim() })
    } else if (verdict.status === 'synthetic') {
      syntheticReasons.push(verdict.reason)
    } else if (verdict.status === 'deidentified') {
      deidentified.push(`${field.kind}: ${verdict.reason}`)
    }
  }
  const counted = real
  const kinds = unique(counted.map(f => f.kind))
  const value = counted.map(f => f.value).join('\n')
  const base = {
    start: record.start,
    end: record.end,
    kind: `${format.id} record`
  }

  // A real direct identifier outweighs any sign of synthetic data.
  const direct = kinds.filter(k => strengthOf(k) === 'direct')
  const reasons = unique(syntheticReasons)
  if (reasons.length > 0 && direct.length === 0) {
    if (kinds.length === 0 && record.fields.length === 0) return undefined
    return {
      ...base,
      value: value || record.fields.map(f => f.value).join('\n'),
      severity: 'note',
      message:
        `${format.label} considered synthetic (${reasons.join('; ')}); ` +
        'not blocking.',
      properties: {
        format: format.id,
        identifiers: kinds,
        safeHarbor: unique(kinds.map(safeHarborLetter).filter(Boolean)),
        synthetic: true,
        reasons
      }
    }
  }

  const flagged = (record.deidentifiedSignals ?? []).length > 0
  if (kinds.length === 0 || (flagged && direct.length === 0)) {
    if (deidentified.length === 0) return undefined
    const shown = unique(deidentified)
    return {
      ...base,
      value: record.fields.map(f => f.value).join('\n'),
      severity: 'note',
      message:
        `${format.label} considered de-identified (${shown.join('; ')}); ` +
        'not blocking.',
      properties: {
        format: format.id,
        identifiers: kinds,
        deidentified: true,
        reasons: shown
      }
    }
  }

  const severity = severityOf(kinds)
  const listed = kinds.map(describeKind).join(', ')
  const letters = unique(kinds.map(safeHarborLetter).filter(Boolean))
  const message =
    severity === 'error'
      ? `${format.label} holds patient identifiers: ${listed}. ${REMEDY}`
      : `${format.label} holds only ${listed}; without other identifiers ` +
        'this does not identify a patient, so it is not blocking.'
  return {
    ...base,
    value,
    severity,
    message,
    properties: {
      format: format.id,
      identifiers: kinds,
      safeHarbor: letters,
      synthetic: false,
      ...(deidentified.length > 0
        ? { deidentifiedFields: unique(deidentified) }
        : {})
    }
  }
}

/**
 * A direct identifier blocks alone; a name or record number blocks with
 * any other identifier; weak identifiers block when three Safe Harbor
 * categories meet (a street, city and ZIP are one category, (B)).
 */
export function severityOf(kinds: readonly IdentifierKind[]): Severity {
  if (kinds.some(k => strengthOf(k) === 'direct')) return 'error'
  const groups = unique(kinds.map(k => safeHarborLetter(k) || 'health'))
  const identifying = groups.filter(g => g !== 'health')
  if (identifying.length === 0) return 'note'
  const anchored = kinds.some(k => strengthOf(k) === 'anchor')
  if (anchored && groups.length >= 2) return 'error'
  if (identifying.length >= 3) return 'error'
  return 'note'
}
