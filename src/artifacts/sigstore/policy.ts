/**
 * The identity policy, like cosign's: who must have signed. A plain string
 * is compared exactly, never as a pattern, so `acme/app` cannot match a
 * bundle from `acme/app-fork`; a regular expression is anchored at both
 * ends for the same reason.
 */
import { ArtifactsError } from '../errors.js'
import { GITHUB_ACTIONS_ISSUER, type VerifySettings } from '../settings.js'
import type { CertificateSigner } from './signer.js'

const WORKFLOWS = '.github/workflows/'

/** A workflow reference split into its parts. */
interface WorkflowRef {
  /** `owner/repo`, lower-case; absent when the policy names none. */
  readonly repository?: string
  /** `.github/workflows/release.yml` */
  readonly path: string
  /** `refs/heads/main`; absent when the policy does not pin it. */
  readonly ref?: string
}

/** A compiled identity policy. */
export interface IdentityPolicy {
  readonly identity?: string
  readonly identityPattern?: RegExp
  /** The pattern as given, for messages. */
  readonly identityPatternSource?: string
  readonly issuer?: string
  /** `owner/repo`, lower-case. */
  readonly repository?: string
  readonly workflow?: WorkflowRef
}

/** The identity checks, as findings name them. */
export type IdentityCheck = 'identity' | 'issuer' | 'repository' | 'workflow'

export interface PolicyFailure {
  readonly check: IdentityCheck
  readonly message: string
}

