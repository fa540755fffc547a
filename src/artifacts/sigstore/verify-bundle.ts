/**
 * Verifying one bundle for one artifact, offline: format, subject digest,
 * predicate type, then the cryptography (`@sigstore/verify`: certificate
 * chain, SCTs, transparency log, timestamps, signature), then the signer's
 * identity. Every failure names its check; nothing throws.
 */
import { createHash } from 'node:crypto'
import type { Bundle } from '@sigstore/bundle'
import { X509Certificate } from '@sigstore/core'
import { toSignedEntity, Verifier } from '@sigstore/verify'
import type { DigestAlgorithm } from '../digests.js'
import type { LoadedBundle } from './bundle-file.js'
import type { CheckFailure, SignatureCheck } from './checks.js'
import { checkSigner, constrainsSigner, type IdentityPolicy } from './policy.js'
import { readCertificateSigner } from './signer.js'
import type { LoadedTrust } from './trust.js'

/** What the verifier knows about the artifact a bundle is checked for. */
export interface ArtifactUnderTest {
  readonly digests: Readonly<Partial<Record<DigestAlgorithm, string>>>
  /** The artifact's bytes; only message signatures need them. */
  readBytes(): Promise<Buffer>
}

export type BundleOutcome =
  | {
      readonly ok: true
      /** The verified signer, for the audit record. */
      readonly signer: Readonly<Record<string, string>>
    }
  | ({ readonly ok: false } & CheckFailure)

export interface BundleVerifierOptions {
  readonly trust: LoadedTrust
  readonly policy: IdentityPolicy
  readonly predicateType?: string
  readonly tlogThreshold?: number
  readonly timestampThreshold?: number
  readonly ctlogThreshold?: number
}

/** Verifies bundles against one trusted root and one policy. */
export class BundleVerifier {
  private readonly verifier: Verifier
  private readonly options: BundleVerifierOptions
  private readonly attestations = new WeakMap<LoadedBundle, BundleOutcome>()

  constructor(options: BundleVerifierOptions) {
    this.options = options
    this.verifier = new Verifier(options.trust.material, {
      tlogThreshold: options.tlogThreshold ?? 1,
      timestampThreshold: options.timestampThreshold ?? 1,
      ctlogThreshold: options.ctlogThreshold ?? 1
    })
  }

  /** True when the bundle signs one of these digests. */
  covers(
    loaded: LoadedBundle,
    digests: Readonly<Partial<Record<DigestAlgorithm, string>>>
  ): boolean {
    return loaded.subjects.some(s => digests[s.algorithm] === s.digest)
  }

  async verify(
    loaded: LoadedBundle,
    artifact: ArtifactUnderTest
  ): Promise<BundleOutcome> {
    if (loaded.failure) return { ok: false, ...loaded.failure }
    const bundle = loaded.bundle!

    // 1. The bundle must be about this artifact. For DSSE the signature
    // covers the statement, not the file, so this is the only link.
    if (!this.covers(loaded, artifact.digests)) {
      return fail(
        'subject-digest',
        loaded.subjects.length === 0
          ? 'the bundle names no SHA-256, SHA-384 or SHA-512 subject digest'
          : "no subject digest in the bundle equals the artifact's digest"
      )
    }

    // 2. The attestation must be the kind asked for.
    const expected = this.options.predicateType
    if (expected !== undefined && bundle.content.$case === 'dsseEnvelope') {
      if (loaded.predicateType !== expected) {
        return fail(
          'predicate-type',
          `predicate type ${describePredicate(loaded.predicateType)}, expected '${expected}'`
        )
      }
    } else if (expected !== undefined) {
      return fail(
        'predicate-type',
        `a message signature has no predicate; expected an attestation of '${expected}'`
      )
    }

    // An attestation's signature and signer do not depend on which of its
    // subjects is being checked: one provenance for a whole release is
    // verified once, not once per artifact.
    if (bundle.content.$case === 'dsseEnvelope') {
      let outcome = this.attestations.get(loaded)
      if (outcome === undefined) {
        outcome = await this.verifySigned(bundle, artifact)
        this.attestations.set(loaded, outcome)
      }
      return outcome
    }
    return this.verifySigned(bundle, artifact)
  }

