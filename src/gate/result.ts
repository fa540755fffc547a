/**
 * What one run of the gate produced: the input of every reporter. It holds
 * findings and facts about the run, never a matched value.
 */
import type { Finding, Severity } from '../findings/finding.js'
import type { RuleMetadata } from '../rules/rule.js'

/** The commits a diff scan compared. */
export interface CommitRange {
  /** The commit the change is compared from (a merge base for PRs). */
  readonly base: string
  readonly head: string
  /** How the range was chosen, e.g. `pull_request base...head`. */
  readonly description: string
}

/** A file the gate saw but did not read as text, and why. */
export interface SkippedFile {
  readonly path: string
  readonly reason: 'binary' | 'too-large' | 'submodule' | 'unreadable'
  readonly bytes?: number
}

/** What was scanned: the audit trail's answer to "was it really checked?". */
export interface ScanStats {
  readonly mode: 'diff' | 'full' | 'verify'
  readonly range?: CommitRange
  readonly filesScanned: number
  readonly linesScanned: number
  readonly bytesScanned: number
  readonly skipped: readonly SkippedFile[]
}

/** One artifact the integrity checks looked at (issue: artifact integrity). */
export interface ArtifactRecord {
  readonly path: string
  readonly digests: Readonly<Record<string, string>>
  readonly manifest?: string
  readonly bundle?: string
  readonly signer?: Readonly<Record<string, string>>
  readonly verified: boolean
  /** Size in bytes, as hashed. */
  readonly bytes?: number
  /** Every manifest that listed the artifact (`manifest` is the first). */
  readonly manifests?: readonly string[]
  /** Every bundle that verified for it (`bundle` is the first). */
  readonly bundles?: readonly string[]
}

export interface GateResult {
  readonly tool: { readonly name: string; readonly version: string }
  /** The GitHub event that triggered the run, or `cli`. */
  readonly event: string
  /** `owner/name`, when known. */
  readonly repository?: string
  /** The commit findings link to: the PR head, not the merge commit. */
  readonly headSha?: string
  readonly config: {
    /** The config file read, if any. */
    readonly path?: string
    /** SHA-256 of the effective configuration, for the audit record. */
    readonly digest: string
  }
  /** The rules that ran. */
  readonly rules: readonly RuleMetadata[]
  /** Every finding, suppressed ones included (they carry `suppression`). */
  readonly findings: readonly Finding[]
  readonly stats: ScanStats
  readonly artifacts?: readonly ArtifactRecord[]
  /** Milliseconds per phase (`source`, `scan`, `report`, …). */
  readonly timings: Readonly<Record<string, number>>
  readonly startedAt: string
  readonly failOn: Severity | 'never'
  /** `failure` when an active finding reaches `failOn`. */
  readonly conclusion: 'success' | 'failure'
}
