/**
 * Artifact verification: what ships is what was built, by whom, unchanged.
 * Checksums from manifests and Sigstore bundles, verified offline, failing
 * closed. The steps read as a procedure; each stage lives in its module.
 */
import { realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Finding } from '../findings/finding.js'
import { createFinding } from '../findings/create.js'
import type { ArtifactRecord } from '../gate/result.js'
import { admit, collectCandidates, type Candidate } from './candidates.js'
import {
  compareEntry,
  loadManifests,
  type DigestOnlyEntry
} from './checksums.js'
import type { DigestAlgorithm } from './digests.js'
import { ArtifactsError } from './errors.js'
import { expandGlobs } from './globs.js'
import { hashFiles, type HashResult } from './hashing/pool.js'
import { checksumNotListed, signatureMissing } from './rules.js'
import type { VerifySettings } from './settings.js'
import {
  bindInputBundles,
  createVerifier,
  readBundles,
  sidecarsOf,
  verifySignatures
} from './signatures.js'
import type { LoadedBundle } from './sigstore/bundle-file.js'
import {
  buildIdentityPolicy,
  constrainsSigner,
  type IdentityPolicy
} from './sigstore/policy.js'

/** What verification produced: findings and the audit record. */
export interface VerifyResult {
  readonly findings: Finding[]
  readonly artifacts: ArtifactRecord[]
  readonly filesHashed: number
  readonly bytesHashed: number
}

