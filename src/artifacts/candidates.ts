/**
 * The files to verify: those the `artifacts` globs match plus every file
 * a manifest names, kept only when they are regular files inside the
 * workspace. Manifests and bundles are never artifacts themselves.
 */
import { lstat, stat } from 'node:fs/promises'
import type { Finding } from '../findings/finding.js'
import { createFinding } from '../findings/create.js'
import { escapeFinding, type BoundEntry } from './checksums.js'
import { ArtifactsError } from './errors.js'
import { containment, insideWorkspace } from './paths.js'
import { artifactPathEscape, checksumMissingArtifact } from './rules.js'
import { SIDECAR_SUFFIXES } from './signatures.js'
import type { LoadedBundle } from './sigstore/bundle-file.js'

/** One file to verify and what applies to it. */
export interface Candidate {
  readonly absolute: string
  readonly relative: string
  /** Manifest entries naming it. */
  readonly entries: BoundEntry[]
  /** Matched by the `artifacts` globs (not only named by a manifest). */
  readonly fromGlob: boolean
  /** Bundles to verify for it. */
  readonly bundles: LoadedBundle[]
}

/**
 * Merges glob matches (absolute paths) and manifest entries into one
 * candidate per file. `excluded` holds the manifests and bundles given
 * by input. Throws when the globs were given and match nothing.
 */
export function collectCandidates(
  workspace: string,
  patterns: readonly string[],
  globbed: readonly string[],
  entries: readonly BoundEntry[],
  excluded: ReadonlySet<string>
): Candidate[] {
  const candidates = new Map<string, Candidate>()
  const matched = new Set(globbed)
  for (const absolute of globbed) {
    if (excluded.has(absolute) || isSidecarOf(absolute, matched)) continue
    const relative = insideWorkspace(workspace, absolute)!
    candidates.set(relative, {
      absolute,
      relative,
      entries: [],
      fromGlob: true,
      bundles: []
    })
  }
  if (patterns.length > 0 && candidates.size === 0) {
    throw new ArtifactsError(
      'settings-invalid',
      `artifacts: ${patterns.join(', ')} matched no files; ` +
        'a gate that verifies nothing would pass a release it never saw'
    )
  }
  for (const entry of entries) {
    let candidate = candidates.get(entry.relative)
    if (candidate === undefined) {
      candidate = {
        absolute: entry.absolute,
        relative: entry.relative,
        entries: [],
        fromGlob: false,
        bundles: []
      }
      candidates.set(entry.relative, candidate)
    }
    candidate.entries.push(entry)
  }
  return [...candidates.values()]
}

/**
 * True for `<artifact>.sigstore.json` and the like when `<artifact>` is
 * matched too: the bundle is verified with its artifact, not as one. A
 * file that merely ends in `.bundle` is still an artifact.
 */
function isSidecarOf(file: string, matched: ReadonlySet<string>): boolean {
  return SIDECAR_SUFFIXES.some(
    suffix =>
      file.endsWith(suffix) && matched.has(file.slice(0, -suffix.length))
  )
}

/**
 * Whether the candidate is a regular file inside the workspace (through
 * any symbolic links); adds a finding saying why not when it is missing
 * or leaves the workspace. Folders are skipped silently.
 */
export async function admit(
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
  const link = await lstat(candidate.absolute)
  return link.isFile() || (await stat(candidate.absolute)).isFile()
}