  /** Steps 3 to 5: evidence, cryptography and signer. */
  private async verifySigned(
    bundle: Bundle,
    artifact: ArtifactUnderTest
  ): Promise<BundleOutcome> {
    // 3. Enough evidence of when it was signed. The verifier counts these
    // too, but its messages would blame the timestamp for a missing log
    // entry, and it cannot check a certificate without any timestamp.
    const shortfall = this.missingEvidence(bundle)
    if (shortfall) return { ok: false, ...shortfall }

    // 4. The cryptography, offline against the trusted root.
    let leaf: X509Certificate | undefined
    try {
      const artifactBytes =
        bundle.content.$case === 'messageSignature'
          ? await artifact.readBytes()
          : undefined
      leaf = leafCertificate(bundle)
      this.verifier.verify(toSignedEntity(bundle, artifactBytes))
    } catch (error) {
      return { ok: false, ...classify(error) }
    }

    // 5. Who signed.
    if (leaf === undefined) return { ok: true, signer: this.keySigner() }
    if (!constrainsSigner(this.options.policy)) {
      return fail(
        'identity',
        'the bundle is signed with a certificate but no identity policy ' +
          '(certificate-identity, signer-repository, signer-workflow) is set'
      )
    }
    const signer = readCertificateSigner(leaf)
    const failure = checkSigner(this.options.policy, signer)
    if (failure) return { ok: false, ...failure }
    return { ok: true, signer: { ...signer } }
  }

  private missingEvidence(bundle: Bundle): CheckFailure | undefined {
    const material = bundle.verificationMaterial
    const entries = material.tlogEntries.length
    const required = this.options.tlogThreshold ?? 1
    if (entries < required) {
      return {
        check: 'transparency-log',
        message: `the bundle has ${entries} transparency log entries; ${required} required`
      }
    }
    const stamps =
      entries +
      (material.timestampVerificationData?.rfc3161Timestamps.length ?? 0)
    if (stamps === 0 && material.content.$case !== 'publicKey') {
      return {
        check: 'timestamp',
        message:
          'a certificate-signed bundle needs a transparency log entry or ' +
          'an RFC 3161 timestamp to show the certificate was valid at signing'
      }
    }
    return undefined
  }

  private keySigner(): Record<string, string> {
    const key = this.options.trust.publicKey
    if (key === undefined) return {}
    const der = key.export({ type: 'spki', format: 'der' })
    return {
      publicKey: `sha256:${createHash('sha256').update(der).digest('hex')}`
    }
  }
}

function leafCertificate(bundle: Bundle): X509Certificate | undefined {
  const content = bundle.verificationMaterial.content
  switch (content.$case) {
    case 'certificate':
      return X509Certificate.parse(Buffer.from(content.certificate.rawBytes))
    case 'x509CertificateChain': {
      const first = content.x509CertificateChain.certificates[0]
      if (!first) throw new TypeError('empty certificate chain')
      return X509Certificate.parse(Buffer.from(first.rawBytes))
    }
    default:
      return undefined
  }
}

/** An untrusted predicate type for a message: a short printable URI. */
function describePredicate(type: string | undefined): string {
  if (type === undefined) return '(none)'
  return /^[\x21-\x7e]{1,120}$/.test(type) ? `'${type}'` : '(unprintable)'
}

function fail(check: SignatureCheck, message: string): BundleOutcome {
  return { ok: false, check, message }
}

/** Maps a `@sigstore/verify` error to the check that failed. */
function classify(error: unknown): CheckFailure {
  const code = (error as { code?: unknown }).code
  const detail = safeDetail(error)
  switch (code) {
    case 'CERTIFICATE_ERROR':
      return /\bSCTs?\b/.test(detail)
        ? { check: 'certificate-transparency', message: detail }
        : {
            check: 'certificate-chain',
            message: `${detail} (the certificate does not chain to a CA in the trusted root)`
          }
    case 'TLOG_ERROR':
    case 'TLOG_INCLUSION_PROOF_ERROR':
    case 'TLOG_INCLUSION_PROMISE_ERROR':
    case 'TLOG_MISSING_INCLUSION_ERROR':
    case 'TLOG_BODY_ERROR':
      return { check: 'transparency-log', message: detail }
    case 'TIMESTAMP_ERROR':
      return {
        check: 'timestamp',
        message: `${detail} (no timestamp authority or log in the trusted root vouches for it)`
      }
    case 'PUBLIC_KEY_ERROR':
      // The library's message repeats the bundle's key hint: untrusted.
      return {
        check: 'public-key',
        message:
          'no trusted key for this bundle (give the signing key as public-key)'
      }
    case 'SIGNATURE_ERROR':
      return { check: 'signature', message: detail }
    default:
      return {
        check: 'bundle-format',
        message: `the bundle cannot be processed: ${detail}`
      }
  }
}

// A long run of token characters in a message is likely bundle content
// (a key hint, a digest, base64): never worth the risk of echoing.
const TOKEN_RUN = /[A-Za-z0-9+/=_-]{24,}/

/** One line, bounded, of an error's message: no stack, no payload. */
function safeDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const line = message.split('\n')[0]!.trim()
  if (line === '' || line.length > 160 || TOKEN_RUN.test(line)) {
    return 'verification failed'
  }
  return line
}
