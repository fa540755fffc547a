import { streamDiff, type ChangedFile } from '../../src/source/diff.js'
import {
  resolveScanTarget,
  type ScanTarget,
  type ScanTargetInput
} from '../../src/source/event-range.js'
import {
  mergeGroupPayload,
  NULL_SHA,
  pullRequestPayload,
  pushPayload
} from '../helpers/github-events.js'
import {
  bareOrigin,
  cleanup,
  git,
  isolateGit,
  Repo,
  shallowClone,
  tempDir
} from '../helpers/git-repo.js'

isolateGit()
afterAll(cleanup)

/**
 * The history every test clones from:
 *
 *   main:     m1 ── fork ── 55 more commits ── mainTip
 *   feature:          └── f1 (adds feature.txt) ── featureTip
 *   rewrite:          └── r1 ── r2 (pushed, then force-pushed away)
 *                     └── n1 ── n2 = rewriteTip
 *   unrelated: an orphan commit sharing no history
 */
const shas: Record<string, string> = {}
let origin = ''

beforeAll(() => {
  const repo = new Repo()
  shas.m1 = repo.commit({ 'base.txt': 'base\n' }, 'm1')
  shas.fork = repo.commit({ 'base.txt': 'base\nfork\n' }, 'fork')

  repo.git('checkout', '-q', '-b', 'feature')
  repo.commit({ 'feature.txt': 'feature line\n' }, 'f1')
  shas.featureTip = repo.commit(
    { 'feature.txt': 'feature line\nsecond\n' },
    'f2'
  )

  repo.git('checkout', '-q', '-b', 'rewrite', shas.fork)
  repo.commit({ 'r.txt': 'r1\n' }, 'r1')
  shas.oldRewriteTip = repo.commit({ 'r.txt': 'r1\nr2\n' }, 'r2')

  repo.git('checkout', '-q', '--orphan', 'unrelated')
  repo.git('rm', '-rq', '--cached', '.')
  shas.unrelated = repo.commit({ 'other.txt': 'other\n' }, 'orphan')

  repo.git('checkout', '-q', 'main')
  repo.emptyCommits('main', 55)
  shas.mainTip = repo.commit({ 'main.txt': 'on main\n' }, 'main tip')

  origin = bareOrigin(repo)

  // Force-push `rewrite` so that its old tip is no longer on the server.
  repo.git('checkout', '-q', 'rewrite')
  repo.git('reset', '-q', '--hard', shas.fork)
  shas.n1 = repo.commit({ 'n.txt': 'n1\n' }, 'n1')
  shas.rewriteTip = repo.commit({ 'n.txt': 'n1\nn2\n' }, 'n2')
  repo.git('push', '-q', '-f', 'origin', 'rewrite')
  git(origin, 'gc', '-q', '--prune=now')
})

async function resolve(
  input: Omit<ScanTargetInput, 'log'>
): Promise<{ target: ScanTarget; log: string[] }> {
  const log: string[] = []
  const target = await resolveScanTarget({ ...input, log: m => log.push(m) })
  return { target, log }
}

async function changedPaths(cwd: string, target: ScanTarget) {
  if (target.mode !== 'diff') throw new Error('expected a diff')
  const files: ChangedFile[] = []
  for await (const file of streamDiff({ cwd, ...target })) files.push(file)
  return files.map(f => f.path)
}

