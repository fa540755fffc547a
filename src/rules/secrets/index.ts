/**
 * The credential rules (164.312(a)(1), access control): provider formats
 * by family, private keys, JWTs, connection strings, configuration files,
 * the generic assignment rules, and the Kubernetes Secret reader that runs
 * all of them over the values a manifest encodes.
 */
import type { Rule, TextRule } from '../rule.js'
import { aiRules } from './ai.js'
import { awsRules } from './aws.js'
import { azureRules } from './azure.js'
import { cloudRules } from './cloud.js'
import { configFileRules } from './config-files.js'
import { connectionStringRules } from './connection-strings.js'
import { devopsRules } from './devops.js'
import { genericRules } from './generic-assignment.js'
import { githubRules } from './github.js'
import { gitlabRules } from './gitlab.js'
import { googleRules } from './google.js'
import { jsonWebToken } from './json-web-token.js'
import { kubernetesSecretRule } from './kubernetes.js'
import { messagingRules } from './messaging.js'
import { observabilityRules } from './observability.js'
import { paymentRules } from './payments.js'
import { privateKeyRules } from './private-keys.js'
import { registryRules } from './registries.js'
import { saasRules } from './saas.js'

/** Rules for one provider's credential formats, most specific first. */
export const providerSecretRules: readonly TextRule[] = [
  ...githubRules,
  ...gitlabRules,
  ...awsRules,
  ...googleRules,
  ...azureRules,
  ...cloudRules,
  ...devopsRules,
  ...aiRules,
  ...messagingRules,
  ...paymentRules,
  ...registryRules,
  ...saasRules,
  ...observabilityRules
]

const contentRules: readonly TextRule[] = [
  ...providerSecretRules,
  ...privateKeyRules,
  jsonWebToken,
  ...connectionStringRules,
  ...configFileRules,
  ...genericRules
]

export const secretRules: readonly Rule[] = [
  ...contentRules,
  kubernetesSecretRule(contentRules)
]
