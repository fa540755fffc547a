/**
 * The channels together, as the action uses them when the check run is not
 * available: every finding still reaches the reader.
 */
import {
  checksClient,
  completeCheckRun,
  emitWorkflowAnnotations,
  renderJobSummary,
  startCheckRun,
  type WorkflowCommandSink
} from '../../src/report/index.js'
import { startFakeGitHub, type FakeGitHub } from '../e2e/fake-github/server.js'
import { HEAD_SHA, leaks, manyFindings, resultWith } from './gate-result.js'

function recorder() {
  const files: string[] = []
  const sink: WorkflowCommandSink = {
    error: (_m, p) => void files.push(`${p.file}:${p.startLine}`),
    warning: (_m, p) => void files.push(`${p.file}:${p.startLine}`),
    notice: (_m, p) => void files.push(`${p.file}:${p.startLine}`)
  }
  return { files, sink }
}

describe('falling back from the check run', () => {
  let fake: FakeGitHub
  afterEach(() => fake.close())

  it('annotates with workflow commands on a fork PR and says what GitHub hides', async () => {
    fake = await startFakeGitHub({ failCreateWith: 403 })
    const client = checksClient({
      token: 'read-only',
      repository: 'acme/clinic-portal',
      apiUrl: fake.url,
      retry: { sleep: async () => {} }
    })
    const { findings, planted } = manyFindings(14)
    const result = resultWith(findings)

    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    expect(started.started).toBe(false)

    const { files, sink } = recorder()
    const annotated = emitWorkflowAnnotations(result.findings, sink)
    const summary = renderJobSummary(result, {
      annotationsNotShown: { counts: annotated.notShown, reason: 'step-limit' }
    })

    expect(files).toHaveLength(14)
    expect(summary).toContain('4 failure annotations are not shown')
    expect(summary.match(/\| error \| \[src\/many\\\.ts/g)).toHaveLength(14)
    expect(leaks(summary, planted)).toEqual([])
  })

  it('annotates only what the check run did not receive when completing fails', async () => {
    fake = await startFakeGitHub({ failUpdateWith: 422, failUpdateAfter: 1 })
    const client = checksClient({
      token: 't',
      repository: 'acme/clinic-portal',
      apiUrl: fake.url,
      retry: { sleep: async () => {} }
    })
    const { findings } = manyFindings(60)
    const started = await startCheckRun(client, { headSha: HEAD_SHA })
    if (!started.started) throw started.error

    const done = await completeCheckRun(client, {
      checkRunId: started.checkRunId,
      result: resultWith(findings)
    })
    if (done.completed) throw new Error('expected the completion to fail')

    const { files, sink } = recorder()
    emitWorkflowAnnotations(done.undelivered, sink)
    const onRun = fake.checkRuns.get(started.checkRunId)!.annotations
    const delivered = onRun.map(a => `${a.path}:${a.start_line}`)
    expect(delivered).toHaveLength(50)
    expect(files).toHaveLength(10)
    expect(new Set([...delivered, ...files]).size).toBe(60)
  })
})
