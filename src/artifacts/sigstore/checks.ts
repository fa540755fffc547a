/** The checks a Sigstore bundle goes through, as findings name them. */
import type { IdentityCheck } from './policy.js'

export type SignatureCheck =
  | 'bundle-format'
  | 'media-type'
  | 'subject-digest'
  | 'predicate-type'
  | 'certificate-chain'
  | 'certificate-transparency'
  | 'transparency-log'
  | 'timestamp'
  | 'public-key'
  | 'signature'
  | IdentityCheck

/** A check that failed and why, in words safe to show. */
export interface CheckFailure {
  readonly check: SignatureCheck
  readonly message: string
}

/** The checks that authenticate the signer rather than the bytes. */
export function isIdentityCheck(check: SignatureCheck): boolean {
  return (
    check === 'identity' ||
    check === 'issuer' ||
    check === 'repository' ||
    check === 'workflow'
  )
}

/** Human names for messages. */
export const CHECK_NAMES: Readonly<Record<SignatureCheck, string>> = {
  'bundle-format': 'bundle format',
  'media-type': 'media type',
  'subject-digest': 'subject digest',
  'predicate-type': 'predicate type',
  'certificate-chain': 'certificate chain',
  'certificate-transparency': 'certificate transparency',
  'transparency-log': 'transparency log entry',
  timestamp: 'timestamp',
  'public-key': 'public key',
  signature: 'signature',
  identity: 'identity',
  issuer: 'issuer',
  repository: 'repository',
  workflow: 'workflow'
}
