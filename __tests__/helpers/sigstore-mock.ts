/**
 * A Sigstore instance in the test process: `@sigstore/mock`'s CA (with a
 * CT log) and Rekor log, plus the trusted root that trusts them. It signs
 * blobs (hashedrekord), attestations (DSSE) and keyed blobs and returns
 * bundle JSON, so round trips run offline and in milliseconds.
 */
import {
  createHash,
  generateKeyPairSync,
  sign,
  type KeyObject
} from 'node:crypto'
import { dsse } from '@sigstore/core'
import { initializeCA, initializeCTLog, initializeTLog } from '@sigstore/mock'

const REKOR_URL = 'https://rekor.mock.test'
const FULCIO = '1.3.6.1.4.1.57264.1.'

/** Who the mock Fulcio says signed. */
export interface MockIdentity {
  /** Subject alternative name (the mock always writes a URI SAN). */
  readonly identity: string
  readonly issuer: string
  /** `https://github.com/owner/repo`, for GitHub Actions-style certs. */
  readonly sourceRepositoryUri?: string
  readonly buildSignerUri?: string
  readonly sourceRepositoryRef?: string
}

export interface MockSigstore {
  /** Trusted root JSON trusting this instance's CA, CT log and Rekor. */
  readonly trustedRoot: Record<string, unknown>
  signBlob(data: Buffer, who: MockIdentity): Promise<Record<string, unknown>>
  attest(
    statement: Record<string, unknown>,
    who: MockIdentity
  ): Promise<Record<string, unknown>>
  /** A message signature by `privateKey`, logged in Rekor, no certificate. */
  signBlobWithKey(
    data: Buffer,
    privateKey: KeyObject,
    publicKeyPem: string
  ): Promise<Record<string, unknown>>
}

/** A Buffer over exactly the bytes of a view (never its whole pool). */
const bytes = (view: ArrayBufferView): Buffer =>
  Buffer.from(view.buffer, view.byteOffset, view.byteLength)

/** The fields of a Rekor v1 log entry the bundle needs. */
interface RekorEntry {
  body: string
  integratedTime: number
  logID: string
  logIndex: number
  verification: {
    signedEntryTimestamp: string
    inclusionProof: {
      logIndex: number
      rootHash: string
      treeSize: number
      checkpoint: string
    }
  }
}

const b64 = (data: Buffer | string): string =>
  Buffer.from(data).toString('base64')

function ecKeyPair() {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' })
}

function pemCertificate(der: Buffer): string {
  const lines = b64(der)
    .match(/.{1,64}/g)!
    .join('\n')
  return `-----BEGIN CERTIFICATE-----\n${lines}\n-----END CERTIFICATE-----\n`
}

/** Starts a fresh mock instance with its own keys. */
export async function createMockSigstore(): Promise<MockSigstore> {
  const caKeys = ecKeyPair()
  const ctKeys = ecKeyPair()
  const tlogKeys = ecKeyPair()
  const ctLog = await initializeCTLog(ctKeys)
  const ca = await initializeCA(caKeys, ctLog)
  const tlog = await initializeTLog(REKOR_URL, tlogKeys)
  const start = new Date(Date.now() - 60_000).toISOString()
  const sha = (data: Buffer) => createHash('sha256').update(data).digest()

  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: REKOR_URL,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: b64(tlog.publicKey),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start }
        },
        logId: { keyId: b64(sha(tlog.publicKey)) }
      }
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: 'https://fulcio.mock.test',
        certChain: {
          certificates: [{ rawBytes: b64(bytes(ca.rootCertificate)) }]
        },
        validFor: { start }
      }
    ],
    ctlogs: [
      {
        baseUrl: 'https://ctfe.mock.test',
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: b64(ctLog.publicKey),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start }
        },
        logId: { keyId: b64(bytes(ctLog.logID)) }
      }
    ],
    timestampAuthorities: []
  }

  async function certify(who: MockIdentity) {
    const keys = ecKeyPair()
    const extensions = [{ oid: FULCIO + '8', value: who.issuer }]
    if (who.buildSignerUri) {
      extensions.push({ oid: FULCIO + '9', value: who.buildSignerUri })
    }
    if (who.sourceRepositoryUri) {
      extensions.push({ oid: FULCIO + '12', value: who.sourceRepositoryUri })
    }
    if (who.sourceRepositoryRef) {
      extensions.push({ oid: FULCIO + '14', value: who.sourceRepositoryRef })
    }
    const der = bytes(
      await ca.issueCertificate({
        publicKey: new Uint8Array(spki(keys.publicKey)),
        subjectAltName: who.identity,
        extensions
      })
    )
    return { keys, der }
  }

  /** Logs an entry in the mock Rekor and shapes it as a bundle tlog entry. */
  async function logEntry(kind: string, proposed: Record<string, unknown>) {
    const response = await tlog.log(proposed)
    const entry = Object.values(response)[0] as RekorEntry
    const proof = entry.verification.inclusionProof
    return {
      logIndex: String(entry.logIndex),
      logId: { keyId: b64(Buffer.from(entry.logID, 'hex')) },
      kindVersion: { kind, version: '0.0.1' },
      integratedTime: String(entry.integratedTime),
      inclusionPromise: {
        signedEntryTimestamp: entry.verification.signedEntryTimestamp
      },
      inclusionProof: {
        logIndex: String(proof.logIndex),
        rootHash: b64(Buffer.from(proof.rootHash, 'hex')),
        treeSize: String(proof.treeSize),
        hashes: [],
        checkpoint: { envelope: proof.checkpoint }
      },
      canonicalizedBody: entry.body
    }
  }

  async function messageBundle(
    data: Buffer,
    privateKey: KeyObject,
    verifierPem: string,
    material: Record<string, unknown>
  ) {
    const signature = sign('sha256', data, privateKey)
    const digest = sha(data)
    const tlogEntry = await logEntry('hashedrekord', {
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: {
        data: { hash: { algorithm: 'sha256', value: digest.toString('hex') } },
        signature: {
          content: b64(signature),
          publicKey: { content: b64(verifierPem) }
        }
      }
    })
    return {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { ...material, tlogEntries: [tlogEntry] },
      messageSignature: {
        messageDigest: { algorithm: 'SHA2_256', digest: b64(digest) },
        signature: b64(signature)
      }
    }
  }

  return {
    trustedRoot,

    async signBlob(data, who) {
      const { keys, der } = await certify(who)
      return messageBundle(data, keys.privateKey, pemCertificate(der), {
        certificate: { rawBytes: b64(der) }
      })
    },

    async signBlobWithKey(data, privateKey, publicKeyPem) {
      return messageBundle(data, privateKey, publicKeyPem, {
        publicKey: { hint: 'mock-key' }
      })
    },

    async attest(statement, who) {
      const { keys, der } = await certify(who)
      const payloadType = 'application/vnd.in-toto+json'
      const payload = Buffer.from(JSON.stringify(statement))
      const pae = dsse.preAuthEncoding(payloadType, payload)
      const signature = sign('sha256', pae, keys.privateKey)
      const tlogEntry = await logEntry('dsse', {
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: {
          signatures: [
            { signature: b64(signature), verifier: b64(pemCertificate(der)) }
          ],
          payloadHash: {
            algorithm: 'sha256',
            value: sha(payload).toString('hex')
          }
        }
      })
      return {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: {
          certificate: { rawBytes: b64(der) },
          tlogEntries: [tlogEntry]
        },
        dsseEnvelope: {
          payload: b64(payload),
          payloadType,
          signatures: [{ sig: b64(signature), keyid: '' }]
        }
      }
    }
  }
}