/** Compiles the identity inputs; throws an `ArtifactsError` on bad ones. */
export function buildIdentityPolicy(settings: VerifySettings): IdentityPolicy {
  const {
    certificateIdentity: identity,
    certificateIdentityRegexp: pattern,
    signerRepository,
    signerWorkflow
  } = settings
  if (identity !== undefined && pattern !== undefined) {
    throw new ArtifactsError(
      'settings-invalid',
      'give certificate-identity or certificate-identity-regexp, not both'
    )
  }
  let identityPattern: RegExp | undefined
  if (pattern !== undefined) {
    try {
      identityPattern = new RegExp(`^(?:${pattern})$`)
    } catch (cause) {
      throw new ArtifactsError(
        'identity-regexp-invalid',
        `certificate-identity-regexp '${pattern}' is not a valid regular expression`,
        { cause }
      )
    }
  }
  const repository =
    signerRepository === undefined
      ? undefined
      : parseRepository(signerRepository)
  const workflow =
    signerWorkflow === undefined
      ? undefined
      : parseWorkflowInput(signerWorkflow, repository)
  const issuer =
    settings.certificateOidcIssuer ??
    (repository !== undefined || workflow !== undefined
      ? GITHUB_ACTIONS_ISSUER
      : undefined)
  if ((identity !== undefined || pattern !== undefined) && !issuer) {
    throw new ArtifactsError(
      'identity-policy-missing',
      'certificate-oidc-issuer is required with certificate-identity: the ' +
        'same identity can be claimed through another OIDC provider'
    )
  }
  return {
    ...(identity !== undefined ? { identity } : {}),
    ...(identityPattern
      ? { identityPattern, identityPatternSource: pattern }
      : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(repository !== undefined ? { repository } : {}),
    ...(workflow !== undefined ? { workflow } : {})
  }
}

/** True when the policy says whose certificate to accept. */
export function constrainsSigner(policy: IdentityPolicy): boolean {
  return (
    policy.identity !== undefined ||
    policy.identityPattern !== undefined ||
    policy.repository !== undefined ||
    policy.workflow !== undefined
  )
}

/** The first policy check the signer fails, or undefined. */
export function checkSigner(
  policy: IdentityPolicy,
  signer: CertificateSigner
): PolicyFailure | undefined {
  const found = signer.identity ?? '(none)'
  if (policy.identity !== undefined && signer.identity !== policy.identity) {
    return {
      check: 'identity',
      message: `signed by '${found}', expected exactly '${policy.identity}'`
    }
  }
  if (
    policy.identityPattern !== undefined &&
    !policy.identityPattern.test(signer.identity ?? '')
  ) {
    return {
      check: 'identity',
      message: `signed by '${found}', which does not match the whole of /${policy.identityPatternSource}/`
    }
  }
  if (policy.issuer !== undefined && signer.issuer !== policy.issuer) {
    return {
      check: 'issuer',
      message: `OIDC issuer '${signer.issuer ?? '(none)'}', expected '${policy.issuer}'`
    }
  }
  if (policy.repository !== undefined) {
    const repository = repositoryOfUri(signer.sourceRepositoryUri)
    if (repository !== policy.repository) {
      return {
        check: 'repository',
        message: `built in repository '${repository ?? '(none)'}', expected '${policy.repository}'`
      }
    }
  }
  if (policy.workflow !== undefined) {
    const uri = signer.buildSignerUri ?? signer.identity
    const actual = uri === undefined ? undefined : parseWorkflowUri(uri)
    if (!actual || !sameWorkflow(policy.workflow, actual)) {
      return {
        check: 'workflow',
        message: `signed by workflow '${uri ?? '(none)'}', expected '${describe(policy.workflow)}'`
      }
    }
  }
  return undefined
}

function sameWorkflow(expected: WorkflowRef, actual: WorkflowRef): boolean {
  return (
    expected.path === actual.path &&
    (expected.repository === undefined ||
      expected.repository === actual.repository) &&
    (expected.ref === undefined || expected.ref === actual.ref)
  )
}

function describe(workflow: WorkflowRef): string {
  const repository = workflow.repository ? `${workflow.repository}/` : ''
  return `${repository}${workflow.path}${workflow.ref ? `@${workflow.ref}` : ''}`
}

const REPOSITORY = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/

function parseRepository(input: string): string {
  const trimmed = stripHost(input.trim()).replace(/\.git$/, '')
  if (!REPOSITORY.test(trimmed)) {
    throw new ArtifactsError(
      'settings-invalid',
      `signer-repository '${input}' is not OWNER/REPO`
    )
  }
  return trimmed.toLowerCase()
}

function parseWorkflowInput(
  input: string,
  repository: string | undefined
): WorkflowRef {
  const parsed = parseWorkflowUri(stripHost(input.trim()))
  if (parsed === undefined) {
    throw new ArtifactsError(
      'settings-invalid',
      `signer-workflow '${input}' is not [OWNER/REPO/]${WORKFLOWS}FILE[@REF]`
    )
  }
  return parsed.repository === undefined && repository !== undefined
    ? { ...parsed, repository }
    : parsed
}

/** Splits `[https://host/]owner/repo/.github/workflows/f.yml[@ref]`. */
function parseWorkflowUri(uri: string): WorkflowRef | undefined {
  const rest = stripHost(uri)
  const at = rest.indexOf(WORKFLOWS)
  if (at < 0) return undefined
  const prefix = rest.slice(0, at).replace(/\/$/, '')
  const tail = rest.slice(at)
  const refAt = tail.indexOf('@')
  const path = refAt < 0 ? tail : tail.slice(0, refAt)
  const ref = refAt < 0 ? undefined : tail.slice(refAt + 1)
  if (path.length <= WORKFLOWS.length) return undefined
  if (prefix !== '' && !REPOSITORY.test(prefix)) return undefined
  return {
    path,
    ...(prefix !== '' ? { repository: prefix.toLowerCase() } : {}),
    ...(ref ? { ref } : {})
  }
}

/** `owner/repo` from `https://host/owner/repo`, lower-case. */
function repositoryOfUri(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined
  return stripHost(uri).replace(/\/$/, '').toLowerCase()
}

function stripHost(value: string): string {
  return value.replace(/^https?:\/\/[^/]{1,253}\//, '')
}
