/**
 * A fake of GitHub's Checks API for tests, on 127.0.0.1. It holds every
 * request to GitHub's published OpenAPI description: a request the real API
 * would refuse is answered 422 and recorded as a violation, which tests
 * assert is empty. Its own answers are validated against the description's
 * response schemas too, so a test cannot pass against answers GitHub would
 * never give.
 */
import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  describeErrors,
  findOperation,
  pathParameterSchemas,
  requestBodySchema,
  requiresBody,
  responseProblems,
  validatorFor,
  type Operation
} from './openapi.js'
import { checkRulesOf } from './check-rules.js'

/** A request as the fake saw it. */
export interface RecordedRequest {
  readonly method: string
  /** Path and query, as sent. */
  readonly path: string
  /** The operation matched in the description (`checks/create`, …). */
  readonly operationId?: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: unknown
  /** The status the fake answered. */
  status: number
}

/** A way in which a request, or the fake's own answer, broke the API. */
export interface Violation {
  readonly method: string
  readonly path: string
  readonly kind: 'route' | 'header' | 'body' | 'rule' | 'response'
  readonly message: string
}

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

export interface FakeGitHub {
  /** Base URL to use as `GITHUB_API_URL`. */
  readonly url: string
  readonly requests: RecordedRequest[]
  readonly checkRuns: Map<number, CheckRunState>
  readonly violations: Violation[]
  close(): Promise<void>
}

const MAX_BODY = 16 * 1024 * 1024
const DOCS = 'https://docs.github.com/rest/checks/runs'

interface Reply {
  readonly status: number
  readonly body?: unknown
  readonly headers?: Record<string, string>
}

function error(status: number, message: string, extra: object = {}): Reply {
  return {
    status,
    body: { message, documentation_url: DOCS, status: String(status), ...extra }
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeGitHub(
  options: FakeGitHubOptions = {}
): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = []
  const violations: Violation[] = []
  const checkRuns = new Map<number, CheckRunState>()
  const transient = (options.transient ?? []).map(t => ({
    ...t,
    left: t.times
  }))
  let nextId = 1000
  let url = ''

  const violate = (
    req: RecordedRequest,
    kind: Violation['kind'],
    message: string
  ): Reply => {
    violations.push({ method: req.method, path: req.path, kind, message })
    return error(422, `Request does not match GitHub's API: ${message}`)
  }

  const checkRunJson = (run: CheckRunState) => {
    const base = `${url}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`
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

  const apply = (
    operation: Operation,
    params: Record<string, string>,
    body: Record<string, unknown>
  ): Reply => {
    const { owner = '', repo = '' } = params
    switch (operation.operationId) {
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

  const handle = async (
    incoming: IncomingMessage,
    response: ServerResponse
  ): Promise<void> => {
    const method = incoming.method ?? 'GET'
    const path = incoming.url ?? '/'
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(incoming.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
    }
    const raw = await readBody(incoming)
    let body: unknown = raw
    const req: RecordedRequest = { method, path, headers, body, status: 0 }
    requests.push(req)

    const reply = ((): Reply => {
      const found = findOperation(method, path.split('?')[0]!)
      if (!found) return violate(req, 'route', `no operation ${method} ${path}`)
      const { operation, params } = found
      Object.assign(req, { operationId: operation.operationId })

      if (!/^(token|bearer) \S{1,1024}$/i.test(headers.authorization ?? '')) {
        return violate(
          req,
          'header',
          'authorization header missing or malformed'
        )
      }
      if (!headers.accept)
        return violate(req, 'header', 'accept header missing')
      const token = headers.authorization!.replace(/^\S{1,16} /, '')
      if (options.token !== undefined && token !== options.token) {
        return error(401, 'Bad credentials')
      }

      for (const [name, schema] of pathParameterSchemas(operation)) {
        const text = params[name] ?? ''
        const value = schema.type === 'integer' ? Number(text) : text
        const validate = validatorFor(
          `${operation.operationId}#${name}`,
          schema
        )
        if (!validate(value)) {
          return violate(
            req,
            'route',
            `path parameter ${name}: ${describeErrors(validate)}`
          )
        }
      }

      const schema = requestBodySchema(operation)
      let json: Record<string, unknown> = {}
      if (schema && (raw.length > 0 || requiresBody(operation))) {
        if (!/^application\/json/i.test(headers['content-type'] ?? '')) {
          return violate(req, 'header', 'content-type is not application/json')
        }
        try {
          body = JSON.parse(raw)
          Object.assign(req, { body })
        } catch {
          return violate(req, 'body', 'body is not JSON')
        }
        const validate = validatorFor(`${operation.operationId}#body`, schema)
        if (!validate(body)) {
          return violate(req, 'body', describeErrors(validate))
        }
        json = body as Record<string, unknown>
        const problems = checkRulesOf(operation.operationId, json)
        if (problems.length > 0) {
          return violate(req, 'rule', problems.join('; '))
        }
      }

      const answer = apply(operation, params, json)
      const problem = responseProblems(operation, answer.status, answer.body)
      if (problem) {
        violations.push({
          method,
          path,
          kind: 'response',
          message: `fake's own ${answer.status} answer: ${problem}`
        })
      }
      return answer
    })()

    req.status = reply.status
    response.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': `FAKE:${requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...reply.headers
    })
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch(() => {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ message: 'Fake GitHub crashed' }))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  url = `http://127.0.0.1:${port}`

  return {
    url,
    requests,
    checkRuns,
    violations,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(err => (err ? reject(err) : resolve()))
      })
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
