/**
 * Failures that stop artifact verification before it can produce findings:
 * bad settings, an unreadable trusted root or key. They are usage errors
 * (exit 2), distinct from integrity findings (exit 1). Messages name the
 * input at fault and what was expected; they never carry file contents.
 */

/** Every way verification can fail to start or finish. */
export type ArtifactsErrorCode =
  /** The workspace folder does not exist or is not a folder. */
  | 'workspace-invalid'
  /** An `artifacts`, `checksums` or `bundle` path leaves the workspace. */
  | 'outside-workspace'
  /** A glob that cannot be compiled. */
  | 'glob-invalid'
  /** The `trusted-root` file cannot be read or is not a trusted root. */
  | 'trusted-root-invalid'
  /** The `public-key` file cannot be read or is not a PEM public key. */
  | 'public-key-invalid'
  /** Signatures are to be checked but no identity policy says whose. */
  | 'identity-policy-missing'
  /** `certificate-identity-regexp` is not a valid regular expression. */
  | 'identity-regexp-invalid'
  /** Two inputs that exclude each other, or a malformed one. */
  | 'settings-invalid'
  /** A file to hash or checksum cannot be read. */
  | 'file-unreadable'

/** A failure of the artifact verification stage. */
export class ArtifactsError extends Error {
  readonly code: ArtifactsErrorCode

  constructor(
    code: ArtifactsErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'ArtifactsError'
    this.code = code
  }
}
