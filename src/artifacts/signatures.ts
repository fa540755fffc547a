/**
 * Sigstore bundles bound to artifacts: the ones beside each artifact and
 * the ones given by input, matched to artifacts by the digest they sign.
 * Every failed check becomes an error finding; there is no warning level.
 */
import { lstat, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Finding } from '../findings/finding.js'
import { createFinding } from '../findings/create.js'
import { containment, insideWorkspace } from './paths.js'
import { artifactPathEscape, signatureInvalid } from './rules.js'
import { readBundleFile, type LoadedBundle } from './sigstore/bundle-file.js'
import {
  CHECK_NAMES,
  isIdentityCheck,
  type CheckFailure
} from './sigstore/checks.js'
import type { IdentityPolicy } from './sigstore/policy.js'
import { loadTrust } from './sigstore/trust.js'
import { BundleVerifier } from './sigstore/verify-bundle.js'
import type { VerifySettings } from './settings.js'
import type { DigestAlgorithm } from './digests.js'

/** Names a bundle beside `<artifact>` may have. */
export const SIDECAR_SUFFIXES = ['.sigstore.json', '.sigstore', '.bundle']

/** Bundle files, read, or the findings that kept them from being read. */
export interface BundleSet {
  readonly bundles: readonly LoadedBundle[]
  readonly findings: readonly Finding[]
}

/** Reads bundle files (absolute paths), refusing links out of the workspace. */
export async function readBundles(
  workspace: string,
  workspaceReal: string,
  files: readonly string[]
): Promise<BundleSet> {
  const bundles: LoadedBundle[] = []
  const findings: Finding[] = []
  for (const absolute of files) {
    const relative = insideWorkspace(workspace, absolute)!
    if ((await containment(workspaceReal, absolute)) === 'outside') {
      findings.push(
        createFinding(artifactPathEscape, {
          file: relative,
          message: `${relative}: the bundle is a symbolic link that leaves the workspace; it was not read.`,
          value: 'bundle-link'
        })
      )
      continue
    }
    bundles.push(...(await readBundleFile(absolute, relative)))
  }
  return { bundles, findings }
}

/** The sidecar bundles that exist beside `absolute`. */
export async function sidecarsOf(absolute: string): Promise<string[]> {
  const found: string[] = []
  for (const suffix of SIDECAR_SUFFIXES) {
    const candidate = absolute + suffix
    try {
      if (!(await lstat(candidate)).isDirectory()) found.push(candidate)
    } catch {
      // No bundle under this name.
    }
  }
  return found
}

/** Where a bundle is, as messages name it: `file` or `file:line`. */
export function bundleLabel(bundle: LoadedBundle): string {
  return bundle.line > 1 ? `${bundle.file}:${bundle.line}` : bundle.file
}

/** A failed check of `bundle`, reported on `file` (usually the artifact). */
export function signatureFinding(
  file: string,
  bundle: LoadedBundle,
  failure: CheckFailure
): Finding {
  const label = bundleLabel(bundle)
  return createFinding(signatureInvalid, {
    file,
    ...(file === bundle.file ? { line: bundle.line } : {}),
    message: `${file}: Sigstore bundle ${label} failed the ${CHECK_NAMES[failure.check]} check: ${failure.message}.`,
    value: `${label}:${failure.check}`,
    kind: 'check',
    ...(isIdentityCheck(failure.check) ? { safeguard: '164.312(d)' } : {}),
    properties: {
      check: failure.check,
      bundle: bundle.file,
      bundleLine: bundle.line
    }
  })
}

/** One artifact as the signature stage sees it. */
export interface SignedArtifact {
  readonly absolute: string
  readonly relative: string
  readonly digests: Readonly<Partial<Record<DigestAlgorithm, string>>>
  readonly bundles: readonly LoadedBundle[]
}

/** What verifying an artifact's bundles found. */
export interface SignatureResult {
  readonly findings: Finding[]
  /** Labels of the bundles that verified, in order. */
  readonly verified: string[]
  /** The signer of the first bundle that verified. */
  readonly signer?: Readonly<Record<string, string>>
}

/** Verifies every bundle bound to the artifact; all of them must pass. */
export async function verifySignatures(
  verifier: BundleVerifier,
  artifact: SignedArtifact
): Promise<SignatureResult> {
  const findings: Finding[] = []
  const verified: string[] = []
  let signer: SignatureResult['signer']
  const readBytes = () => readFile(artifact.absolute)
  for (const bundle of artifact.bundles) {
    const outcome = await verifier.verify(bundle, {
      digests: artifact.digests,
      readBytes
    })
    if (!outcome.ok) {
      findings.push(signatureFinding(artifact.relative, bundle, outcome))
      continue
    }
    verified.push(bundleLabel(bundle))
    signer ??= outcome.signer
  }
  return { findings, verified, ...(signer ? { signer } : {}) }
}

/**
 * Binds the bundles given by input to the artifacts whose digest they
 * sign, and reports those that sign none of them: either they are for
 * another release or an artifact changed after it was signed.
 */
export function bindInputBundles(
  verifier: BundleVerifier,
  bundles: readonly LoadedBundle[],
  artifacts: readonly {
    readonly bundles: LoadedBundle[]
    readonly digests: SignedArtifact['digests']
  }[]
): Finding[] {
  const findings: Finding[] = []
  for (const bundle of bundles) {
    let used = false
    for (const artifact of artifacts) {
      if (!bundle.failure && verifier.covers(bundle, artifact.digests)) {
        artifact.bundles.push(bundle)
        used = true
      }
    }
    if (used) continue
    findings.push(
      signatureFinding(
        bundle.file,
        bundle,
        bundle.failure ?? {
          check: 'subject-digest',
          message: `it signs none of the ${artifacts.length} artifact(s) being verified`
        }
      )
    )
  }
  return findings
}

/**
 * The verifier for this run: trusted root and key loaded (relative to the
 * workspace), policy and thresholds applied.
 */
export async function createVerifier(
  settings: VerifySettings,
  workspace: string,
  policy: IdentityPolicy,
  log: (message: string) => void
): Promise<BundleVerifier> {
  const { trustedRoot, publicKey } = settings
  const trust = await loadTrust({
    ...(trustedRoot !== undefined
      ? {
          trustedRootPath: path.resolve(workspace, trustedRoot),
          trustedRootLabel: trustedRoot
        }
      : {}),
    ...(publicKey !== undefined
      ? {
          publicKeyPath: path.resolve(workspace, publicKey),
          publicKeyLabel: publicKey
        }
      : {})
  })
  log(`signatures: trusted root ${trust.source}`)
  return new BundleVerifier({
    trust,
    policy,
    ...(settings.tlogThreshold !== undefined
      ? { tlogThreshold: settings.tlogThreshold }
      : {}),
    ...(settings.timestampThreshold !== undefined
      ? { timestampThreshold: settings.timestampThreshold }
      : {}),
    ...(settings.ctlogThreshold !== undefined
      ? { ctlogThreshold: settings.ctlogThreshold }
      : {}),
    ...(settings.predicateType !== undefined
      ? { predicateType: settings.predicateType }
      : {})
  })
}
