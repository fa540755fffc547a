/**
 * Identifiers recognisable without a key: a formatted SSN inside any
 * string value or cell. Structured readers run this over values their keys
 * do not map, so a file the token rules leave to them loses nothing.
 */
import type { RecordField } from '../record.js'

/** A formatted SSN standing alone (not inside a longer word or number). */
export const FORMATTED_SSN = /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/g

/** Fields for the key-less identifiers in `value`. */
export function tokenFields(value: string): RecordField[] {
  // Most values are short or hold no dash, and so no formatted SSN; they
  // are passed over without running the pattern.
  if (value.length < 11 || value.length > 100_000) return []
  if (!value.includes('-')) return []
  const out: RecordField[] = []
  for (const m of value.matchAll(FORMATTED_SSN)) {
    out.push({ kind: 'SSN', value: m[0] })
  }
  return out
}
