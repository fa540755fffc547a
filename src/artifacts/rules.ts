/**
 * The integrity rules: one per kind of failure the artifact checks report.
 * They are metadata only (verification, not a text scan, finds them), so
 * reports can describe every finding the way they describe scan rules.
 */
import type { RuleMetadata } from '../rules/rule.js'

/** Fields every integrity rule shares. */
const base = {
  category: 'integrity',
  keywords: [],
  redaction: 'none'
} as const

/** Stable ids of the integrity rules. */
export type IntegrityRuleId =
  | 'checksum-mismatch'
  | 'checksum-missing-artifact'
  | 'checksum-not-listed'
  | 'checksum-weak-algorithm'
  | 'checksum-manifest-invalid'
  | 'manifest-path-escape'
  | 'artifact-path-escape'
  | 'signature-missing'
  | 'signature-invalid'

type IntegrityRule = RuleMetadata & { readonly id: IntegrityRuleId }

export const checksumMismatch: IntegrityRule = {
  ...base,
  id: 'checksum-mismatch',
  severity: 'error',
  safeguard: '164.312(c)(2)',
  summary: 'Artifact digest does not match its checksum manifest',
  description:
    'The file was hashed as it is now and the digest differs from the one ' +
    'the manifest records: the artifact changed after the manifest was ' +
    'written, or the manifest is for another build. Rebuild the artifact ' +
    'or regenerate the manifest from the build that produced it.',
  validation: 'SHA-256, SHA-384 or SHA-512 of the whole file, streamed'
}

export const checksumMissingArtifact: IntegrityRule = {
  ...base,
  id: 'checksum-missing-artifact',
  severity: 'error',
  safeguard: '164.312(c)(1)',
  summary: 'A manifest lists an artifact that does not exist',
  description:
    'The manifest names a file that is not where the manifest says (names ' +
    'are relative to the folder holding the manifest). The release is ' +
    'incomplete or the manifest belongs to another layout.'
}

export const checksumNotListed: IntegrityRule = {
  ...base,
  id: 'checksum-not-listed',
  severity: 'warning',
  safeguard: '164.312(c)(1)',
  summary: 'An artifact is in no checksum manifest',
  description:
    'A file matched by the `artifacts` globs has no entry in any manifest, ' +
    'so nothing proves it is what was built. An error when ' +
    '`require-checksum` is set, a warning otherwise.'
}

export const checksumWeakAlgorithm: IntegrityRule = {
  ...base,
  id: 'checksum-weak-algorithm',
  severity: 'error',
  safeguard: '164.312(c)(2)',
  summary: 'A manifest uses MD5 or SHA-1, too weak to prove integrity',
  description:
    'Collisions are practical for MD5 and SHA-1, so a matching digest does ' +
    'not show the file was not replaced. The entry does not count as ' +
    'covering the artifact. Publish SHA-256 or SHA-512 checksums instead.'
}

export const checksumManifestInvalid: IntegrityRule = {
  ...base,
  id: 'checksum-manifest-invalid',
  severity: 'error',
  safeguard: '164.312(c)(1)',
  summary: 'A checksum manifest line cannot be parsed',
  description:
    'The line is not in any supported form: GNU `sha256sum` output, BSD ' +
    'tags, SRI strings, or an in-toto statement. A line that cannot be ' +
    'read could hide an artifact, so it fails the gate.',
  validation:
    'GNU and goreleaser `<hex>  <name>`, BSD `SHA256 (name) = <hex>`, ' +
    '`sha512-<base64> <name>`, in-toto and SLSA `subject` digests'
}

export const manifestPathEscape: IntegrityRule = {
  ...base,
  id: 'manifest-path-escape',
  severity: 'error',
  safeguard: '164.312(c)(1)',
  summary: 'A manifest names a file outside the workspace',
  description:
    'Manifests are untrusted input. An absolute name, a `..` that leaves ' +
    'the workspace, or a symbolic link that resolves outside it is ' +
    'refused rather than hashed.'
}

export const artifactPathEscape: IntegrityRule = {
  ...base,
  id: 'artifact-path-escape',
  severity: 'error',
  safeguard: '164.312(c)(1)',
  summary: 'An artifact is a symbolic link that leaves the workspace',
  description:
    'The file the artifact glob matched resolves outside the workspace, ' +
    'so its contents are not what the workspace holds. It is not hashed.'
}

export const signatureMissing: IntegrityRule = {
  ...base,
  id: 'signature-missing',
  severity: 'error',
  safeguard: '164.312(d)',
  summary: 'An artifact has no Sigstore bundle and a signature is required',
  description:
    'With `require-signature` set every artifact needs a bundle beside it ' +
    '(`<artifact>.sigstore.json`, `.sigstore` or `.bundle`) or one given ' +
    'by the `bundle` input whose subject digest matches it.'
}

export const signatureInvalid: IntegrityRule = {
  ...base,
  id: 'signature-invalid',
  severity: 'error',
  safeguard: '164.312(c)(2)',
  summary: 'A Sigstore bundle does not verify for its artifact',
  description:
    'The finding names the check that failed: bundle format, media type, ' +
    'subject digest, predicate type, certificate chain, certificate ' +
    'transparency, transparency log, timestamp, public key, signature, ' +
    'identity, issuer, repository or workflow. Identity checks serve ' +
    '164.312(d) (person or entity authentication) and are reported under ' +
    'that section. Verification is offline against the trusted root and ' +
    'fails closed: there is no warning level.\n\n' +
    'Limitations: the default trusted root is the public-good root as ' +
    'shipped in the bundled `@sigstore/tuf` (no TUF refresh), so a key ' +
    'rotation needs a gate update or a `trusted-root` file. A message ' +
    'signature (not DSSE) is checked over the whole artifact, which is ' +
    'read into memory for it. The legacy GitHub repository extension is ' +
    'read as a github.com repository.',
  validation:
    '@sigstore/verify against the trusted root, plus an exact or anchored ' +
    'identity, the exact OIDC issuer and the Fulcio GitHub extensions'
}

/** Every integrity rule, for reports. */
export const integrityRules: readonly RuleMetadata[] = [
  checksumMismatch,
  checksumMissingArtifact,
  checksumNotListed,
  checksumWeakAlgorithm,
  checksumManifestInvalid,
  manifestPathEscape,
  artifactPathEscape,
  signatureMissing,
  signatureInvalid
]
