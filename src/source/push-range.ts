/**
 * The range a `push` event scans: `before..after` from their merge base,
 * with the cases a push can be besides an ordinary fast-forward: a new
 * branch, a force push whose old tip is gone, and a branch deletion.
 */
import { SourceError } from './errors.js'
import {
  FETCH_DEPTH_ADVICE,
  fetchCommit,
  isShallow,
  localCommit,
  requireCommit,
  withDeepening,
  type GitContext
} from './fetch.js'
import { runGit, stderrSummary } from './git.js'
import { asRecord, objectId } from './payload.js'
import { diffRange, type ScanTarget } from './range.js'
import {
  checkBranchName,
  isNullObjectId,
  isObjectId,
  shortSha
} from './revision.js'

/** Resolves the scan target of a `push` event payload. */
export async function pushRange(
  ctx: GitContext,
  payload: Record<string, unknown>
): Promise<ScanTarget> {
  const ref = typeof payload.ref === 'string' ? payload.ref : 'the ref'

  // A deleted branch adds no lines: an empty range, not a failure.
  if (payload.deleted === true) {
    const here =
      (await localCommit(ctx.cwd, 'HEAD')) ?? objectId(payload.before, 'before')
    ctx.log(`push deleted ${ref}: nothing to scan`)
    return emptyRange(here, `push deleting ${ref}: nothing to scan`)
  }

  const before = objectId(payload.before, 'before')
  const after = objectId(payload.after, 'after')
  const head = await requireCommit(ctx, after, 'pushed (after)')

  if (isNullObjectId(before)) return newRefRange(ctx, payload, ref, head)

  const old = await fetchCommit(ctx, before)
  if (old.sha !== undefined) {
    return diffRange(ctx, old.sha, head, head, `push to ${ref}`)
  }
  ctx.log(
    `the before commit ${shortSha(before)} cannot be fetched (force ` +
      'push?): falling back to the pushed commits'
  )
  return pushedCommitsRange(ctx, payload, ref, before, head)
}

/** A range of zero files: `streamDiff` yields nothing for it. */
function emptyRange(sha: string, description: string): ScanTarget {
  return { mode: 'diff', base: sha, head: sha, headForLinks: sha, description }
}

/**
 * A new branch or tag: what it adds beyond the default branch. The first
 * push of the default branch itself has nothing to compare with, so its
 * whole tree is scanned.
 */
async function newRefRange(
  ctx: GitContext,
  payload: Record<string, unknown>,
  ref: string,
  head: string
): Promise<ScanTarget> {
  const field = 'repository.default_branch'
  const branch = checkBranchName(
    asRecord(payload.repository).default_branch,
    field
  )
  if (ref === `refs/heads/${branch}`) {
    ctx.log(`first push of the default branch ${branch}: scanning the tree`)
    return {
      mode: 'full',
      ref: head,
      description:
        `first push of the default branch ${branch}: whole tree at ` +
        shortSha(head)
    }
  }

  const tip = await defaultBranchTip(ctx, branch)
  ctx.log(`new ref ${ref}: comparing with origin/${branch}`)
  return diffRange(ctx, tip, head, head, `new ${ref} (from ${branch})`)
}

/** The tip of `origin/<branch>`, fetched when the clone lacks it. */
async function defaultBranchTip(
  ctx: GitContext,
  branch: string
): Promise<string> {
  const tracking = `refs/remotes/origin/${branch}`
  const local = await localCommit(ctx.cwd, tracking)
  if (local !== undefined) return local

  const shallow = await isShallow(ctx.cwd)
  const args = [
    'fetch',
    '--no-tags',
    '--no-recurse-submodules',
    ...(shallow ? ['--depth=1'] : []),
    'origin',
    `+refs/heads/${branch}:${tracking}`
  ]
  const result = await runGit(ctx.cwd, args)
  const tip = await localCommit(ctx.cwd, tracking)
  if (result.exitCode === 0 && tip !== undefined) {
    ctx.log(`fetched origin/${branch}`)
    return tip
  }
  throw new SourceError(
    'range-unresolvable',
    `A new branch is compared with the default branch, but origin/${branch} ` +
      `could not be fetched: ${stderrSummary(result.stderr)}. ` +
      FETCH_DEPTH_ADVICE
  )
}

/**
 * A force push whose old tip the server no longer has: scan the commits
 * the push brought, from the parent of the oldest one in the payload.
 */
async function pushedCommitsRange(
  ctx: GitContext,
  payload: Record<string, unknown>,
  ref: string,
  before: string,
  head: string
): Promise<ScanTarget> {
  const commits = Array.isArray(payload.commits) ? payload.commits : []
  const ids = commits.map(c => asRecord(c).id).filter(isObjectId)
  const gone = `the before commit ${shortSha(before)} is gone`
  if (ids.length === 0) {
    return emptyRange(
      head,
      `push to ${ref}: ${gone} and no commits were pushed`
    )
  }

  // GitHub lists the pushed commits oldest first.
  const oldest = ids[0]!
  const candidates = [`${oldest}^`, `${head}~${ids.length}`]
  const search = await withDeepening(ctx, [head], async () => {
    for (const rev of candidates) {
      const sha = await localCommit(ctx.cwd, rev)
      if (sha !== undefined) return sha
    }
    return undefined
  })

  const count = `${ids.length} pushed commit${ids.length === 1 ? '' : 's'}`
  if (search.found !== undefined) {
    return {
      mode: 'diff',
      base: search.found,
      head,
      headForLinks: head,
      description:
        `push to ${ref}: ${gone} (force push), so scanning the ${count} ` +
        `from ${shortSha(search.found)}`
    }
  }

  // The oldest pushed commit has no parent: everything is new.
  if (search.failure === undefined && (await localCommit(ctx.cwd, oldest))) {
    return {
      mode: 'full',
      ref: head,
      description:
        `push to ${ref}: ${gone} and the ${count} start a new history, ` +
        `so scanning the whole tree at ${shortSha(head)}`
    }
  }
  throw new SourceError(
    'range-unresolvable',
    `The push to ${ref} replaced ${shortSha(before)}, which can no longer ` +
      `be fetched, and the parent of the oldest pushed commit ` +
      `${shortSha(oldest)} could not be found` +
      (search.failure ? ` (${search.failure})` : '') +
      `. ${FETCH_DEPTH_ADVICE}`
  )
}
