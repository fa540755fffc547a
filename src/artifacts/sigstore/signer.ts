/**
 * Who signed: the identity Fulcio wrote into the signing certificate. For
 * GitHub Actions that includes the repository the workflow ran in, the
 * workflow file that signed (which for a reusable workflow is not the
 * caller's) and the ref.
 */
import { ASN1Obj, type X509Certificate } from '@sigstore/core'

// Fulcio's certificate extension arc, 1.3.6.1.4.1.57264.1.N.
const FULCIO = '1.3.6.1.4.1.57264.1.'

// The legacy extensions (1 to 6) hold the raw string as the extension
// value; the newer ones (8 and up) hold a DER UTF8String.
const LEGACY = {
  issuer: FULCIO + '1',
  workflowRepository: FULCIO + '5',
  workflowRef: FULCIO + '6'
}
const CURRENT = {
  issuer: FULCIO + '8',
  buildSignerUri: FULCIO + '9',
  runnerEnvironment: FULCIO + '11',
  sourceRepositoryUri: FULCIO + '12',
  sourceRepositoryDigest: FULCIO + '13',
  sourceRepositoryRef: FULCIO + '14',
  buildConfigUri: FULCIO + '18',
  buildTrigger: FULCIO + '20',
  runInvocationUri: FULCIO + '21'
}

/** The signer as the certificate names it; absent fields were not set. */
export interface CertificateSigner {
  /** Subject alternative name: a URI (workflow identity) or an email. */
  readonly identity?: string
  readonly issuer?: string
  /** `https://github.com/owner/repo` for GitHub Actions. */
  readonly sourceRepositoryUri?: string
  /** The workflow that signed, `https://github.com/o/r/.github/…@ref`. */
  readonly buildSignerUri?: string
  /** The workflow the run started from (the caller of a reusable one). */
  readonly buildConfigUri?: string
  readonly sourceRepositoryRef?: string
  readonly sourceRepositoryDigest?: string
  readonly runnerEnvironment?: string
  readonly buildTrigger?: string
  readonly runInvocationUri?: string
}

/** Reads the signer identity out of a Fulcio leaf certificate. */
export function readCertificateSigner(
  certificate: X509Certificate
): CertificateSigner {
  const current = (oid: string): string | undefined => {
    const extension = certificate.extension(oid)
    return extension === undefined ? undefined : utf8String(extension.value)
  }
  const legacy = (oid: string): string | undefined =>
    certificate.extension(oid)?.value.toString('utf8')

  const repository =
    current(CURRENT.sourceRepositoryUri) ??
    githubUri(legacy(LEGACY.workflowRepository))
  const fields: Record<string, string | undefined> = {
    identity: certificate.subjectAltName,
    issuer: current(CURRENT.issuer) ?? legacy(LEGACY.issuer),
    sourceRepositoryUri: repository,
    buildSignerUri: current(CURRENT.buildSignerUri),
    buildConfigUri: current(CURRENT.buildConfigUri),
    sourceRepositoryRef:
      current(CURRENT.sourceRepositoryRef) ?? legacy(LEGACY.workflowRef),
    sourceRepositoryDigest: current(CURRENT.sourceRepositoryDigest),
    runnerEnvironment: current(CURRENT.runnerEnvironment),
    buildTrigger: current(CURRENT.buildTrigger),
    runInvocationUri: current(CURRENT.runInvocationUri)
  }
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined)
  ) as CertificateSigner
}

/** The string inside a DER UTF8String, or undefined if it is not one. */
function utf8String(der: Buffer): string | undefined {
  try {
    const value = ASN1Obj.parseBuffer(Buffer.from(der))
    // Tag 12 is UTF8String; Fulcio never writes another string type here.
    return value.tag.number === 12 ? value.value.toString('utf8') : undefined
  } catch {
    return undefined
  }
}

function githubUri(repository: string | undefined): string | undefined {
  return repository === undefined
    ? undefined
    : `https://github.com/${repository}`
}
