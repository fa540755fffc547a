/**
 * The CI configuration rules: the workflow token's permissions and the
 * secrets a workflow holds (164.312(a)(1)), pinned and trusted code in the
 * pipeline (164.312(c)(1)), and transmission security in scripts and
 * configuration (164.312(e)).
 */
import type { Rule } from '../rule.js'
import { databaseTlsDisabled } from './database-tls.js'
import {
  downloadPipedToShell,
  packageSignatureCheckDisabled
} from './downloads.js'
import { permissionRules } from './permissions.js'
import { pinningRules, type PinningOptions } from './pinning.js'
import { plaintextPackageUrl } from './plaintext-urls.js'
import { runnerRules } from './runners.js'
import { secretExposureRules } from './secret-exposure.js'
import { sshHostKeyCheckDisabled } from './ssh.js'
import { tlsVerificationDisabled } from './tls.js'
import { untrustedCodeRules } from './untrusted-code.js'

/** Options for the CI configuration rules (config file `rules.ci-config`). */
export type CiConfigOptions = PinningOptions

/** The CI configuration rules, built with `options`. */
export function createCiConfigRules(options: CiConfigOptions = {}): Rule[] {
  return [
    ...permissionRules,
    ...pinningRules(options),
    ...untrustedCodeRules,
    ...secretExposureRules,
    ...runnerRules,
    tlsVerificationDisabled,
    databaseTlsDisabled,
    plaintextPackageUrl,
    downloadPipedToShell,
    packageSignatureCheckDisabled,
    sshHostKeyCheckDisabled
  ]
}

/** The CI configuration rules with default options. */
export const ciConfigRules: readonly Rule[] = createCiConfigRules()
