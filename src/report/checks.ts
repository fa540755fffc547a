/**
 * The Checks API channel: a check run on the PR head commit, created
 * `in_progress` when the gate starts and completed with its verdict,
 * summary and annotations when it ends. A token that may not write checks
 * (fork pull requests get a read-only one) is a reason to fall back to
 * workflow commands, not a failure of the gate.
 */
import { getOctokit } from '@actions/github'
import { clip } from './annotations.js'
import { CHECK_OUTPUT_MAX } from './check-output.js'
import { ReportError } from './errors.js'
import {
  describeFailure,
  statusOf,
  withRetry,
  type RetryPolicy
} from './retry.js'

export {
  ANNOTATIONS_PER_REQUEST,
  completeCheckRun,
  DEFAULT_MAX_ANNOTATIONS,
  type CompleteCheckRunOptions,
  type CompleteCheckRunResult
} from './check-completion.js'

/** The check run's name when the `check-name` input is not set. */
export const DEFAULT_CHECK_NAME = 'HIPAA Gate'

type Octokit = ReturnType<typeof getOctokit>

/** An authenticated connection to one repository's Checks API. */
export interface ChecksClient {
  readonly octokit: Octokit
  readonly owner: string
  readonly repo: string
  readonly retry: RetryPolicy
}

export interface ChecksClientOptions {
  /** A token allowed `checks: write`; never logged. */
  readonly token: string
  /** `owner/name`. */
  readonly repository: string
  /** REST API root; default `GITHUB_API_URL`, then api.github.com. */
  readonly apiUrl?: string
  readonly retry?: RetryPolicy
}

/** Connects to the Checks API of `repository`. */
export function checksClient(options: ChecksClientOptions): ChecksClient {
  const [owner, repo, ...rest] = options.repository.split('/')
  if (!owner || !repo || rest.length > 0) {
    throw new ReportError(
      'invalid-input',
      `Repository "${options.repository}" is not of the form owner/name`
    )
  }
  if (!options.token) {
    throw new ReportError(
      'invalid-input',
      'No GitHub token for the Checks API: pass the github-token input ' +
        '(the default is the workflow token, which needs checks: write)'
    )
  }
  // @actions/github reads GITHUB_API_URL once, when it is first imported;
  // passing it here makes a later change (and a test server) count.
  const baseUrl =
    options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com'
  const octokit = getOctokit(options.token, { baseUrl })
  return { octokit, owner, repo, retry: options.retry ?? {} }
}

export interface StartCheckRunOptions {
  /** The commit the check run belongs to: the PR head, not the merge. */
  readonly headSha: string
  /** The `check-name` input; default `HIPAA Gate`. */
  readonly name?: string
  /** Link to the workflow run, shown as the check's details. */
  readonly detailsUrl?: string
  readonly startedAt?: string
}

/** Either a check run to complete later, or why the caller must fall back. */
export type StartCheckRunResult =
  | { readonly started: true; readonly checkRunId: number }
  | {
      readonly started: false
      /**
       * `forbidden` (403) and `not-found` (404): the token may not write
       * checks here, as on fork pull requests. `failed`: any other error.
       */
      readonly fallback: 'forbidden' | 'not-found' | 'failed'
      readonly error: ReportError
    }

/** Creates the `in_progress` check run. Never throws. */
export async function startCheckRun(
  client: ChecksClient,
  options: StartCheckRunOptions
): Promise<StartCheckRunResult> {
  try {
    const response = await withRetry(
      () =>
        client.octokit.rest.checks.create({
          owner: client.owner,
          repo: client.repo,
          name: options.name ?? DEFAULT_CHECK_NAME,
          head_sha: options.headSha,
          status: 'in_progress',
          started_at: options.startedAt ?? new Date().toISOString(),
          ...(options.detailsUrl ? { details_url: options.detailsUrl } : {})
        }),
      client.retry
    )
    return { started: true, checkRunId: response.data.id }
  } catch (cause) {
    const status = statusOf(cause)
    const error = new ReportError(
      'check-run-create-failed',
      `Could not create the check run on ${client.owner}/${client.repo} ` +
        `(${describeFailure(cause)}); annotating with workflow commands instead`,
      { cause, ...(status !== undefined ? { status } : {}) }
    )
    const fallback =
      status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'failed'
    return { started: false, fallback, error }
  }
}

/** Why the gate stopped before it had a verdict. */
export interface AbortCheckRunOptions {
  readonly checkRunId: number
  /** A typed error's message: names the input at fault, never a value. */
  readonly reason: string
  readonly completedAt?: string
}

/**
 * Concludes the check run as failed when the gate could not scan at all
 * (no commit range, unreadable configuration), so it does not stay in
 * progress. Resolves to whether GitHub took the update; never throws.
 */
export async function abortCheckRun(
  client: ChecksClient,
  options: AbortCheckRunOptions
): Promise<boolean> {
  try {
    await withRetry(
      () =>
        client.octokit.rest.checks.update({
          owner: client.owner,
          repo: client.repo,
          check_run_id: options.checkRunId,
          status: 'completed',
          conclusion: 'failure',
          completed_at: options.completedAt ?? new Date().toISOString(),
          output: {
            title: 'The gate could not run',
            summary: clip(options.reason, CHECK_OUTPUT_MAX)
          }
        }),
      client.retry
    )
    return true
  } catch {
    return false
  }
}
