/**
 * The trust material bundles are verified against: a Sigstore trusted root
 * (certificate authorities, transparency logs, CT logs, timestamp
 * authorities) and optionally a public key for keyed signatures. Nothing
 * here touches the network.
 */
import { createPublicKey, type KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import type { X509Certificate } from '@sigstore/core'
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify'
// Imported, not read from node_modules at run time, so that rollup puts it
// in the action's bundle: the runner has no node_modules.
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' }
import { ArtifactsError } from '../errors.js'

const PUBLIC_GOOD_REPOSITORY = 'https://tuf-repo-cdn.sigstore.dev'
const TRUSTED_ROOT_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot/

/** The trusted root JSON of Sigstore's public-good instance. */
export function publicGoodTrustedRoot(): unknown {
  const repository = (seeds as Record<string, unknown>)[PUBLIC_GOOD_REPOSITORY]
  const encoded = (repository as { targets?: Record<string, string> })
    ?.targets?.['trusted_root.json']
  if (typeof encoded !== 'string') {
    throw new ArtifactsError(
      'trusted-root-invalid',
      'the bundled @sigstore/tuf seeds hold no public-good trusted_root.json'
    )
  }
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'))
}

/** Where the trusted root came from, for the log and the audit record. */
export interface LoadedTrust {
  readonly material: TrustMaterial
  /** `public-good` or the trusted-root file as given. */
  readonly source: string
  /** Present when a public key was given. */
  readonly publicKey?: KeyObject
}

/**
 * Loads the trusted root (the file at `trustedRootPath`, or public-good)
 * and the optional PEM public key. `labels` are the inputs as the user
 * wrote them, for error messages.
 */
export async function loadTrust(options: {
  readonly trustedRootPath?: string
  readonly trustedRootLabel?: string
  readonly publicKeyPath?: string
  readonly publicKeyLabel?: string
}): Promise<LoadedTrust> {
  const rootLabel = options.trustedRootLabel ?? options.trustedRootPath
  const json =
    options.trustedRootPath === undefined
      ? publicGoodTrustedRoot()
      : await readJson(options.trustedRootPath, rootLabel!)
  const root = parseTrustedRoot(json, rootLabel ?? 'public-good trusted root')

  const publicKey =
    options.publicKeyPath === undefined
      ? undefined
      : await readPublicKey(
          options.publicKeyPath,
          options.publicKeyLabel ?? options.publicKeyPath
        )

  let material: TrustMaterial
  try {
    material = toTrustMaterial(
      root,
      publicKey === undefined
        ? undefined
        : // The key given by input is the only one trusted, whatever hint
          // a bundle names: the hint is unsigned and chosen by the signer.
          () => ({ publicKey, validFor: () => true })
    )
  } catch (cause) {
    throw new ArtifactsError(
      'trusted-root-invalid',
      `trusted-root '${rootLabel ?? 'public-good'}' holds a key or ` +
        'certificate that cannot be parsed',
      { cause }
    )
  }
  keepDerEncodings(material)
  return {
    material,
    source: rootLabel ?? 'public-good',
    ...(publicKey ? { publicKey } : {})
  }
}

/**
 * `@sigstore/verify` re-encodes the trusted certificates to DER and checks
 * the signatures between them (root to itself, intermediate to root) for
 * every bundle, and `@sigstore/core` builds DER with many small
 * allocations: most of a verification's time. Trusted certificates never
 * change once loaded, so each keeps its encoding and remembers which
 * issuers its signature was checked against. Only these objects, which
 * this module owns, are touched; a bundle's own certificates (the leaf)
 * are encoded and checked afresh every time.
 */
function keepDerEncodings(material: TrustMaterial): void {
  const authorities = [
    ...material.certificateAuthorities,
    ...material.timestampAuthorities
  ]
  for (const authority of authorities) {
    for (const certificate of authority.certChain) {
      for (const node of [certificate.root, certificate.tbsCertificate]) {
        const der = node.toDER()
        Object.defineProperty(node, 'toDER', { value: () => der })
      }
      const verify = certificate.verify.bind(certificate)
      const checked = new WeakMap<object, boolean>()
      Object.defineProperty(certificate, 'verify', {
        value: (issuer?: X509Certificate): boolean => {
          const key = issuer ?? certificate
          let result = checked.get(key)
          if (result === undefined) {
            result = verify(issuer)
            checked.set(key, result)
          }
          return result
        }
      })
    }
  }
}

async function readJson(file: string, label: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (cause) {
    throw new ArtifactsError(
      'trusted-root-invalid',
      `trusted-root '${label}' cannot be read`,
      { cause }
    )
  }
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new ArtifactsError(
      'trusted-root-invalid',
      `trusted-root '${label}' is not JSON; expected a Sigstore trusted_root.json`,
      { cause }
    )
  }
}

function parseTrustedRoot(json: unknown, label: string): TrustedRoot {
  const mediaType = (json as { mediaType?: unknown } | null)?.mediaType
  if (
    typeof mediaType !== 'string' ||
    !TRUSTED_ROOT_MEDIA_TYPE.test(mediaType)
  ) {
    throw new ArtifactsError(
      'trusted-root-invalid',
      `trusted-root '${label}' has no trusted root mediaType ` +
        '(application/vnd.dev.sigstore.trustedroot+json…)'
    )
  }
  try {
    return TrustedRoot.fromJSON(json)
  } catch (cause) {
    throw new ArtifactsError(
      'trusted-root-invalid',
      `trusted-root '${label}' is not a valid Sigstore trusted root`,
      { cause }
    )
  }
}

async function readPublicKey(file: string, label: string): Promise<KeyObject> {
  let pem: string
  try {
    pem = await readFile(file, 'utf8')
  } catch (cause) {
    throw new ArtifactsError(
      'public-key-invalid',
      `public-key '${label}' cannot be read`,
      { cause }
    )
  }
  try {
    // createPublicKey would derive a public key from a private one; a
    // private key in the workspace is a finding for the secret scan, and
    // here a mistake to refuse.
    if (pem.includes('PRIVATE KEY-----')) throw new Error('a private key')
    return createPublicKey(pem)
  } catch (cause) {
    // A private key given by mistake must not end up echoed anywhere, so
    // the message says only what was expected.
    throw new ArtifactsError(
      'public-key-invalid',
      `public-key '${label}' is not a PEM public key ` +
        '(-----BEGIN PUBLIC KEY-----)',
      { cause }
    )
  }
}
