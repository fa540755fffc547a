/**
 * Artifact verification: what ships is what was built, by whom, unchanged.
 * Checksums from manifests and Sigstore bundles, verified offline, failing
 * closed. The steps read as a procedure; each stage lives in its module.
 */
import { lstat, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Finding } from '../findings/finding.js'
import { createFinding } from '../findings/create.js'
import type { ArtifactRecord } from '../gate/result.js'
import {
  compareEntry,
  escapeFinding,
  loadManifests,
  type BoundEntry
} from './checksums.js'
import type { DigestAlgorithm } from './digests.js'
import { ArtifactsError } from './errors.js'
import { expandGlobs } from './globs.js'
import { hashFiles } from './hashing/pool.js'
import { containment, insideWorkspace } from './paths.js'
import {
  artifactPathEscape,
  checksumMissingArtifact,
  checksumNotListed,
  signatureMissing
} from './rules.js'
import type { VerifySettings } from './settings.js'
import {
  isBundleName,
  readBundles,
  sidecarsOf,
  signatureFinding,
  verifySignatures
} from './signatures.js'
import type { LoadedBundle } from './sigstore/bundle-file.js'
import { buildIdentityPolicy, constrainsSigner } from './sigstore/policy.js'
import { loadTrust } from './sigstore/trust.js'
import { BundleVerifier } from './sigstore/verify-bundle.js'

/** What verification produced: findings and the audit record. */
export interface VerifyResult {
  readonly findings: Finding[]
  readonly artifacts: ArtifactRecord[]
  readonly filesHashed: number
  readonly bytesHashed: number
}

/** An audit record being filled in. */
type Draft = { -readonly [K in keyof ArtifactRecord]?: ArtifactRecord[K] }

/** One file to verify, as it is assembled from globs and manifests. */
interface Candidate {
  readonly absolute: string
  readonly relative: string
  readonly entries: BoundEntry[]
  /** Matched by the `artifacts` globs (not only named by a manifest). */
  fromGlob: boolean
  bundles: LoadedBundle[]
}

/**
 * Verifies artifacts as `settings` asks. Resolves with findings (category
 * `integrity`) and one record per artifact; rejects with an
 * `ArtifactsError` for bad settings, an unreadable trusted root or key,
 * or a file that cannot be read. `log` receives progress lines, never
 * file contents.
 */
