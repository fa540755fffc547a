/**
 * The bundled action, run as the runner runs it, against a fake GitHub
 * that holds every request to GitHub's published OpenAPI description.
 */
import { startFakeGitHub, type FakeGitHub } from './fake-github/server.js'
import { runAction, TempRepo, type ActionRun } from './harness.js'
import { pullRequestPayload, pushPayload } from '../helpers/github-events.js'
import { githubToken, ssn } from '../helpers/fake-values.js'

const TOKEN = 'test-token-e2e'

/** Every channel a user or a log reader can see, with masks removed. */
function everyOutput(run: ActionRun, github?: FakeGitHub): string {
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const requests = github ? JSON.stringify(github.requests) : ''
  const checkRuns = github ? JSON.stringify([...github.checkRuns.values()]) : ''
  return [
    log,
    run.summary,
    JSON.stringify(run.outputs),
    ...Object.values(run.files),
    requests,
    checkRuns
  ].join('\n')
}

describe('the action on a pull request', () => {
  let repo: TempRepo
  let github: FakeGitHub
  let base: string

  beforeEach(async () => {
    repo = new TempRepo()
    base = repo.commit({ 'README.md': '# clinic\n' }, 'base')
    repo.git('checkout', '-q', '-b', 'feature')
    github = await startFakeGitHub({ token: TOKEN })
  })

  afterEach(async () => {
    await github.close()
    repo.remove()
  })

  const run = (head: string, inputs: Record<string, string> = {}) =>
    runAction({
      repo,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base, head }),
      apiUrl: github.url,
      inputs: {
        token: TOKEN,
        'sarif-file': 'out/gate.sarif',
        'report-file': 'out/gate.json',
        ...inputs
      }
    })

  it('passes a clean change and completes the check run as success', async () => {
    const head = repo.commit({
      'src/add.js': 'export const add = (a, b) => a + b\n'
    })
    const result = await run(head)

    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      conclusion: 'success',
      'findings-count': '0',
      'highest-severity': 'none',
      'sarif-file': 'out/gate.sarif',
      'report-file': 'out/gate.json'
    })
    const [checkRun] = [...github.checkRuns.values()]
    expect(checkRun).toMatchObject({
      name: 'HIPAA Gate',
      headSha: head,
      status: 'completed',
      conclusion: 'success'
    })
    expect(result.outputs['check-run-id']).toBe(String(checkRun!.id))
    expect(github.violations).toEqual([])
  })

  it('fails on a token and an SSN, annotating their exact lines', async () => {
    const token = githubToken(21)
    const number = ssn(4)
    const head = repo.commit({
      'src/config.js': `export const a = 1\nexport const t = "${token}"\n`,
      'test/fixtures/people.yml': `- name: x\n  ssn: ${number}\n`
    })
    const result = await run(head)

    expect(result.code).toBe(1)
    expect(result.outputs.conclusion).toBe('failure')
    expect(result.outputs['highest-severity']).toBe('error')
    const checkRun = [...github.checkRuns.values()][0]!
    expect(checkRun.conclusion).toBe('failure')
    const places = checkRun.annotations.map(
      a => `${a.path}:${a.start_line}-${a.end_line}:${a.annotation_level}`
    )
    // The token on its line; the patient record (name and SSN) as one
    // annotation over the lines it spans.
    expect(places.sort()).toEqual([
      'src/config.js:2-2:failure',
      'test/fixtures/people.yml:1-2:failure'
    ])
    expect(result.summary).toContain('github\\-classic\\-token')
    expect(result.summary).toContain(
      `https://github.com/octo-org/clinic/blob/${head}/src/config.js#L2`
    )
    expect(github.violations).toEqual([])

    // The values reach no channel: log, summary, outputs, SARIF, JSON,
    // the API requests or the stored check run.
    const seen = everyOutput(result, github)
    expect(seen).not.toContain(token)
    expect(seen).not.toContain(token.slice(4))
    expect(seen).not.toContain(number)
    // Both were masked for the runner before anything else was printed.
    const firstMask = result.stdout.indexOf('::add-mask::')
    expect(firstMask).toBeGreaterThan(-1)
    expect(result.stdout.indexOf('::error')).toBeGreaterThan(firstMask)
  })

  it('sends more than 50 annotations over several updates', async () => {
    const lines = Array.from(
      { length: 120 },
      (_, i) => `t${i}="${githubToken(i + 100)}"`
    )
    const head = repo.commit({ 'config/tokens.env': lines.join('\n') + '\n' })
    const result = await run(head)

    expect(result.code).toBe(1)
    const checkRun = [...github.checkRuns.values()][0]!
    expect(checkRun.annotations).toHaveLength(120)
    const updates = github.requests.filter(
      r => r.operationId === 'checks/update'
    )
    expect(updates.length).toBeGreaterThanOrEqual(3)
    expect(github.violations).toEqual([])
  })

  it('falls back to workflow commands when check runs are forbidden', async () => {
    await github.close()
    github = await startFakeGitHub({ token: TOKEN, failCreateWith: 403 })
    const head = repo.commit({ 'a.env': `T=${githubToken(3)}\n` })
    const result = await run(head)

    expect(result.code).toBe(1)
    expect(result.outputs['check-run-id']).toBe('')
    expect(result.stdout).toMatch(/^::error .*file=a\.env,line=1/m)
    expect(result.summary).toContain('check run was not used')
    expect(result.summary).toContain('403')
    expect(github.checkRuns.size).toBe(0)
    // The report files were written even though the API refused.
    expect(JSON.parse(result.files['report-file']!).conclusion).toBe('failure')
  })

  it('retries a 502 from the API and then completes the check run', async () => {
    await github.close()
    github = await startFakeGitHub({
      token: TOKEN,
      transient: [{ on: 'create', status: 502, times: 1 }]
    })
    const head = repo.commit({ 'b.txt': 'hello\n' })
    const result = await run(head)

    expect(result.code).toBe(0)
    const creates = github.requests.filter(
      r => r.operationId === 'checks/create'
    )
    expect(creates).toHaveLength(2)
    expect([...github.checkRuns.values()][0]!.conclusion).toBe('success')
  })

  it('fails, and says how to fix it, when the range cannot be resolved', async () => {
    const head = repo.commit({ 'c.txt': 'x\n' })
    const missing = 'f'.repeat(40)
    const result = await runAction({
      repo,
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: missing, head }),
      apiUrl: github.url,
      inputs: { token: TOKEN }
    })

    expect(result.code).toBe(1)
    expect(result.stdout).toContain('fetch-depth: 0')
    expect(result.outputs.conclusion).toBeUndefined()
    const checkRun = [...github.checkRuns.values()][0]!
    expect(checkRun).toMatchObject({
      status: 'completed',
      conclusion: 'failure'
    })
  })

  it('names the config file and line of a bad setting, and does not pass', async () => {
    const head = repo.commit({
      '.github/hipaa-gate.yml': 'fail-on: sometimes\n'
    })
    const result = await run(head)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('.github/hipaa-gate.yml:1:10')
    expect([...github.checkRuns.values()][0]!.conclusion).toBe('failure')
  })
})