describe('resolveScanTarget', () => {
  it('compares a pull request from its merge base in a depth-1 clone', async () => {
    const cwd = shallowClone(origin, 'main')
    const payload = pullRequestPayload({
      base: shas.mainTip!,
      head: shas.featureTip!
    })
    const { target, log } = await resolve({
      eventName: 'pull_request',
      payload,
      cwd
    })
    expect(target).toEqual({
      mode: 'diff',
      base: shas.fork,
      head: shas.featureTip,
      headForLinks: shas.featureTip,
      description: expect.stringContaining('pull request #7')
    })
    // 55 commits on main are more than the first step reaches.
    expect(log).toEqual(
      expect.arrayContaining([
        'deepened the clone by 50 commits',
        'deepened the clone by 200 commits'
      ])
    )
    expect(await changedPaths(cwd, target)).toEqual(['feature.txt'])
  })

  it('reads pull_request_target payloads the same way', async () => {
    const cwd = shallowClone(origin, 'main')
    const { target } = await resolve({
      eventName: 'pull_request_target',
      payload: pullRequestPayload({
        base: shas.mainTip!,
        head: shas.featureTip!
      }),
      cwd
    })
    expect(target).toMatchObject({ base: shas.fork, head: shas.featureTip })
  })

  it('compares a merge queue group from its base', async () => {
    const cwd = shallowClone(origin, 'feature')
    const { target } = await resolve({
      eventName: 'merge_group',
      payload: mergeGroupPayload({ base: shas.fork!, head: shas.featureTip! }),
      cwd
    })
    expect(target).toMatchObject({ mode: 'diff', base: shas.fork })
    expect(await changedPaths(cwd, target)).toEqual(['feature.txt'])
  })

  it('compares an ordinary push from before to after', async () => {
    const cwd = shallowClone(origin, 'feature')
    const { target } = await resolve({
      eventName: 'push',
      payload: pushPayload({
        ref: 'refs/heads/feature',
        before: shas.fork!,
        after: shas.featureTip!
      }),
      cwd
    })
    expect(target).toMatchObject({ base: shas.fork, head: shas.featureTip })
  })

  it('compares a new branch with the default branch', async () => {
    const cwd = shallowClone(origin, 'feature')
    const { target, log } = await resolve({
      eventName: 'push',
      payload: pushPayload({
        ref: 'refs/heads/feature',
        before: NULL_SHA,
        after: shas.featureTip!
      }),
      cwd
    })
    expect(target).toMatchObject({ mode: 'diff', base: shas.fork })
    expect(log).toContain('fetched origin/main')
    expect(await changedPaths(cwd, target)).toEqual(['feature.txt'])
  })

  it('scans the whole tree on the first push of the default branch', async () => {
    const cwd = shallowClone(origin, 'main')
    const { target } = await resolve({
      eventName: 'push',
      payload: pushPayload({ before: NULL_SHA, after: shas.mainTip! }),
      cwd
    })
    expect(target).toMatchObject({ mode: 'full', ref: shas.mainTip })
  })

  it('falls back to the pushed commits when a force push removed before', async () => {
    const cwd = shallowClone(origin, 'rewrite')
    const { target, log } = await resolve({
      eventName: 'push',
      payload: pushPayload({
        ref: 'refs/heads/rewrite',
        before: shas.oldRewriteTip!,
        after: shas.rewriteTip!,
        commits: [shas.n1!, shas.rewriteTip!]
      }),
      cwd
    })
    expect(target).toMatchObject({
      mode: 'diff',
      base: shas.fork,
      head: shas.rewriteTip,
      description: expect.stringContaining('force push')
    })
    expect(log.join('\n')).toContain('falling back to the pushed commits')
    expect(await changedPaths(cwd, target)).toEqual(['n.txt'])
  })

  it('scans the whole tree when a force push with a vanished before starts a new history', async () => {
    const cwd = shallowClone(origin, 'unrelated')
    const { target } = await resolve({
      eventName: 'push',
      payload: pushPayload({
        ref: 'refs/heads/unrelated',
        before: shas.oldRewriteTip!,
        after: shas.unrelated!,
        commits: [shas.unrelated!]
      }),
      cwd
    })
    expect(target).toMatchObject({
      mode: 'full',
      ref: shas.unrelated,
      description: expect.stringContaining('new history')
    })
  })

  it('scans nothing when a force push with a vanished before pushed no commits', async () => {
    const cwd = shallowClone(origin, 'main')
    const { target } = await resolve({
      eventName: 'push',
      payload: pushPayload({
        before: shas.oldRewriteTip!,
        after: shas.mainTip!,
        commits: []
      }),
      cwd
    })
    expect(target).toMatchObject({ base: shas.mainTip, head: shas.mainTip })
    expect(await changedPaths(cwd, target)).toEqual([])
  })

  it('takes the head from the event when only the base input is set', async () => {
    const cwd = shallowClone(origin, 'feature')
    const { target } = await resolve({
      eventName: 'push',
      payload: pushPayload({ before: shas.m1!, after: shas.featureTip! }),
      base: shas.fork!,
      cwd
    })
    expect(target).toMatchObject({ base: shas.fork, head: shas.featureTip })
  })

  it('uses HEAD for a base input on a push that deleted the branch', async () => {
    const cwd = shallowClone(origin, 'feature')
    const { target } = await resolve({
      eventName: 'push',
      payload: pushPayload({ before: shas.m1!, after: '', deleted: true }),
      base: shas.fork!,
      cwd
    })
    expect(target).toMatchObject({ base: shas.fork, head: shas.featureTip })
  })

  it('refuses a head input without a base input', async () => {
    const cwd = shallowClone(origin, 'main')
    await expect(
      resolve({ eventName: 'push', payload: {}, head: 'HEAD', cwd })
    ).rejects.toMatchObject({
      code: 'input-invalid',
      message: expect.stringContaining('base input is not')
    })
  })

  it('scans nothing when a push deletes a branch', async () => {
    const cwd = shallowClone(origin, 'main')
    const { target } = await resolve({
      eventName: 'push',
      payload: pushPayload({
        ref: 'refs/heads/gone',
        before: shas.oldRewriteTip!,
        after: NULL_SHA,
        deleted: true
      }),
      cwd
    })
    expect(target).toMatchObject({
      mode: 'diff',
      description: expect.stringContaining('nothing to scan')
    })
    expect(await changedPaths(cwd, target)).toEqual([])
  })

  it.each(['workflow_dispatch', 'schedule'])(
    'scans the whole tree at HEAD for %s',
    async eventName => {
      const cwd = shallowClone(origin, 'main')
      const { target } = await resolve({ eventName, payload: {}, cwd })
      expect(target).toEqual({
        mode: 'full',
        ref: shas.mainTip,
        description: expect.stringContaining(eventName)
      })
    }
  )

  it('scans the whole tree when scan: full is set on a pull request', async () => {
    const cwd = shallowClone(origin, 'main')
    const { target } = await resolve({
      eventName: 'pull_request',
      payload: pullRequestPayload({ base: shas.m1!, head: shas.mainTip! }),
      full: true,
      cwd
    })
    expect(target).toMatchObject({ mode: 'full', ref: shas.mainTip })
  })

  it('lets base and head inputs override the event', async () => {
    const cwd = shallowClone(origin, 'main')
    const { target } = await resolve({
      eventName: 'issue_comment',
      payload: {},
      base: 'main',
      head: shas.featureTip!,
      full: true,
      cwd
    })
    expect(target).toMatchObject({
      mode: 'diff',
      base: shas.fork,
      head: shas.featureTip
    })
  })

  it('asks for base and head inputs on an event without a range', async () => {
    const cwd = shallowClone(origin, 'main')
    await expect(
      resolve({ eventName: 'issue_comment', payload: {}, cwd })
    ).rejects.toMatchObject({
      code: 'event-unsupported',
      message: expect.stringMatching(/"issue_comment".*base and head inputs/)
    })
  })

  it('names the payload field that is missing', async () => {
    const cwd = shallowClone(origin, 'main')
    const payload = pullRequestPayload({ base: shas.m1!, head: 'not-a-sha' })
    await expect(
      resolve({ eventName: 'pull_request', payload, cwd })
    ).rejects.toMatchObject({
      code: 'event-invalid',
      message: expect.stringContaining('pull_request.head.sha')
    })
  })

  it('throws range-unresolvable for a commit the server does not have', async () => {
    const cwd = shallowClone(origin, 'main')
    const missing = 'c0ffee'.repeat(6) + 'c0ff'
    await expect(
      resolve({
        eventName: 'pull_request',
        payload: pullRequestPayload({ base: missing, head: shas.mainTip! }),
        cwd
      })
    ).rejects.toMatchObject({
      code: 'range-unresolvable',
      message: expect.stringMatching(
        new RegExp(`base commit ${missing}.*fetch-depth: 0`)
      )
    })
  })

  it('throws range-unresolvable when the merge base cannot be fetched', async () => {
    const cwd = shallowClone(origin, 'main')
    git(cwd, 'fetch', '-q', '--depth=1', 'origin', shas.featureTip!)
    git(cwd, 'remote', 'set-url', 'origin', `${tempDir()}/gone.git`)
    await expect(
      resolve({
        eventName: 'pull_request',
        payload: pullRequestPayload({
          base: shas.mainTip!,
          head: shas.featureTip!
        }),
        cwd
      })
    ).rejects.toMatchObject({
      code: 'range-unresolvable',
      message: expect.stringMatching(/No merge base of .*fetch-depth: 0/)
    })
  })

  it('says when the two commits share no history', async () => {
    const cwd = shallowClone(origin, 'main')
    await expect(
      resolve({
        eventName: 'merge_group',
        payload: mergeGroupPayload({
          base: shas.mainTip!,
          head: shas.unrelated!
        }),
        cwd
      })
    ).rejects.toMatchObject({
      code: 'range-unresolvable',
      message: expect.stringContaining('no common ancestor')
    })
  })

  it('refuses a directory that is not a repository', async () => {
    await expect(
      resolve({ eventName: 'schedule', payload: {}, cwd: tempDir() })
    ).rejects.toMatchObject({ code: 'not-a-repository' })
    await expect(
      resolve({ eventName: 'schedule', payload: {}, cwd: `${tempDir()}/no` })
    ).rejects.toMatchObject({
      code: 'not-a-repository',
      message: expect.stringContaining('does not exist')
    })
  })
})
