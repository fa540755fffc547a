/**
 * Checksum manifests into entries bound to workspace files, and entries
 * compared with the digests of those files. Manifest content is untrusted:
 * names are resolved against the manifest's folder and refused when they
 * leave the workspace.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Finding } from '../findings/finding.js'
import { createFinding } from '../findings/create.js'
import { displayName, isStrong, type DigestAlgorithm } from './digests.js'
import { parseManifest, type ManifestEntry } from './manifests/index.js'
import { containment, insideWorkspace, resolveManifestName } from './paths.js'
import {
  checksumManifestInvalid,
  checksumMismatch,
  checksumWeakAlgorithm,
  manifestPathEscape
} from './rules.js'

// Manifests list files; one of this size is not a manifest.
const MAX_MANIFEST = 64 * 1024 * 1024

/** An entry whose name resolved to a file inside the workspace. */
export interface BoundEntry extends ManifestEntry {
  /** Workspace-relative path of the manifest. */
  readonly manifest: string
  /** Absolute and workspace-relative path of the artifact it names. */
  readonly absolute: string
  readonly relative: string
}

/** An in-toto subject named by a package URL: matched by digest alone. */
export interface DigestOnlyEntry extends ManifestEntry {
  readonly manifest: string
}

export interface LoadedManifests {
  readonly manifests: readonly string[]
  readonly entries: readonly BoundEntry[]
  readonly digestOnly: readonly DigestOnlyEntry[]
  readonly findings: readonly Finding[]
}

/** Reads and parses the manifests at these absolute paths. */
export async function loadManifests(
  workspace: string,
  workspaceReal: string,
  files: readonly string[]
): Promise<LoadedManifests> {
  const manifests: string[] = []
  const entries: BoundEntry[] = []
  const digestOnly: DigestOnlyEntry[] = []
  const findings: Finding[] = []

  for (const absolute of files) {
    const manifest = insideWorkspace(workspace, absolute)!
    if ((await containment(workspaceReal, absolute)) === 'outside') {
      findings.push(
        createFinding(manifestPathEscape, {
          file: manifest,
          message: `${manifest}: the manifest is a symbolic link that leaves the workspace; it was not read.`,
          value: 'manifest-link'
        })
      )
      continue
    }
    const text = await readManifest(absolute)
    if (text === undefined) {
      findings.push(
        createFinding(checksumManifestInvalid, {
          file: manifest,
          message: `${manifest}: cannot be read as a checksum manifest (unreadable or larger than 64 MiB).`,
          value: 'unreadable'
        })
      )
      continue
    }
    manifests.push(manifest)
    const parsed = parseManifest(text)
    for (const problem of parsed.problems) {
      findings.push(
        createFinding(checksumManifestInvalid, {
          file: manifest,
          line: problem.line,
          message: `${manifest} line ${problem.line}: ${problem.reason}.`,
          value: `line:${problem.line}`,
          properties: { reason: problem.reason }
        })
      )
    }
    const folder = path.dirname(absolute)
    for (const entry of parsed.entries) {
      if (entry.digestOnly) {
        if (isStrong(entry.algorithm)) digestOnly.push({ ...entry, manifest })
        continue
      }
      const target = resolveManifestName(workspace, folder, entry.name)
      if (!target.ok) {
        findings.push(escapeFinding(manifest, entry, target.reason))
        continue
      }
      if (!isStrong(entry.algorithm)) {
        findings.push(weakFinding(manifest, entry, target.relative))
        continue
      }
      entries.push({ ...entry, manifest, ...target })
    }
  }
  return { manifests, entries, digestOnly, findings }
}

async function readManifest(file: string): Promise<string | undefined> {
  try {
    if ((await stat(file)).size > MAX_MANIFEST) return undefined
    return await readFile(file, 'utf8')
  } catch {
    return undefined
  }
}

/** A manifest entry refused because it leaves the workspace. */
export function escapeFinding(
  manifest: string,
  entry: ManifestEntry,
  reason: 'absolute' | 'escapes' | 'link'
): Finding {
  const why =
    reason === 'absolute'
      ? 'is an absolute path'
      : reason === 'escapes'
        ? 'leaves the workspace with ..'
        : 'is a symbolic link to a file outside the workspace'
  return createFinding(manifestPathEscape, {
    file: manifest,
    line: entry.line,
    message: `${manifest} line ${entry.line}: the listed file ${why}; it was not hashed.`,
    value: `${entry.line}:${entry.name}`,
    properties: { reason }
  })
}

function weakFinding(
  manifest: string,
  entry: ManifestEntry,
  artifact: string
): Finding {
  const name = displayName(entry.algorithm)
  return createFinding(checksumWeakAlgorithm, {
    file: artifact,
    message: `${artifact}: ${manifest} line ${entry.line} gives only a ${name} digest, which is too weak to prove integrity; publish SHA-256 or SHA-512.`,
    value: `${manifest}:${entry.algorithm}:${entry.digest}`,
    kind: `${name} digest`,
    properties: { manifest, line: entry.line, algorithm: entry.algorithm }
  })
}

/** A finding when `actual` differs from what the entry records. */
export function compareEntry(
  entry: BoundEntry,
  actual: Readonly<Partial<Record<DigestAlgorithm, string>>>
): Finding | undefined {
  const digest = actual[entry.algorithm]
  if (digest === entry.digest) return undefined
  const name = displayName(entry.algorithm)
  return createFinding(checksumMismatch, {
    file: entry.relative,
    message: `${entry.relative}: ${name} digest does not match ${entry.manifest} line ${entry.line}; the file changed after the manifest was written.`,
    value: `${entry.manifest}:${entry.algorithm}:${entry.digest}`,
    kind: `${name} digest`,
    properties: {
      manifest: entry.manifest,
      line: entry.line,
      algorithm: entry.algorithm,
      expected: entry.digest,
      actual: digest ?? ''
    }
  })
}
