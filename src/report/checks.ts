/**
 * The Checks API channel: a check run on the PR head commit, created
 * `in_progress` when the gate starts and completed with its verdict,
 * summary and annotations when it ends. A token that may not write checks
 * (fork pull requests get a read-only one) is a reason to fall back to
 * workflow commands, not a failure of the gate.
 */
import { getOctokit } from '@actions/github'
import type { Finding } from '../findings/finding.js'
import type { GateResult } from '../gate/result.js'
import { annotationsFor, type Annotation } from './annotations.js'
import { checkRunOutput, type CheckRunOutput } from './check-output.js'
import { ReportError } from './errors.js'
import { statusOf, withRetry, type RetryPolicy } from './retry.js'

/** The check run's name when the `check-name` input is not set. */
export const DEFAULT_CHECK_NAME = 'HIPAA Gate'
/** The Checks API takes at most this many annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50
/** The gate's own cap, so a flood of findings cannot flood the API. */
export const DEFAULT_MAX_ANNOTATIONS = 1000

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

function describe(error: unknown): string {
  const status = statusOf(error)
  return status === undefined ? 'no answer from GitHub' : `HTTP ${status}`
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
        `(${describe(cause)}); annotating with workflow commands instead`,
      { cause, ...(status !== undefined ? { status } : {}) }
    )
    const fallback =
      status === 403 ? 'forbidden' : status === 404 ? 'not-found' : 'failed'
    return { started: false, fallback, error }
  }
}

export interface CompleteCheckRunOptions {
  readonly checkRunId: number
  readonly result: GateResult
  /** GitHub's web address, for links in the summary. */
  readonly serverUrl?: string
  /** Most annotations sent in all (default 1000). */
  readonly maxAnnotations?: number
  readonly completedAt?: string
}

export type CompleteCheckRunResult =
  | {
      readonly completed: true
      readonly annotated: number
      /** Active findings left without an annotation by the cap. */
      readonly notAnnotated: number
      /** PATCH requests made. */
      readonly requests: number
    }
  | {
      readonly completed: false
      /** Whether the conclusion still reached the check run. */
      readonly concluded: boolean
      /** Findings whose annotations did not reach GitHub. */
      readonly undelivered: readonly Finding[]
      readonly error: ReportError
    }

type AnnotationParam = {
  path: string
  start_line: number
  end_line: number
  start_column?: number
  end_column?: number
  annotation_level: 'failure' | 'warning' | 'notice'
  message: string
  title: string
  raw_details: string
}

function toParam(a: Annotation): AnnotationParam {
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: a.endLine,
    ...(a.startColumn !== undefined
      ? { start_column: a.startColumn, end_column: a.endColumn }
      : {}),
    annotation_level: a.level,
    message: a.message,
    title: a.title,
    raw_details: a.rawDetails
  }
}

function capCounts(left: readonly Annotation[]) {
  const counts: Partial<Record<Annotation['level'], number>> = {}
  for (const a of left) counts[a.level] = (counts[a.level] ?? 0) + 1
  return counts
}

/**
 * Completes the check run: annotations in batches of 50 over as many
 * updates as needed, the conclusion with the last one, so the check never
 * shows complete while annotations are still arriving. Never throws: when
 * an update fails, the result says which findings the caller must still
 * annotate another way.
 */
export async function completeCheckRun(
  client: ChecksClient,
  options: CompleteCheckRunOptions
): Promise<CompleteCheckRunResult> {
  const { result } = options
  const all = annotationsFor(result.findings)
  const max = Math.max(0, options.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS)
  const sent = all.slice(0, max)
  const left = all.slice(max)
  const output = checkRunOutput(result, {
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    ...(left.length > 0
      ? {
          annotationsNotShown: {
            counts: capCounts(left),
            reason: 'check-run-limit' as const
          }
        }
      : {})
  })

  const batches: Annotation[][] = []
  for (let i = 0; i < sent.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(sent.slice(i, i + ANNOTATIONS_PER_REQUEST))
  }
  if (batches.length === 0) batches.push([])

  let delivered = 0
  let requests = 0
  try {
    for (const [index, batch] of batches.entries()) {
      const last = index === batches.length - 1
      await update(client, options, output, batch, last)
      requests++
      delivered += batch.length
    }
    return {
      completed: true,
      annotated: delivered,
      notAnnotated: left.length,
      requests
    }
  } catch (cause) {
    const status = statusOf(cause)
    const error = new ReportError(
      'check-run-update-failed',
      `Could not complete check run ${options.checkRunId} on ` +
        `${client.owner}/${client.repo} (${describe(cause)}) after ` +
        `${delivered} of ${sent.length} annotations; annotating the rest ` +
        'with workflow commands instead',
      { cause, ...(status !== undefined ? { status } : {}) }
    )
    // Still try to record the verdict, without annotations, so the check
    // does not stay in progress for ever.
    const concluded = await update(client, options, output, [], true).then(
      () => true,
      () => false
    )
    return {
      completed: false,
      concluded,
      undelivered: all.slice(delivered).map(a => a.finding),
      error
    }
  }
}

async function update(
  client: ChecksClient,
  options: CompleteCheckRunOptions,
  output: CheckRunOutput,
  batch: readonly Annotation[],
  last: boolean
): Promise<void> {
  const conclusion = last
    ? {
        status: 'completed' as const,
        conclusion: options.result.conclusion,
        completed_at: options.completedAt ?? new Date().toISOString()
      }
    : {}
  await withRetry(
    () =>
      client.octokit.rest.checks.update({
        owner: client.owner,
        repo: client.repo,
        check_run_id: options.checkRunId,
        ...conclusion,
        output: {
          title: output.title,
          summary: output.summary,
          // The long text goes once, with the conclusion; batches before
          // it only carry annotations.
          ...(last ? { text: output.text } : {}),
          ...(batch.length > 0 ? { annotations: batch.map(toParam) } : {})
        }
      }),
    client.retry
  )
}
