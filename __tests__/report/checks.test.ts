import { inspect } from 'node:util'
import {
  abortCheckRun,
  checksClient,
  completeCheckRun,
  startCheckRun,
  type ChecksClient
} from '../../src/report/checks.js'
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github/server.js'
import {
  HEAD_SHA,
  leaks,
  manyFindings,
  plantedResult,
  resultWith
} from './gate-result.js'

const TOKEN = 'fake-installation-token'

describe('check run reporting', () => {
  let fake: FakeGitHub
  let delays: number[]
  let client: ChecksClient

  async function start(options: Parameters<typeof startFakeGitHub>[0] = {}) {
    fake = await startFakeGitHub({ token: TOKEN, ...options })
    delays = []
    client = checksClient({
      token: TOKEN,
      repository: 'acme/clinic-portal',
      apiUrl: fake.url,
      retry: { sleep: async ms => void delays.push(ms) }
    })
  }

  afterEach(() => fake.close())

  it('creates an in-progress run on the head commit and completes it with findings', async () => {
    await start()
    const { result, planted } = plantedResult()

    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error
    expect(fake.checkRuns.get(started.checkRunId)).toMatchObject({
      name: 'HIPAA Gate',
      headSha: HEAD_SHA,
      status: 'in_progress'
    })

    const done = await completeCheckRun(client, {
      checkRunId: started.checkRunId,
      result
    })
    expect(done).toEqual({
      completed: true,
      annotated: 4,
      notAnnotated: 0,
      requests: 1
    })
    const run = fake.checkRuns.get(started.checkRunId)!
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' })
    expect(run.output.title).toBe('Failed: 4 findings')
    // Most severe first, suppressed finding left out.
    expect(run.annotations.map(a => a.path)).toEqual([
      'deploy/aws.env',
      'fixtures/patients.csv',
      'keys/id_rsa',
      'src/config.ts'
    ])
    expect(run.annotations[0]).toMatchObject({
      annotation_level: 'failure',
      start_line: 2,
      end_line: 2,
      start_column: 19
    })
    expect(run.annotations[2]).not.toHaveProperty('start_column')
    expect(fake.violations).toEqual([])
    expect(leaks(JSON.stringify(fake.requests), planted)).toEqual([])
  })

  it('uses the check-name input as the run name', async () => {
    await start()
    const started = await startCheckRun(client, {
      headSha: HEAD_SHA,
      name: 'PHI gate'
    })
    expect(started.started).toBe(true)
    expect([...fake.checkRuns.values()][0]?.name).toBe('PHI gate')
  })

  it('sends 120 annotations over three updates and concludes with the last', async () => {
    await start()
    const { findings, planted } = manyFindings(120)
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error

    const done = await completeCheckRun(client, {
      checkRunId: started.checkRunId,
      result: resultWith(findings)
    })

    expect(done).toMatchObject({ completed: true, annotated: 120, requests: 3 })
    const updates = fake.requests.filter(r => r.operationId === 'checks/update')
    const bodies = updates.map(
      r => r.body as { status?: string; output: { annotations: unknown[] } }
    )
    expect(bodies.map(b => b.output.annotations.length)).toEqual([50, 50, 20])
    expect(bodies.map(b => b.status)).toEqual([
      undefined,
      undefined,
      'completed'
    ])
    expect(fake.checkRuns.get(started.checkRunId)!.annotations).toHaveLength(
      120
    )
    expect(fake.violations).toEqual([])
    expect(leaks(JSON.stringify(fake.requests), planted)).toEqual([])
  })

  it('caps the annotations it sends and says so in the summary', async () => {
    await start()
    const { findings } = manyFindings(60)
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error
    const done = await completeCheckRun(client, {
      checkRunId: started.checkRunId,
      result: resultWith(findings),
      maxAnnotations: 55
    })
    expect(done).toMatchObject({
      completed: true,
      annotated: 55,
      notAnnotated: 5
    })
    const run = fake.checkRuns.get(started.checkRunId)!
    expect(run.output.summary).toContain('5 failure annotations are not shown')
  })

  it('tells the caller to fall back when the token may not create checks (403)', async () => {
    await start({ failCreateWith: 403 })
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    expect(started).toMatchObject({ started: false, fallback: 'forbidden' })
    if (started.started) return
    expect(started.error).toMatchObject({
      code: 'check-run-create-failed',
      status: 403
    })
    expect(delays).toEqual([])
    expect(inspect(started.error, { depth: 8 })).not.toContain(TOKEN)
  })

  it('tells the caller to fall back on 404 as well', async () => {
    await start({ failCreateWith: 404 })
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    expect(started).toMatchObject({ started: false, fallback: 'not-found' })
  })

  it('retries a 502 with growing delays and then succeeds', async () => {
    await start({ transient: [{ on: 'create', status: 502, times: 2 }] })
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    expect(started.started).toBe(true)
    expect(delays).toEqual([1000, 2000])
    expect(
      fake.requests.filter(r => r.operationId === 'checks/create')
    ).toHaveLength(3)
  })

  it('retries a rate-limited 403 and a 429 while completing', async () => {
    await start({
      transient: [
        { on: 'update', status: 403, times: 1 },
        { on: 'update', status: 429, times: 1 }
      ]
    })
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error
    const done = await completeCheckRun(client, {
      checkRunId: started.checkRunId,
      result: plantedResult().result
    })
    expect(done.completed).toBe(true)
    expect(delays).toHaveLength(2)
  })

  it('gives up after a bounded number of tries', async () => {
    await start({ transient: [{ on: 'create', status: 500, times: 10 }] })
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    expect(started).toMatchObject({ started: false, fallback: 'failed' })
    expect(delays).toHaveLength(3)
  })

  it('returns the undelivered findings when completing fails, and still concludes if it can', async () => {
    await start({ failUpdateWith: 500, failUpdateAfter: 1 })
    const { findings } = manyFindings(70)
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error
    const done = await completeCheckRun(client, {
      checkRunId: started.checkRunId,
      result: resultWith(findings)
    })
    expect(done.completed).toBe(false)
    if (done.completed) return
    expect(done.undelivered).toHaveLength(20)
    expect(done.concluded).toBe(false)
    expect(done.error).toMatchObject({
      code: 'check-run-update-failed',
      status: 500
    })
    expect(fake.violations).toEqual([])
  })

  it('concludes the run as failed when the gate could not scan', async () => {
    await start()
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error
    const reason = 'No commit range: the push event has no "before" commit'
    const ok = await abortCheckRun(client, {
      checkRunId: started.checkRunId,
      reason
    })
    expect(ok).toBe(true)
    expect(fake.checkRuns.get(started.checkRunId)).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'The gate could not run', summary: reason }
    })
    expect(fake.violations).toEqual([])
  })

  it('reports, without throwing, that aborting failed', async () => {
    await start({ failUpdateWith: 404 })
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error
    const ok = await abortCheckRun(client, {
      checkRunId: started.checkRunId,
      reason: 'x'
    })
    expect(ok).toBe(false)
  })

  it('keeps summary and text under the API limit with a note on what was cut', async () => {
    await start()
    const { findings } = manyFindings(900)
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error
    const done = await completeCheckRun(client, {
      checkRunId: started.checkRunId,
      result: resultWith(findings),
      maxAnnotations: 0
    })
    expect(done.completed).toBe(true)
    const { output } = fake.checkRuns.get(started.checkRunId)!
    expect(output.text!.length).toBeLessThanOrEqual(65_535)
    expect(output.text).toMatch(/_Truncated: \d{1,9} more lines of the details/)
    expect(fake.violations).toEqual([])
  })
})

describe('checks client', () => {
  it('refuses a repository that is not owner/name', () => {
    expect(() => checksClient({ token: TOKEN, repository: 'nope' })).toThrow(
      'Repository "nope" is not of the form owner/name'
    )
  })
})
