/**
 * Failures of the report stage. They are distinct from findings: a report
 * error means a channel could not deliver, never that the code is clean.
 */

/** What went wrong while reporting. */
export type ReportErrorCode =
  'check-run-create-failed' | 'check-run-update-failed' | 'invalid-input'

/**
 * A typed report failure. Messages name the operation and the HTTP status,
 * never a token or a finding's value; the original error stays as `cause`
 * (Octokit redacts the authorization header in its request errors).
 */
export class ReportError extends Error {
  readonly code: ReportErrorCode
  /** The HTTP status GitHub answered, when there was an answer. */
  readonly status?: number

  constructor(
    code: ReportErrorCode,
    message: string,
    options: { cause?: unknown; status?: number } = {}
  ) {
    super(message, { cause: options.cause })
    this.name = 'ReportError'
    this.code = code
    if (options.status !== undefined) this.status = options.status
  }
}
