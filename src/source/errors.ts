/**
 * Failures to find the text to scan. They stop the gate: a scan that
 * cannot see the change must not pass as a scan that found nothing.
 */

/** What went wrong while reading the change from git or the file system. */
export type SourceErrorCode =
  /** `cwd` is not inside a git work tree where one is required. */
  | 'not-a-repository'
  /** The commits to compare, or their merge base, are not available. */
  | 'range-unresolvable'
  /** A git command exited non-zero for a reason not covered below. */
  | 'git-failed'
  /** The `git` executable could not be started. */
  | 'git-missing'
  /** The event has no commit range and no `base`/`head` inputs were set. */
  | 'event-unsupported'
  /** The event payload lacks a field the event needs, or it is malformed. */
  | 'event-invalid'
  /** A `base` or `head` input is not a revision git can be given safely. */
  | 'input-invalid'
  /** The path does not exist at the revision, or is not a file there. */
  | 'blob-missing'
  /** A file in the work tree could not be read. */
  | 'file-unreadable'

/**
 * The one error type of `src/source/`. Messages name the git command or the
 * input at fault and what to do; they never hold credentials, remote URLs
 * with user info, or file contents.
 */
export class SourceError extends Error {
  readonly code: SourceErrorCode

  constructor(
    code: SourceErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'SourceError'
    this.code = code
  }
}
