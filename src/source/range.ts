/**
 * A resolved range of commits: what a diff scan compares.
 */
import { mergeBase, requireCommit, type GitContext } from './fetch.js'
import { shortSha } from './revision.js'

/** What the gate scans. */
export type ScanTarget =
  | {
      readonly mode: 'full'
      /** The commit whose tree is scanned (a SHA). */
      readonly ref: string
      readonly description: string
    }
  | {
      readonly mode: 'diff'
      /** The merge base: lines added since it are scanned. */
      readonly base: string
      readonly head: string
      /** The commit links and annotations point at (a PR's head SHA). */
      readonly headForLinks: string
      readonly description: string
    }

/**
 * The range from the merge base of `base` and `head` to `head`: the three
 * dots of `git diff base...head`. Fetches and deepens as needed.
 */
export async function diffRange(
  ctx: GitContext,
  base: string,
  head: string,
  headForLinks: string,
  what: string
): Promise<ScanTarget> {
  const headSha = await requireCommit(ctx, head, 'head')
  const baseSha = await requireCommit(ctx, base, 'base')
  const from = await mergeBase(ctx, baseSha, headSha)
  ctx.log(
    `merge base of ${shortSha(baseSha)} and ${shortSha(headSha)}: ` +
      shortSha(from)
  )
  return {
    mode: 'diff',
    base: from,
    head: headSha,
    headForLinks,
    description:
      `${what}: ${shortSha(baseSha)}...${shortSha(headSha)} ` +
      `(merge base ${shortSha(from)})`
  }
}
