/** What reading a checksum manifest produces, whatever its format. */
import type { DigestAlgorithm } from '../digests.js'

/** One digest the manifest records for one artifact. */
export interface ManifestEntry {
  /**
   * The artifact's name as written (after unescaping): a path relative to
   * the manifest's folder, or for in-toto subjects possibly a package URL.
   */
  readonly name: string
  readonly algorithm: DigestAlgorithm
  /** Lower-case hex. */
  readonly digest: string
  /** 1-based line of the manifest the entry is on. */
  readonly line: number
  /**
   * True when the name is not a file name (an in-toto subject such as
   * `pkg:npm/x@1.0.0`): the entry covers whichever artifact has its
   * digest, and is never reported missing.
   */
  readonly digestOnly?: boolean
}

/** A line that could not be read, and what was expected there. */
export interface ManifestProblem {
  readonly line: number
  readonly reason: string
}

export type ManifestFormat = 'gnu' | 'bsd' | 'sri' | 'in-toto'

export interface ParsedManifest {
  /** Formats seen, in order of first appearance. */
  readonly formats: readonly ManifestFormat[]
  readonly entries: readonly ManifestEntry[]
  readonly problems: readonly ManifestProblem[]
}
