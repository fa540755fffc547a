/** The CI configuration rules (164.312(a), (c) and (e)). */
import type { Rule } from '../rule.js'

export const ciConfigRules: readonly Rule[] = []
