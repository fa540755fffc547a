/**
 * The fake's check runs: what GitHub stores for each, how create, update,
 * get and list-annotations change and show it, and the failures a test
 * scripts. Requests reach it only after they validated.
 */

/** An annotation as stored on a check run. */
export interface StoredAnnotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly start_column?: number
  readonly end_column?: number
  readonly annotation_level: 'notice' | 'warning' | 'failure'
  readonly message: string
  readonly title?: string
  readonly raw_details?: string
}

/** What the fake knows about one check run. */
export interface CheckRunState {
  readonly id: number
  readonly owner: string
  readonly repo: string
  name: string
  headSha: string
  status: string
  conclusion: string | null
  startedAt: string | null
  completedAt: string | null
  detailsUrl: string | null
  externalId: string | null
  output: { title: string | null; summary: string | null; text: string | null }
  readonly annotations: StoredAnnotation[]
  /** Successful updates (PATCH requests) so far. */
  updates: number
}

/** A scripted failure: the first `times` matching calls get `status`. */
export interface TransientFailure {
  readonly on: 'create' | 'update'
  /** 403 is sent with exhausted rate-limit headers, like GitHub's. */
  readonly status: 502 | 500 | 429 | 403
  readonly times: number
}

export interface FakeGitHubOptions {
  /** Every create is refused so, as for a fork PR's read-only token. */
  readonly failCreateWith?: 403 | 404
  /** Every update after the first `failUpdateAfter` is refused so. */
  readonly failUpdateWith?: 403 | 404 | 422 | 500
  readonly failUpdateAfter?: number
  readonly transient?: readonly TransientFailure[]
  /** When set, other tokens get 401 Bad credentials. */
  readonly token?: string
}

/** An answer, before it is serialised. */
export interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Record<string, string>
}

const DOCS = 'https://docs.github.com/rest/checks/runs'

/** GitHub's error body for `status`. */
export function error(
  status: number,
  message: string,
  extra: object = {}
): Reply {
  return {
    status,
    body: { message, documentation_url: DOCS, status: String(status), ...extra }
  }
}

/**
 * Answers the Checks API operations the gate uses; the returned function
 * takes a validated request's operation id, path parameters and body.
 */
export function checkRunsApi(
  options: FakeGitHubOptions,
  checkRuns: Map<number, CheckRunState>,
  baseUrl: () => string
) {
  const transient = (options.transient ?? []).map(t => ({
    ...t,
    left: t.times
  }))
  let nextId = 1000

  const checkRunJson = (run: CheckRunState) => {
    const base = `${baseUrl()}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`
    return {
      id: run.id,
      head_sha: run.headSha,
      node_id: Buffer.from(`CheckRun${run.id}`).toString('base64'),
      external_id: run.externalId,
      url: base,
      html_url: `https://github.com/${run.owner}/${run.repo}/runs/${run.id}`,
      details_url: run.detailsUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${base}/annotations`
      },
      name: run.name,
      check_suite: { id: 1 },
      app: null,
      pull_requests: []
    }
  }

  const scripted = (on: 'create' | 'update'): Reply | undefined => {
    const failure = transient.find(t => t.on === on && t.left > 0)
    if (!failure) return undefined
    failure.left--
    if (failure.status === 403) {
      return {
        ...error(403, 'API rate limit exceeded'),
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0' }
      }
    }
    if (failure.status === 429) {
      return {
        ...error(429, 'Too many requests'),
        headers: { 'retry-after': '1' }
      }
    }
    return error(failure.status, 'Server Error')
  }

  return (
    operationId: string,
    params: Record<string, string>,
    body: Record<string, unknown>
  ): Reply => {
    const { owner = '', repo = '' } = params
    switch (operationId) {
      case 'checks/create': {
        if (options.failCreateWith === 403) {
          return error(403, 'Resource not accessible by integration')
        }
        if (options.failCreateWith === 404) return error(404, 'Not Found')
        const failure = scripted('create')
        if (failure) return failure
        const run: CheckRunState = {
          id: nextId++,
          owner,
          repo,
          name: String(body.name),
          headSha: String(body.head_sha),
          status: String(
            body.status ?? (body.conclusion ? 'completed' : 'queued')
          ),
          conclusion: (body.conclusion as string | undefined) ?? null,
          startedAt:
            (body.started_at as string | undefined) ?? new Date().toISOString(),
          completedAt: (body.completed_at as string | undefined) ?? null,
          detailsUrl: (body.details_url as string | undefined) ?? null,
          externalId: (body.external_id as string | undefined) ?? null,
          output: { title: null, summary: null, text: null },
          annotations: [],
          updates: 0
        }
        applyOutput(run, body)
        checkRuns.set(run.id, run)
        return { status: 201, body: checkRunJson(run) }
      }
      case 'checks/update': {
        const run = checkRuns.get(Number(params.check_run_id))
        if (!run || run.owner !== owner || run.repo !== repo) {
          return error(404, 'Not Found')
        }
        if (
          options.failUpdateWith !== undefined &&
          run.updates >= (options.failUpdateAfter ?? 0)
        ) {
          return options.failUpdateWith === 422
            ? error(422, 'Validation Failed', { errors: [] })
            : error(options.failUpdateWith, 'Update refused')
        }
        const failure = scripted('update')
        if (failure) return failure
        for (const key of ['name', 'details_url', 'external_id'] as const) {
          if (typeof body[key] === 'string') {
            const value = body[key]
            if (key === 'name') run.name = value
            if (key === 'details_url') run.detailsUrl = value
            if (key === 'external_id') run.externalId = value
          }
        }
        if (typeof body.started_at === 'string') run.startedAt = body.started_at
        if (typeof body.conclusion === 'string') {
          run.conclusion = body.conclusion
          run.status = 'completed'
          run.completedAt =
            (body.completed_at as string | undefined) ??
            new Date().toISOString()
        } else if (typeof body.status === 'string') run.status = body.status
        applyOutput(run, body)
        run.updates++
        return { status: 200, body: checkRunJson(run) }
      }
      case 'checks/get': {
        const run = checkRuns.get(Number(params.check_run_id))
        return run
          ? { status: 200, body: checkRunJson(run) }
          : error(404, 'Not Found')
      }
      case 'checks/list-annotations': {
        const run = checkRuns.get(Number(params.check_run_id))
        if (!run) return error(404, 'Not Found')
        const body = run.annotations.map(a => ({
          path: a.path,
          blob_href: `https://github.com/${owner}/${repo}/blob/${run.headSha}/${a.path}`,
          start_line: a.start_line,
          end_line: a.end_line,
          start_column: a.start_column ?? null,
          end_column: a.end_column ?? null,
          annotation_level: a.annotation_level,
          title: a.title ?? null,
          message: a.message,
          raw_details: a.raw_details ?? null
        }))
        return { status: 200, body }
      }
      default:
        // A real endpoint the fake does not implement.
        return error(404, 'Not Found')
    }
  }
}

function applyOutput(run: CheckRunState, body: Record<string, unknown>): void {
  const output = body.output as
    | {
        title?: string
        summary?: string
        text?: string
        annotations?: StoredAnnotation[]
      }
    | undefined
  if (!output) return
  run.output = {
    title: output.title ?? run.output.title,
    summary: output.summary ?? run.output.summary,
    text: output.text ?? run.output.text
  }
  // Annotations append across updates, as on GitHub.
  run.annotations.push(...(output.annotations ?? []))
}
