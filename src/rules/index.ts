/** Every rule the gate ships, in one list, and lookups over it. */
import {
  ciConfigRules,
  createCiConfigRules,
  type CiConfigOptions
} from './ci-config/index.js'
import { phiRules } from './phi/index.js'
import type { Rule } from './rule.js'
import { secretRules } from './secrets/index.js'

export const allRules: readonly Rule[] = [
  ...secretRules,
  ...phiRules,
  ...ciConfigRules
]

const byId = new Map(allRules.map(rule => [rule.id, rule]))
if (byId.size !== allRules.length) {
  throw new Error('Two rules share an id; rule ids must be unique')
}

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id)
}

/** Rule options the config file can set. */
export interface RuleOptions {
  readonly ciConfig?: CiConfigOptions
}

/** Every rule, built with the options the config file sets. */
export function buildRules(options: RuleOptions = {}): readonly Rule[] {
  if (!options.ciConfig) return allRules
  return [...secretRules, ...phiRules, ...createCiConfigRules(options.ciConfig)]
}
