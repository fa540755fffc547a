import { resolveScanTarget } from '../../src/source/event-range.js'
import { scrubGitOutput, stderrSummary } from '../../src/source/git.js'
import { pullRequestPayload } from '../helpers/github-events.js'
import { githubToken } from '../helpers/fake-values.js'
import {
  bareOrigin,
  cleanup,
  git,
  isolateGit,
  Repo,
  shallowClone
} from '../helpers/git-repo.js'

isolateGit()
afterAll(cleanup)

describe('git output in messages', () => {
  it('hides the credentials of a remote URL and authorization headers', () => {
    const token = githubToken(21)
    const stderr =
      `fatal: unable to access 'https://x-access-token:${token}@github.com/o/r/'\n` +
      `trace: Authorization: basic ${token}\n`
    const clean = stderrSummary(stderr)
    expect(clean).not.toContain(token)
    expect(clean).toContain('https://***@github.com/o/r/')
    expect(
      scrubGitOutput(`http.extraheader=AUTHORIZATION: ${token}`)
    ).not.toContain(token)
  })

  it('never prints the token of an authenticated remote when a fetch fails', async () => {
    const token = githubToken(22)
    const repo = new Repo()
    const first = repo.commit({ a: '1\n' })
    const cwd = shallowClone(bareOrigin(repo))
    // A remote that refuses connections, with a token in its URL.
    git(
      cwd,
      'remote',
      'set-url',
      'origin',
      `http://x-access-token:${token}@127.0.0.1:1/o/r.git`
    )
    const log: string[] = []
    const missing = 'ab'.repeat(20)
    const error = await resolveScanTarget({
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: missing, head: first }),
      cwd,
      log: m => log.push(m)
    }).catch((e: unknown) => e as Error)

    expect(error).toMatchObject({ code: 'range-unresolvable' })
    expect(log.length).toBeGreaterThan(0)
    for (const text of [(error as Error).message, ...log]) {
      expect(text).not.toContain(token)
    }
  })
})
