/**
 * Checks on revisions before they reach a git command line. Event payloads
 * and action inputs are attacker-influenced (a pull request from a fork
 * chooses its branch names), so nothing is passed to git that it could
 * read as an option or as more than one revision.
 */
import { SourceError } from './errors.js'

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

// A ref or revision expression: no leading dash or plus (an option, a
// forced refspec), no whitespace or control characters, no `..` ranges
// and none of the characters git forbids in ref names.
const SAFE_REVISION =
  /^(?![-+])(?!.{0,260}\.\.)[^\s\x00-\x1f\x7f~^:?*[\\]{1,250}(?:[~^]\d{0,6}){0,20}$/

/** True for a full SHA-1 or SHA-256 object id in lower-case hex. */
export function isObjectId(value: unknown): value is string {
  return typeof value === 'string' && OBJECT_ID.test(value)
}

/** True for an object id made only of zeros: GitHub's "no commit". */
export function isNullObjectId(value: string): boolean {
  return /^0{40}(?:0{24})?$/.test(value)
}

/**
 * Returns `value` if git can be given it as one revision (a SHA, a branch,
 * a tag, `HEAD~2`); throws `input-invalid` naming the input otherwise.
 */
export function checkRevision(value: string, input: string): string {
  const trimmed = value.trim()
  if (!SAFE_REVISION.test(trimmed)) {
    throw new SourceError(
      'input-invalid',
      `The ${input} input ${JSON.stringify(trimmed.slice(0, 80))} is not a ` +
        'commit SHA, branch or tag git can resolve (expected e.g. a 40-hex ' +
        'SHA or "main"; no leading "-", spaces or ".." ranges).'
    )
  }
  return trimmed
}

/**
 * Returns a branch name from an event payload if it is one git accepts as
 * a ref name; throws `event-invalid` naming the field otherwise.
 */
export function checkBranchName(value: unknown, field: string): string {
  if (
    typeof value !== 'string' ||
    !/^(?!-)(?!.{0,260}\.\.)(?!.{0,260}\/\/)[^\s\x00-\x1f\x7f~^:?*[\\]{1,250}$/.test(
      value
    )
  ) {
    throw new SourceError(
      'event-invalid',
      `The event payload's ${field} is missing or is not a branch name.`
    )
  }
  return value
}

/** The first seven characters of a SHA, for messages. */
export function shortSha(sha: string): string {
  return isObjectId(sha) ? sha.slice(0, 7) : sha
}
