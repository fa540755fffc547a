/**
 * The CLI's `--diff BASE[..HEAD]` and `--diff BASE...HEAD`: revisions the
 * user names on a laptop or in another CI system, resolved locally.
 */
import type { CommitRange } from '../gate/result.js'
import { SourceError } from './errors.js'
import { localCommit, mergeBase } from './fetch.js'
import { requireRepository } from './git.js'
import { checkRevision, shortSha } from './revision.js'

/**
 * Resolves a `--diff` value. Two dots (or one revision, meaning `..HEAD`)
 * compare the two commits directly; three dots compare from their merge
 * base, as `git diff A...B` does. Throws `SourceError`.
 */
export async function resolveCliRange(
  cwd: string,
  spec: string
): Promise<CommitRange> {
  await requireRepository(cwd)
  const threeDots = spec.includes('...')
  const [rawBase = '', rawHead = ''] = spec.split(threeDots ? '...' : '..')
  const base = checkRevision(rawBase, '--diff base')
  const head = checkRevision(rawHead || 'HEAD', '--diff head')

  const resolve = async (rev: string, what: string) => {
    const sha = await localCommit(cwd, rev)
    if (sha !== undefined) return sha
    throw new SourceError(
      'range-unresolvable',
      `--diff ${spec}: the ${what} "${rev}" is not a commit in this ` +
        'repository (expected a SHA, branch or tag; fetch it first if it ' +
        'is on a remote).'
    )
  }
  const headSha = await resolve(head, 'head')
  const baseSha = await resolve(base, 'base')
  const from = threeDots
    ? await mergeBase({ cwd, log: () => undefined }, baseSha, headSha)
    : baseSha
  return {
    base: from,
    head: headSha,
    description: `${spec} (${shortSha(from)}..${shortSha(headSha)})`
  }
}
