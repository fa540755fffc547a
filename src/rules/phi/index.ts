/**
 * The PHI rules (164.514(b) de-identification, Safe Harbor identifiers):
 * record rules that read healthcare formats first, then token rules for
 * identifiers that stand alone in code, docs and logs.
 */
import type { Rule } from '../rule.js'
import { paymentCardNumber } from './card.js'
import { medicareHicn, medicareMbi } from './medicare.js'
import { noteRecord } from './note.js'
import { recordRules } from './records.js'
import { usSsn } from './ssn.js'

export const phiRules: readonly Rule[] = [
  ...recordRules,
  noteRecord,
  usSsn,
  medicareMbi,
  medicareHicn,
  paymentCardNumber
]
