/** The PHI rules (164.514(b) de-identification, Safe Harbor identifiers). */
import type { Rule } from '../rule.js'
import { usSsn } from './ssn.js'

export const phiRules: readonly Rule[] = [usSsn]
