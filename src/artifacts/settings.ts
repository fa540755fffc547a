/**
 * The inputs of artifact verification, one field per action input (and CLI
 * flag). The action and the CLI fill this; nothing here reads the
 * environment.
 */

/** What `verifyArtifacts` is asked to check. */
export interface VerifySettings {
  /**
   * Root every path is resolved against and may not leave: the checkout
   * (`GITHUB_WORKSPACE`) in the action, the current folder in the CLI.
   */
  readonly workspace: string
  /**
   * Globs (workspace-relative) of the files to verify (`artifacts`). When
   * empty, the artifacts are the files the manifests list.
   */
  readonly artifacts: readonly string[]
  /** Globs of checksum manifests (`checksums`). */
  readonly checksums: readonly string[]
  /** An artifact in no manifest is an error, not a warning. */
  readonly requireChecksum: boolean
  /** An artifact without a verified Sigstore bundle is an error. */
  readonly requireSignature: boolean
  /**
   * Bundle files given explicitly (`bundle`): Sigstore bundle JSON or JSON
   * Lines. Each bundle covers the artifacts whose digest it signs. Bundles
   * beside an artifact (`<artifact>.sigstore.json`, `.sigstore`,
   * `.bundle`) are found without being listed.
   */
  readonly bundles: readonly string[]
  /** Exact certificate identity (SAN URI or email). */
  readonly certificateIdentity?: string
  /** Regular expression for the identity; anchored at both ends. */
  readonly certificateIdentityRegexp?: string
  /**
   * Exact OIDC issuer. Defaults to GitHub Actions'
   * (`https://token.actions.githubusercontent.com`) when a signer
   * repository or workflow is given.
   */
  readonly certificateOidcIssuer?: string
  /** `owner/repo` the signing workflow ran in (exact, case-insensitive). */
  readonly signerRepository?: string
  /**
   * The workflow that signed: `owner/repo/.github/workflows/f.yml`, or
   * `.github/workflows/f.yml` within `signerRepository`, optionally with
   * `@ref` (`@refs/heads/main`, `@refs/tags/v1`) to pin the ref too.
   */
  readonly signerWorkflow?: string
  /** Predicate type DSSE attestations must have, e.g. SLSA provenance v1. */
  readonly predicateType?: string
  /**
   * Trusted root JSON (`trusted-root`), e.g. GitHub's Sigstore instance.
   * Default: the public-good root shipped with `@sigstore/tuf`.
   */
  readonly trustedRoot?: string
  /** PEM public key for keyed bundles (`public-key`). */
  readonly publicKey?: string
  /** Transparency log entries each bundle needs (default 1). */
  readonly tlogThreshold?: number
  /**
   * Verified timestamps (transparency log integration times plus RFC 3161
   * timestamps) each bundle needs (default 1).
   */
  readonly timestampThreshold?: number
  /** Certificate transparency SCTs a Fulcio certificate needs (default 1). */
  readonly ctlogThreshold?: number
}

/** The OIDC issuer of GitHub Actions' workload identity tokens. */
export const GITHUB_ACTIONS_ISSUER =
  'https://token.actions.githubusercontent.com'
