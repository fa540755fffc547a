/**
 * Making commits available in a shallow clone. `actions/checkout` fetches
 * one commit by default, so the other end of a range, and the history down
 * to a merge base, usually have to be fetched before git can compare.
 */
import { SourceError } from './errors.js'
import { commandLabel, runGit, stderrSummary, type SourceLog } from './git.js'
import { isObjectId, shortSha } from './revision.js'

/** A repository and where to report what was fetched. */
export interface GitContext {
  readonly cwd: string
  readonly log: SourceLog
}

/** The remote `actions/checkout` configures. */
const REMOTE = 'origin'

/**
 * How far to deepen a shallow clone, one step per try, before fetching the
 * whole history: most merge bases are within a few dozen commits, and each
 * try costs a round trip.
 */
export const DEEPEN_STEPS: readonly number[] = [50, 200, 1000]

const FETCH = ['fetch', '--no-tags', '--no-recurse-submodules']

/** The advice every unresolvable range ends with. */
export const FETCH_DEPTH_ADVICE =
  'Set `fetch-depth: 0` on actions/checkout so the history is available.'

/** True when the repository is a shallow clone. */
export async function isShallow(cwd: string): Promise<boolean> {
  const args = ['rev-parse', '--is-shallow-repository']
  const result = await runGit(cwd, args)
  return result.stdout.trim() === 'true'
}

/** The commit `rev` names in the local repository, if it is there. */
export async function localCommit(
  cwd: string,
  rev: string
): Promise<string | undefined> {
  const args = ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]
  const result = await runGit(cwd, args)
  const sha = result.stdout.trim()
  return result.exitCode === 0 && isObjectId(sha) ? sha : undefined
}

/**
 * The commit `rev` names, fetched from `origin` if it is not local. A
 * shallow clone stays shallow (depth 1); a full clone fetches with history
 * so that it does not become shallow. Returns undefined when it cannot be
 * fetched (a force-pushed commit the server no longer has, say) and the
 * reason in `failure`.
 */
export async function fetchCommit(
  ctx: GitContext,
  rev: string
): Promise<{ sha?: string; failure?: string }> {
  const local = await localCommit(ctx.cwd, rev)
  if (local !== undefined) return { sha: local }

  const shallow = await isShallow(ctx.cwd)
  const args = [...FETCH, ...(shallow ? ['--depth=1'] : []), REMOTE, rev]
  const result = await runGit(ctx.cwd, args)
  if (result.exitCode !== 0) {
    const reason = stderrSummary(result.stderr)
    ctx.log(`could not fetch ${shortSha(rev)}: ${reason}`)
    return { failure: `${commandLabel(args)} failed: ${reason}` }
  }
  ctx.log(`fetched ${shortSha(rev)} from ${REMOTE}`)

  const sha = await localCommit(ctx.cwd, isObjectId(rev) ? rev : 'FETCH_HEAD')
  return sha !== undefined
    ? { sha }
    : { failure: `${commandLabel(args)} did not bring commit ${rev}` }
}

/** Like `fetchCommit`, but a commit that cannot be had is an error. */
export async function requireCommit(
  ctx: GitContext,
  rev: string,
  what: string
): Promise<string> {
  const { sha, failure } = await fetchCommit(ctx, rev)
  if (sha !== undefined) return sha
  throw new SourceError(
    'range-unresolvable',
    `The ${what} commit ${rev} is not in the clone and could not be ` +
      `fetched (${failure}). ${FETCH_DEPTH_ADVICE}`
  )
}

/**
 * Runs `attempt` until it finds what it looks for, deepening a shallow
 * clone from `tips` one step of DEEPEN_STEPS at a time and finally
 * unshallowing it. Gives up when the clone is complete, or when a fetch
 * fails (its reason is returned).
 */
export async function withDeepening<T>(
  ctx: GitContext,
  tips: readonly string[],
  attempt: () => Promise<T | undefined>
): Promise<{ found?: T; failure?: string }> {
  const first = await attempt()
  if (first !== undefined) return { found: first }

  for (const step of [...DEEPEN_STEPS, 0]) {
    if (!(await isShallow(ctx.cwd))) return {}
    const how = step === 0 ? '--unshallow' : `--deepen=${step}`
    const args = [...FETCH, how, REMOTE, ...tips]
    const result = await runGit(ctx.cwd, args)
    if (result.exitCode !== 0) {
      const reason = stderrSummary(result.stderr)
      ctx.log(`${commandLabel(args)} failed: ${reason}`)
      return { failure: `${commandLabel(args)} failed: ${reason}` }
    }
    ctx.log(
      step === 0
        ? 'fetched the whole history (--unshallow)'
        : `deepened the clone by ${step} commits`
    )
    const found = await attempt()
    if (found !== undefined) return { found }
  }
  return {}
}

/**
 * The merge base of two local commits, deepening a shallow clone until it
 * is found. Throws `range-unresolvable` saying what is missing.
 */
export async function mergeBase(
  ctx: GitContext,
  base: string,
  head: string
): Promise<string> {
  const args = ['merge-base', base, head]
  const attempt = async (): Promise<string | undefined> => {
    const result = await runGit(ctx.cwd, args)
    const sha = result.stdout.trim().split('\n')[0] ?? ''
    if (result.exitCode === 0 && isObjectId(sha)) return sha
    // Exit 1 means "none in the history we have"; anything else is a fault.
    if (result.exitCode === 1) return undefined
    throw new SourceError(
      'range-unresolvable',
      `${commandLabel(args)} failed: ${stderrSummary(result.stderr)}. ` +
        FETCH_DEPTH_ADVICE
    )
  }

  const { found, failure } = await withDeepening(ctx, [base, head], attempt)
  if (found !== undefined) return found

  const pair = `${shortSha(base)} and ${shortSha(head)}`
  if (failure !== undefined) {
    throw new SourceError(
      'range-unresolvable',
      `No merge base of ${pair} in the shallow clone, and deepening it ` +
        `failed (${failure}). ${FETCH_DEPTH_ADVICE}`
    )
  }
  if (await isShallow(ctx.cwd)) {
    throw new SourceError(
      'range-unresolvable',
      `No merge base of ${pair} within the fetched history. ` +
        FETCH_DEPTH_ADVICE
    )
  }
  throw new SourceError(
    'range-unresolvable',
    `Commits ${pair} have no common ancestor, so there is no merge base ` +
      'to compare from. Set the base input to a commit on the same ' +
      'history, or use scan: full.'
  )
}
