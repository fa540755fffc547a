/**
 * Completing a check run: the verdict, the output, and the annotations in
 * batches of 50 (the API's limit per request) over as many updates as
 * needed, the conclusion going with the last so the check never shows
 * complete while annotations are still arriving.
 */
import type { Finding } from '../findings/finding.js'
import type { GateResult } from '../gate/result.js'
import { annotationsFor, type Annotation } from './annotations.js'
import { checkRunOutput, type CheckRunOutput } from './check-output.js'
import type { ChecksClient } from './checks.js'
import { ReportError } from './errors.js'
import { describeFailure, statusOf, withRetry } from './retry.js'

/** The Checks API takes at most this many annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50
/** The gate's own cap, so a flood of findings cannot flood the API. */
export const DEFAULT_MAX_ANNOTATIONS = 1000

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
 * Completes the check run. Never throws: when an update fails, the result
 * says which findings the caller must still annotate another way.
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
        `${client.owner}/${client.repo} (${describeFailure(cause)}) after ` +
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
