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
  validatorFor
} from './openapi.js'
import { checkRulesOf } from './check-rules.js'
import {
  checkRunsApi,
  error,
  type CheckRunState,
  type FakeGitHubOptions,
  type Reply
} from './check-runs.js'

export type {
  CheckRunState,
  FakeGitHubOptions,
  StoredAnnotation,
  TransientFailure
} from './check-runs.js'

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

export interface FakeGitHub {
  /** Base URL to use as `GITHUB_API_URL`. */
  readonly url: string
  readonly requests: RecordedRequest[]
  readonly checkRuns: Map<number, CheckRunState>
  readonly violations: Violation[]
  close(): Promise<void>
}

const MAX_BODY = 16 * 1024 * 1024

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
  let url = ''

  const violate = (
    req: RecordedRequest,
    kind: Violation['kind'],
    message: string
  ): Reply => {
    violations.push({ method: req.method, path: req.path, kind, message })
    return error(422, `Request does not match GitHub's API: ${message}`)
  }

  const apply = checkRunsApi(options, checkRuns, () => url)

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

      const answer = apply(operation.operationId, params, json)
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
