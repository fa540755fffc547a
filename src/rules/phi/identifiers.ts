/**
 * The Safe Harbor identifiers of 45 CFR 164.514(b)(2)(i)(A)–(R) that text can
 * carry, as the kinds of value the PHI rules recognise. Each kind names its
 * letter, and how much it identifies a person on its own.
 */

/** A kind of value the PHI rules can find in a record. */
export type IdentifierKind =
  | 'name'
  | 'street address'
  | 'city'
  | 'ZIP code'
  | 'birth date'
  | 'admission date'
  | 'discharge date'
  | 'death date'
  | 'service date'
  | 'age over 89'
  | 'phone number'
  | 'fax number'
  | 'email address'
  | 'SSN'
  | 'ITIN'
  | 'MRN'
  | 'health plan number'
  | 'MBI'
  | 'HICN'
  | 'account number'
  | 'payment card number'
  | 'licence number'
  | 'DEA number'
  | 'VIN'
  | 'device identifier'
  | 'URL'
  | 'IP address'
  | 'NPI'
  | 'health information'

/**
 * How a kind weighs in a record:
 * - `direct`: identifies a person alone (an SSN, an MBI, a card number);
 * - `anchor`: names or numbers a person, and identifies with any other kind;
 * - `weak`: a quasi-identifier (a date, a ZIP, an email) that needs others.
 */
export type Strength = 'direct' | 'anchor' | 'weak'

interface KindInfo {
  /** Safe Harbor letter, or '' for health information (not an identifier). */
  readonly letter: string
  readonly strength: Strength
  /** True when the kind only counts in a record about a patient. */
  readonly needsContext: boolean
}

const KINDS: Readonly<Record<IdentifierKind, KindInfo>> = {
  name: { letter: 'A', strength: 'anchor', needsContext: true },
  'street address': { letter: 'B', strength: 'weak', needsContext: true },
  city: { letter: 'B', strength: 'weak', needsContext: true },
  'ZIP code': { letter: 'B', strength: 'weak', needsContext: true },
  'birth date': { letter: 'C', strength: 'weak', needsContext: false },
  'admission date': { letter: 'C', strength: 'weak', needsContext: false },
  'discharge date': { letter: 'C', strength: 'weak', needsContext: false },
  'death date': { letter: 'C', strength: 'weak', needsContext: false },
  'service date': { letter: 'C', strength: 'weak', needsContext: true },
  'age over 89': { letter: 'C', strength: 'weak', needsContext: true },
  'phone number': { letter: 'D', strength: 'weak', needsContext: true },
  'fax number': { letter: 'E', strength: 'weak', needsContext: true },
  'email address': { letter: 'F', strength: 'weak', needsContext: true },
  SSN: { letter: 'G', strength: 'direct', needsContext: false },
  ITIN: { letter: 'R', strength: 'direct', needsContext: false },
  MRN: { letter: 'H', strength: 'anchor', needsContext: false },
  'health plan number': {
    letter: 'I',
    strength: 'anchor',
    needsContext: false
  },
  MBI: { letter: 'I', strength: 'direct', needsContext: false },
  HICN: { letter: 'I', strength: 'direct', needsContext: false },
  'account number': { letter: 'J', strength: 'anchor', needsContext: true },
  'payment card number': {
    letter: 'J',
    strength: 'direct',
    needsContext: false
  },
  'licence number': { letter: 'K', strength: 'anchor', needsContext: true },
  'DEA number': { letter: 'K', strength: 'weak', needsContext: true },
  VIN: { letter: 'L', strength: 'anchor', needsContext: true },
  'device identifier': { letter: 'M', strength: 'anchor', needsContext: true },
  URL: { letter: 'N', strength: 'weak', needsContext: true },
  'IP address': { letter: 'O', strength: 'weak', needsContext: true },
  NPI: { letter: 'R', strength: 'weak', needsContext: true },
  'health information': { letter: '', strength: 'weak', needsContext: true }
}

/**
 * Looks a key up in a constant table by own property only, so input such
 * as `constructor` or `__proto__` never reaches Object.prototype.
 */
export function lookup<T>(
  table: Readonly<Record<string, T>>,
  key: string
): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/** The Safe Harbor letter of a kind (A–R), or '' when it is not one. */
export function safeHarborLetter(kind: IdentifierKind): string {
  return KINDS[kind].letter
}

/** How much a kind identifies a person on its own. */
export function strengthOf(kind: IdentifierKind): Strength {
  return KINDS[kind].strength
}

/**
 * Whether a kind counts only in patient context: a name and an email in a
 * package manifest are its author's, not a patient's.
 */
export function needsPatientContext(kind: IdentifierKind): boolean {
  return KINDS[kind].needsContext
}

/** `birth date (C)`, the form findings list identifiers in. */
export function describeKind(kind: IdentifierKind): string {
  const letter = KINDS[kind].letter
  return letter ? `${kind} (${letter})` : kind
}
