import { request } from 'node:http'
import { startFakeGitHub, type FakeGitHub } from './server.js'

const AUTH = {
  authorization: 'token test-token',
  accept: 'application/vnd.github+json'
}

async function send(
  fake: FakeGitHub,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = AUTH
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : {} }
}

/** A request with exactly these headers (fetch would add `accept`). */
function rawPost(
  fake: FakeGitHub,
  path: string,
  headers: Record<string, string>
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${fake.url}${path}`,
      { method: 'POST', headers },
      res => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      }
    )
    req.on('error', reject)
    req.end(JSON.stringify({ name: 'n', head_sha: 'c'.repeat(40) }))
  })
}

const CREATE = '/repos/acme/app/check-runs'
const sha = 'c'.repeat(40)

describe('fake GitHub Checks API', () => {
  let fake: FakeGitHub
  afterEach(() => fake.close())

  it('creates a check run that validates against the published response schema', async () => {
    fake = await startFakeGitHub()
    const { status, json } = await send(fake, 'POST', CREATE, {
      name: 'HIPAA Gate',
      head_sha: sha,
      status: 'in_progress'
    })
    expect(status).toBe(201)
    expect(json).toMatchObject({
      name: 'HIPAA Gate',
      head_sha: sha,
      status: 'in_progress'
    })
    expect(fake.checkRuns.get(json.id as number)?.status).toBe('in_progress')
    expect(fake.violations).toEqual([])
    expect(fake.requests[0]).toMatchObject({
      operationId: 'checks/create',
      status: 201
    })
  })

  it('refuses a body the description does not allow, and records it', async () => {
    fake = await startFakeGitHub()
    const { status } = await send(fake, 'POST', CREATE, {
      name: 'HIPAA Gate',
      head_sha: sha,
      status: 'running'
    })
    expect(status).toBe(422)
    expect(fake.violations).toEqual([
      expect.objectContaining({
        kind: 'body',
        message: expect.stringContaining('/status')
      })
    ])
  })

  it('refuses more than 50 annotations in one request', async () => {
    fake = await startFakeGitHub()
    const annotation = {
      path: 'a',
      start_line: 1,
      end_line: 1,
      annotation_level: 'notice',
      message: 'm'
    }
    const { status } = await send(fake, 'POST', CREATE, {
      name: 'n',
      head_sha: sha,
      output: {
        title: 't',
        summary: 's',
        annotations: Array(51).fill(annotation)
      }
    })
    expect(status).toBe(422)
    expect(fake.violations[0]?.message).toContain('/output/annotations')
  })

  it('refuses columns on an annotation that spans several lines', async () => {
    fake = await startFakeGitHub()
    const { status } = await send(fake, 'POST', CREATE, {
      name: 'n',
      head_sha: sha,
      output: {
        title: 't',
        summary: 's',
        annotations: [
          {
            path: 'a',
            start_line: 1,
            end_line: 3,
            start_column: 2,
            end_column: 4,
            annotation_level: 'failure',
            message: 'm'
          }
        ]
      }
    })
    expect(status).toBe(422)
    expect(fake.violations[0]).toMatchObject({ kind: 'rule' })
  })

  it('refuses a completed check run without a conclusion', async () => {
    fake = await startFakeGitHub()
    const created = await send(fake, 'POST', CREATE, {
      name: 'n',
      head_sha: sha
    })
    const { status } = await send(
      fake,
      'PATCH',
      `${CREATE}/${created.json.id}`,
      {
        status: 'completed'
      }
    )
    expect(status).toBe(422)
    expect(fake.violations).toHaveLength(1)
  })

  it('refuses a request without an authorization or accept header', async () => {
    fake = await startFakeGitHub()
    const json = { 'content-type': 'application/json' }
    const noAuth = await rawPost(fake, CREATE, { ...json, accept: '*/*' })
    const noAccept = await rawPost(fake, CREATE, {
      ...json,
      authorization: 'token x'
    })
    const both = await rawPost(fake, CREATE, { ...json, ...AUTH })
    expect([noAuth, noAccept, both]).toEqual([422, 422, 201])
    expect(fake.violations.map(v => v.kind)).toEqual(['header', 'header'])
  })

  it('refuses a path that is no operation of the API', async () => {
    fake = await startFakeGitHub()
    const { status } = await send(
      fake,
      'POST',
      '/repos/acme/app/check-runz',
      {}
    )
    expect(status).toBe(422)
    expect(fake.violations[0]).toMatchObject({ kind: 'route' })
  })

  it('appends annotations across updates and completes with the conclusion', async () => {
    fake = await startFakeGitHub()
    const created = await send(fake, 'POST', CREATE, {
      name: 'n',
      head_sha: sha
    })
    const id = created.json.id as number
    const note = {
      path: 'a.ts',
      start_line: 2,
      end_line: 2,
      annotation_level: 'warning',
      message: 'm'
    }
    await send(fake, 'PATCH', `${CREATE}/${id}`, {
      output: { title: 't', summary: 's', annotations: [note, note] }
    })
    const done = await send(fake, 'PATCH', `${CREATE}/${id}`, {
      conclusion: 'failure',
      output: { title: 't', summary: 's', annotations: [note] }
    })
    expect(done.json).toMatchObject({
      status: 'completed',
      conclusion: 'failure'
    })
    expect(done.json.output).toMatchObject({ annotations_count: 3 })
    const listed = await send(fake, 'GET', `${CREATE}/${id}/annotations`)
    expect(listed.status).toBe(200)
    expect(fake.violations).toEqual([])
  })

  it('answers scripted transient failures, then recovers', async () => {
    fake = await startFakeGitHub({
      transient: [{ on: 'create', status: 502, times: 2 }]
    })
    const body = { name: 'n', head_sha: sha }
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push((await send(fake, 'POST', CREATE, body)).status)
    expect(statuses).toEqual([502, 502, 201])
  })

  it('refuses every create with 403 when scripted as a fork token', async () => {
    fake = await startFakeGitHub({ failCreateWith: 403 })
    const { status, json } = await send(fake, 'POST', CREATE, {
      name: 'n',
      head_sha: sha
    })
    expect(status).toBe(403)
    expect(json.message).toBe('Resource not accessible by integration')
    expect(fake.checkRuns.size).toBe(0)
  })

  it('answers 401 to a token other than the expected one', async () => {
    fake = await startFakeGitHub({ token: 'right' })
    const { status } = await send(fake, 'POST', CREATE, {
      name: 'n',
      head_sha: sha
    })
    expect(status).toBe(401)
  })
})
