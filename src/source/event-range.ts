/**
 * From the GitHub event that started the workflow to what the gate scans:
 * a range of commits (compared from their merge base) or a whole tree.
 */
import { SourceError } from './errors.js'
import { localCommit, requireCommit, type GitContext } from './fetch.js'
import { requireRepository, type SourceLog } from './git.js'
import { asRecord, objectId } from './payload.js'
import { pushRange } from './push-range.js'
import { diffRange, type ScanTarget } from './range.js'
import {
  checkRevision,
  isNullObjectId,
  isObjectId,
  shortSha
} from './revision.js'

export type { ScanTarget }

/** The event and inputs a scan target is resolved from. */
export interface ScanTargetInput {
  /** `GITHUB_EVENT_NAME`. */
  readonly eventName: string
  /** The parsed JSON at `GITHUB_EVENT_PATH`. */
  readonly payload: unknown
  /** The `base` input: overrides the event. */
  readonly base?: string
  /** The `head` input: overrides the event. */
  readonly head?: string
  /** The input `scan: full`. */
  readonly full?: boolean
  /** The repository work tree. */
  readonly cwd: string
  /** Receives decisions (fetched, deepened, fell back); never secrets. */
  readonly log?: SourceLog
}

/** Events whose natural scan is the whole tree. */
const FULL_SCAN_EVENTS = new Set(['workflow_dispatch', 'schedule'])

/**
 * Resolves what to scan for `input.eventName`, fetching commits into a
 * shallow clone as needed. A returned range is always resolved: both ends
 * and the merge base exist locally. Throws `SourceError`.
 */
export async function resolveScanTarget(
  input: ScanTargetInput
): Promise<ScanTarget> {
  const ctx: GitContext = { cwd: input.cwd, log: input.log ?? (() => {}) }
  await requireRepository(ctx.cwd)
  const payload = asRecord(input.payload)

  // 1. Explicit inputs win over the event and over `scan: full`.
  if (input.base || input.head) {
    if (input.full) ctx.log('base/head inputs are set: ignoring scan: full')
    return explicitRange(ctx, input, payload)
  }

  // 2. Whole-tree scans.
  if (input.full || FULL_SCAN_EVENTS.has(input.eventName)) {
    // The checked-out commit: nothing is fetched for a whole-tree scan.
    const ref = await localCommit(ctx.cwd, 'HEAD')
    if (ref === undefined) {
      throw new SourceError(
        'range-unresolvable',
        `${ctx.cwd} has no commit checked out (HEAD does not name one), so ` +
          'there is no tree to scan. Run actions/checkout first.'
      )
    }
    const why = input.full ? 'scan: full' : `${input.eventName} event`
    return {
      mode: 'full',
      ref,
      description: `whole tree at ${shortSha(ref)} (${why})`
    }
  }

  // 3. Ranges from the event payload.
  switch (input.eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = asRecord(payload.pull_request)
      const base = objectId(asRecord(pr.base).sha, 'pull_request.base.sha')
      const head = objectId(asRecord(pr.head).sha, 'pull_request.head.sha')
      const number = typeof pr.number === 'number' ? ` #${pr.number}` : ''
      return diffRange(ctx, base, head, head, `pull request${number}`)
    }
    case 'merge_group': {
      const group = asRecord(payload.merge_group)
      const base = objectId(group.base_sha, 'merge_group.base_sha')
      const head = objectId(group.head_sha, 'merge_group.head_sha')
      return diffRange(ctx, base, head, head, 'merge queue group')
    }
    case 'push':
      return pushRange(ctx, payload)
    default:
      throw new SourceError(
        'event-unsupported',
        `The ${JSON.stringify(input.eventName)} event has no commit range ` +
          'to scan. Set the base and head inputs (commit SHAs or refs), ' +
          'or set scan: full to scan the whole tree.'
      )
  }
}

/** A range from the `base`/`head` inputs, with the event filling a gap. */
async function explicitRange(
  ctx: GitContext,
  input: ScanTargetInput,
  payload: Record<string, unknown>
): Promise<ScanTarget> {
  const head = input.head
    ? checkRevision(input.head, 'head')
    : (eventHead(input.eventName, payload) ?? 'HEAD')
  if (!input.base) {
    throw new SourceError(
      'input-invalid',
      'The head input is set but the base input is not: set base to the ' +
        'commit SHA or branch to compare from.'
    )
  }
  const base = checkRevision(input.base, 'base')
  const headSha = await requireCommit(ctx, head, 'head')
  return diffRange(ctx, base, headSha, headSha, 'base/head inputs')
}

/** The head commit an event names, for a `base` input without `head`. */
function eventHead(
  eventName: string,
  payload: Record<string, unknown>
): string | undefined {
  const candidates: Record<string, unknown> = {
    pull_request: asRecord(asRecord(payload.pull_request).head).sha,
    pull_request_target: asRecord(asRecord(payload.pull_request).head).sha,
    merge_group: asRecord(payload.merge_group).head_sha,
    push: payload.after
  }
  const sha = candidates[eventName]
  return isObjectId(sha) && !isNullObjectId(sha) ? sha : undefined
}
