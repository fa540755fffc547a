/** The credential rules (164.312(a)(1), access control). */
import type { Rule } from '../rule.js'
import { awsAccessKeyId } from './aws.js'
import { githubClassicToken } from './github.js'
import { pemPrivateKey } from './private-keys.js'

export const secretRules: readonly Rule[] = [
  githubClassicToken,
  awsAccessKeyId,
  pemPrivateKey
]