/** An audit record being filled in. */
type Draft = { -readonly [K in keyof ArtifactRecord]?: ArtifactRecord[K] }

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
  // 1. The workspace and the policy: bad inputs fail before any work.
  const workspace = path.resolve(settings.workspace)
  const workspaceReal = await realWorkspace(workspace)
  const policy = buildIdentityPolicy(settings)
  checkThresholds(settings)
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

  // 3. The artifacts: glob matches plus every file a manifest names,
  // kept when they are regular files inside the workspace.
  const inputBundles = await expandGlobs(workspace, settings.bundles, 'bundle')
  const inputs = new Set([...manifestFiles, ...inputBundles])
  const globbed = await expandGlobs(workspace, settings.artifacts, 'artifacts')
  const artifacts: Candidate[] = []
  for (const candidate of collectCandidates(
    workspace,
    settings.artifacts,
    globbed,
    loaded.entries,
    inputs
  )) {
    if (await admit(workspaceReal, candidate, findings)) {
      artifacts.push(candidate)
    }
  }

  // 4. Bundles: those given by input and those beside each artifact (a
  // sidecar also given by input is read once, as an input bundle).
  const given = await readBundles(workspace, workspaceReal, inputBundles)
  findings.push(...given.findings)
  for (const artifact of artifacts) {
    const sidecars = await sidecarsOf(artifact.absolute)
    const read = await readBundles(
      workspace,
      workspaceReal,
      sidecars.filter(file => !inputs.has(file))
    )
    findings.push(...read.findings)
    artifact.bundles.push(...read.bundles)
  }
  const signing =
    settings.requireSignature ||
    given.bundles.length > 0 ||
    artifacts.some(a => a.bundles.length > 0)
  if (signing) requireSignerPolicy(settings, policy)

  // 5. Hash every artifact once, with every algorithm anything asks for.
  const hashed = await hashFiles(
    artifacts.map(artifact => ({
      path: artifact.absolute,
      algorithms: algorithmsFor(artifact, given.bundles, loaded.digestOnly)
    }))
  )
  const bytesHashed = hashed.reduce((sum, r) => sum + r.bytes, 0)
  log(`hashing: ${artifacts.length} file(s), ${bytesHashed} bytes`)

  // 6. Checksums.
  const drafts = artifacts.map((artifact, i) =>
    checkChecksums(artifact, hashed[i]!, loaded.digestOnly, findings, {
      wanted: settings.requireChecksum || loaded.manifests.length > 0,
      required: settings.requireChecksum
    })
  )

  // 7. Signatures, when a bundle is present or one is required.
  if (signing) {
    const verifier = await createVerifier(settings, workspace, policy, log)
    const bound = artifacts.map((artifact, i) => ({
      bundles: artifact.bundles,
      digests: hashed[i]!.digests
    }))
    findings.push(...bindInputBundles(verifier, given.bundles, bound))
    log(
      `signatures: ${artifacts.reduce((n, a) => n + a.bundles.length, 0)} ` +
        `bundle(s) bound to ${artifacts.length} artifact(s)`
    )
    for (const [i, artifact] of artifacts.entries()) {
      const result = await verifySignatures(verifier, {
        ...artifact,
        digests: hashed[i]!.digests
      })
      findings.push(...result.findings)
      const draft = drafts[i]!
      if (result.signer) {
        draft.bundle = result.verified[0]
        draft.bundles = result.verified
        draft.signer = result.signer
      } else if (settings.requireSignature && result.findings.length === 0) {
        findings.push(missingSignature(artifact))
      }
    }
  }

  // 8. The audit record: verified means covered by a manifest or a
  // bundle, and no error against the artifact.
  const failed = new Set(
    findings.filter(f => f.severity === 'error').map(f => f.file)
  )
  const records = drafts.map(
    draft =>
      ({
        ...draft,
        verified:
          !failed.has(draft.path!) &&
          (draft.manifest !== undefined || draft.bundle !== undefined)
      }) as ArtifactRecord
  )
  log(
    `verified: ${records.filter(r => r.verified).length} of ` +
      `${records.length} artifact(s), ${findings.length} finding(s)`
  )
  return {
    findings,
    artifacts: records,
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

function checkThresholds(settings: VerifySettings): void {
  const thresholds = {
    'tlog-threshold': settings.tlogThreshold,
    'timestamp-threshold': settings.timestampThreshold,
    'ctlog-threshold': settings.ctlogThreshold
  }
  for (const [input, value] of Object.entries(thresholds)) {
    if (value === undefined) continue
    if (!Number.isInteger(value) || value < 0 || value > 16) {
      throw new ArtifactsError(
        'settings-invalid',
        `${input} is ${value}; expected a whole number from 0 to 16`
      )
    }
  }
}

/** Signatures prove nothing unless the gate knows whose to accept. */
function requireSignerPolicy(
  settings: VerifySettings,
  policy: IdentityPolicy
): void {
  if (settings.publicKey !== undefined || constrainsSigner(policy)) return
  throw new ArtifactsError(
    'identity-policy-missing',
    'verifying Sigstore bundles needs an identity policy: ' +
      'certificate-identity (or certificate-identity-regexp) with ' +
      'certificate-oidc-issuer, signer-repository, signer-workflow, or ' +
      'public-key for keyed signatures'
  )
}

function algorithmsFor(
  artifact: Candidate,
  given: readonly LoadedBundle[],
  digestOnly: readonly DigestOnlyEntry[]
): DigestAlgorithm[] {
  const wanted = new Set<DigestAlgorithm>(['sha256'])
  for (const entry of [...artifact.entries, ...digestOnly]) {
    wanted.add(entry.algorithm)
  }
  for (const bundle of [...artifact.bundles, ...given]) {
    for (const subject of bundle.subjects) wanted.add(subject.algorithm)
  }
  return [...wanted]
}

/** Compares the artifact with its entries; starts its audit record. */
function checkChecksums(
  artifact: Candidate,
  hashed: HashResult,
  digestOnly: readonly DigestOnlyEntry[],
  findings: Finding[],
  checksum: { readonly wanted: boolean; readonly required: boolean }
): Draft {
  const manifests = new Set<string>()
  for (const entry of artifact.entries) {
    const mismatch = compareEntry(entry, hashed.digests)
    if (mismatch) findings.push(mismatch)
    else manifests.add(entry.manifest)
  }
  for (const entry of digestOnly) {
    if (hashed.digests[entry.algorithm] === entry.digest) {
      manifests.add(entry.manifest)
    }
  }
  if (checksum.wanted && artifact.entries.length === 0 && !manifests.size) {
    findings.push(
      createFinding(checksumNotListed, {
        file: artifact.relative,
        message: `${artifact.relative}: in no checksum manifest, so nothing proves it is what was built.`,
        value: 'not-listed',
        kind: 'artifact',
        severity: checksum.required ? 'error' : 'warning'
      })
    )
  }
  const listed = [...manifests]
  return {
    path: artifact.relative,
    digests: hashed.digests,
    bytes: hashed.bytes,
    ...(listed.length > 0 ? { manifest: listed[0], manifests: listed } : {})
  }
}

function missingSignature(artifact: Candidate): Finding {
  return createFinding(signatureMissing, {
    file: artifact.relative,
    message: `${artifact.relative}: no Sigstore bundle beside it (.sigstore.json, .sigstore, .bundle) or given by input signs it, and a signature is required.`,
    value: 'signature-missing',
    kind: 'artifact'
  })
}