export async function verifyArtifacts(
  settings: VerifySettings,
  log: (message: string) => void = () => {}
): Promise<VerifyResult> {
  // 1. The workspace, and the policy (bad inputs fail before any work).
  const workspace = path.resolve(settings.workspace)
  const workspaceReal = await realWorkspace(workspace)
  const policy = buildIdentityPolicy(settings)
  const findings: Finding[] = []

  // 2. Manifests and the entries they hold.
  const manifestFiles = await expandGlobs(
    workspace,
    settings.checksums,
    'checksums'
  )
  const loaded = await loadManifests(workspace, workspaceReal, manifestFiles)
  findings.push(...loaded.findings)
  log(
    `checksums: ${loaded.manifests.length} manifest(s), ` +
      `${loaded.entries.length + loaded.digestOnly.length} entries`
  )

  // 3. The artifacts: glob matches plus every file a manifest names.
  const explicitBundles = await expandGlobs(
    workspace,
    settings.bundles,
    'bundle'
  )
  const notArtifacts = new Set([...manifestFiles, ...explicitBundles])
  const candidates = new Map<string, Candidate>()
  const globbed = await expandGlobs(workspace, settings.artifacts, 'artifacts')
  for (const absolute of globbed) {
    if (notArtifacts.has(absolute) || isBundleName(absolute)) continue
    const relative = insideWorkspace(workspace, absolute)!
    candidates.set(relative, {
      absolute,
      relative,
      entries: [],
      fromGlob: true,
      bundles: []
    })
  }
  if (settings.artifacts.length > 0 && candidates.size === 0) {
    throw new ArtifactsError(
      'settings-invalid',
      `artifacts: ${settings.artifacts.join(', ')} matched no files; ` +
        'a gate that verifies nothing would pass a release it never saw'
    )
  }
  for (const entry of loaded.entries) {
    let candidate = candidates.get(entry.relative)
    if (candidate === undefined) {
      candidate = { ...entry, entries: [], fromGlob: false, bundles: [] }
      candidates.set(entry.relative, candidate)
    }
    candidate.entries.push(entry)
  }

  // 4. Keep only regular files inside the workspace.
  const artifacts: Candidate[] = []
  for (const candidate of candidates.values()) {
    const kept = await admit(workspaceReal, candidate, findings)
    if (kept) artifacts.push(candidate)
  }

  // 5. Bundles: those given by input and those beside each artifact.
  const signing = settings.requireSignature || explicitBundles.length > 0
  const explicit = await readBundles(workspace, workspaceReal, explicitBundles)
  findings.push(...explicit.findings)
  for (const artifact of artifacts) {
    // A sidecar also given by input is read once, as an input bundle.
    const sidecars = (await sidecarsOf(artifact.absolute)).filter(
      file => !notArtifacts.has(file)
    )
    const read = await readBundles(workspace, workspaceReal, sidecars)
    findings.push(...read.findings)
    artifact.bundles.push(...read.bundles)
  }
  const anyBundle =
    explicit.bundles.length > 0 || artifacts.some(a => a.bundles.length > 0)
  if (
    (signing || anyBundle) &&
    settings.publicKey === undefined &&
    !constrainsSigner(policy)
  ) {
    throw new ArtifactsError(
      'identity-policy-missing',
      'verifying Sigstore bundles needs an identity policy: ' +
        'certificate-identity (or certificate-identity-regexp) with ' +
        'certificate-oidc-issuer, signer-repository, signer-workflow, or ' +
        'public-key for keyed signatures'
    )
  }

  // 6. Hash every artifact once, with every algorithm anything asks for.
  const jobs = artifacts.map(artifact => ({
    path: artifact.absolute,
    algorithms: algorithmsFor(artifact, explicit.bundles, loaded.digestOnly)
  }))
  const hashed = await hashFiles(jobs)
  const bytesHashed = hashed.reduce((sum, r) => sum + r.bytes, 0)
  log(`hashing: ${artifacts.length} file(s), ${bytesHashed} bytes`)

  // 7. Checksums.
  const records = new Map<Candidate, Draft>()
  const checksumWanted = settings.requireChecksum || loaded.manifests.length > 0
  artifacts.forEach((artifact, index) => {
    const digests = hashed[index]!.digests
    const manifests = new Set<string>()
    for (const entry of artifact.entries) {
      const mismatch = compareEntry(entry, digests)
      if (mismatch) findings.push(mismatch)
      else manifests.add(entry.manifest)
    }
    for (const entry of loaded.digestOnly) {
      if (digests[entry.algorithm] === entry.digest) {
        manifests.add(entry.manifest)
      }
    }
    if (artifact.entries.length === 0 && manifests.size === 0) {
      if (checksumWanted) findings.push(notListed(artifact, settings))
    }
    records.set(artifact, {
      path: artifact.relative,
      digests,
      bytes: hashed[index]!.bytes,
      ...(manifests.size > 0
        ? { manifest: [...manifests][0], manifests: [...manifests] }
        : {})
    })
  })

  // 8. Signatures, if any bundle is present or one is required.
  if (signing || anyBundle) {
    const trust = await loadTrust({
      ...(settings.trustedRoot !== undefined
        ? { trustedRootPath: path.resolve(workspace, settings.trustedRoot) }
        : {}),
      ...(settings.trustedRoot !== undefined
        ? { trustedRootLabel: settings.trustedRoot }
        : {}),
      ...(settings.publicKey !== undefined
        ? {
            publicKeyPath: path.resolve(workspace, settings.publicKey),
            publicKeyLabel: settings.publicKey
          }
        : {})
    })
    log(`signatures: trusted root ${trust.source}`)
    const verifier = new BundleVerifier({
      trust,
      policy,
      ...thresholds(settings),
      ...(settings.predicateType !== undefined
        ? { predicateType: settings.predicateType }
        : {})
    })
    const used = new Set<LoadedBundle>()
    for (const artifact of artifacts) {
      const record = records.get(artifact)!
      const digests = record.digests!
      for (const bundle of explicit.bundles) {
        if (!bundle.failure && verifier.covers(bundle, digests)) {
          artifact.bundles.push(bundle)
          used.add(bundle)
        }
      }
      const result = await verifySignatures(verifier, {
        ...artifact,
        digests
      })
      findings.push(...result.findings)
      if (result.verified) {
        record.bundle = result.verified.bundle
        record.bundles = artifact.bundles.map(b => b.file)
        record.signer = result.verified.signer
      } else if (settings.requireSignature && result.findings.length === 0) {
        findings.push(missingSignature(artifact))
      }
    }
    // A bundle given by input that signs none of the artifacts: either it
    // is for another release or an artifact changed since it was signed.
    for (const bundle of explicit.bundles) {
      if (used.has(bundle)) continue
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
  }

  // 9. The audit record.
  const failed = new Set(
    findings.filter(f => f.severity === 'error').map(f => f.file)
  )
  const records_ = artifacts.map(artifact => {
    const record = records.get(artifact)!
    return {
      ...record,
      verified: !failed.has(artifact.relative)
    } as ArtifactRecord
  })
  log(
    `verified: ${records_.filter(r => r.verified).length} of ` +
      `${records_.length} artifact(s), ${findings.length} finding(s)`
  )
  return {
    findings,
    artifacts: records_,
    filesHashed: artifacts.length,
    bytesHashed
  }
}

async function realWorkspace(workspace: string): Promise<string> {
  try {
    if (!(await stat(workspace)).isDirectory()) throw new Error('not a folder')
    return await realpath(workspace)
  } catch (cause) {
    throw new ArtifactsError(
      'workspace-invalid',
      `workspace '${workspace}' is not a folder`,
      { cause }
    )
  }
}

/**
 * Whether the candidate is a regular file inside the workspace; reports
 * why not when it is missing or leaves the workspace.
 */
async function admit(
  workspaceReal: string,
  candidate: Candidate,
  findings: Finding[]
): Promise<boolean> {
  const where = await containment(workspaceReal, candidate.absolute)
  if (where === 'missing') {
    for (const entry of candidate.entries) {
      findings.push(
        createFinding(checksumMissingArtifact, {
          file: candidate.relative,
          message: `${candidate.relative}: listed in ${entry.manifest} line ${entry.line} but not found (names are relative to the manifest's folder).`,
          value: `${entry.manifest}:${entry.line}`,
          properties: { manifest: entry.manifest, line: entry.line }
        })
      )
    }
    return false
  }
  if (where === 'outside') {
    if (candidate.fromGlob) {
      findings.push(
        createFinding(artifactPathEscape, {
          file: candidate.relative,
          message: `${candidate.relative}: a symbolic link to a file outside the workspace; it was not hashed.`,
          value: 'artifact-link'
        })
      )
    }
    for (const entry of candidate.entries) {
      findings.push(escapeFinding(entry.manifest, entry, 'link'))
    }
    return false
  }
  return (
    (await lstat(candidate.absolute).then(
      s => s.isFile() || s.isSymbolicLink(),
      () => false
    )) && (await stat(candidate.absolute)).isFile()
  )
}

function algorithmsFor(
  artifact: Candidate,
  explicit: readonly LoadedBundle[],
  digestOnly: readonly { readonly algorithm: DigestAlgorithm }[]
): DigestAlgorithm[] {
  const wanted = new Set<DigestAlgorithm>(['sha256'])
  for (const entry of [...artifact.entries, ...digestOnly]) {
    wanted.add(entry.algorithm)
  }
  for (const bundle of [...artifact.bundles, ...explicit]) {
    for (const subject of bundle.subjects) wanted.add(subject.algorithm)
  }
  return [...wanted]
}

function notListed(artifact: Candidate, settings: VerifySettings): Finding {
  return createFinding(checksumNotListed, {
    file: artifact.relative,
    message: `${artifact.relative}: in no checksum manifest, so nothing proves it is what was built.`,
    value: 'not-listed',
    severity: settings.requireChecksum ? 'error' : 'warning'
  })
}

function missingSignature(artifact: Candidate): Finding {
  return createFinding(signatureMissing, {
    file: artifact.relative,
    message: `${artifact.relative}: no Sigstore bundle beside it (.sigstore.json, .sigstore, .bundle) or given by input signs it, and a signature is required.`,
    value: 'signature-missing'
  })
}

function thresholds(settings: VerifySettings) {
  return {
    ...(settings.tlogThreshold !== undefined
      ? { tlogThreshold: settings.tlogThreshold }
      : {}),
    ...(settings.timestampThreshold !== undefined
      ? { timestampThreshold: settings.timestampThreshold }
      : {}),
    ...(settings.ctlogThreshold !== undefined
      ? { ctlogThreshold: settings.ctlogThreshold }
      : {})
  }
}