describe('the action on a push', () => {
  it('scans before..after and honours an inline allow marker', async () => {
    const repo = new TempRepo()
    const github = await startFakeGitHub({ token: TOKEN })
    try {
      const before = repo.commit({ 'README.md': 'x\n' })
      const after = repo.commit({
        'keys.txt': `old="${githubToken(8)}" # hipaa-gate:allow revoked, see INC-42\n`
      })
      const result = await runAction({
        repo,
        eventName: 'push',
        payload: pushPayload({ before, after, commits: [after] }),
        apiUrl: github.url,
        inputs: { token: TOKEN, 'report-file': 'gate.json' }
      })
      expect(result.code).toBe(0)
      const report = JSON.parse(result.files['report-file']!)
      expect(report.findings).toHaveLength(1)
      expect(report.findings[0].suppression).toEqual({
        kind: 'inline',
        reason: 'revoked, see INC-42'
      })
      expect(result.summary).toContain('revoked\\, see INC\\-42')
      expect(github.violations).toEqual([])
    } finally {
      await github.close()
      repo.remove()
    }
  })
})

describe('the action verifying artifacts', () => {
  it('fails a release whose artifact does not match its manifest', async () => {
    const repo = new TempRepo()
    const github = await startFakeGitHub({ token: TOKEN })
    try {
      repo.commit({ 'release/app.tar': 'built\n' })
      repo.git('checkout', '-q', '-b', 'release')
      const made = (await import('../../src/artifacts/index.js'))
        .generateChecksums
      repo.write(
        'release/SHA256SUMS',
        await made(['app.tar'], {
          algorithm: 'sha256',
          cwd: `${repo.dir}/release`
        })
      )
      repo.write('release/app.tar', 'changed on the way\n')
      const result = await runAction({
        repo,
        eventName: 'workflow_dispatch',
        payload: {},
        apiUrl: github.url,
        inputs: {
          token: TOKEN,
          scan: 'off',
          artifacts: 'release/*.tar',
          checksums: 'release/SHA256SUMS',
          'report-file': 'gate.json'
        }
      })
      expect(result.code).toBe(1)
      const report = JSON.parse(result.files['report-file']!)
      expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
        'checksum-mismatch'
      ])
      expect(report.artifacts[0]).toMatchObject({
        path: 'release/app.tar',
        verified: false
      })
      const checkRun = [...github.checkRuns.values()][0]!
      expect(checkRun.conclusion).toBe('failure')
      expect(checkRun.annotations[0]!.path).toBe('release/app.tar')
      expect(github.violations).toEqual([])
    } finally {
      await github.close()
      repo.remove()
    }
  })
})
