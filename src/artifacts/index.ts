/**
 * Artifact integrity (HIPAA 164.312(c) and (d)): checksum manifests and
 * Sigstore bundles, verified offline. The CLI and the action call these.
 */
export { ArtifactsError, type ArtifactsErrorCode } from './errors.js'
export { generateChecksums, type GenerateOptions } from './generate.js'
export { integrityRules, type IntegrityRuleId } from './rules.js'
export { GITHUB_ACTIONS_ISSUER, type VerifySettings } from './settings.js'
export { verifyArtifacts, type VerifyResult } from './verify.js'
