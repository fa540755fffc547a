/**
 * GitHub event payloads for tests, taken from the published examples in
 * `@octokit/webhooks-examples` so that their shape is GitHub's, with the
 * fields the gate reads replaced by a test repository's commits.
 */
import { createRequire } from 'node:module'

interface Definition {
  name: string
  examples: Record<string, unknown>[]
}

const definitions = createRequire(import.meta.url)(
  '@octokit/webhooks-examples'
) as Definition[]

type Payload = Record<string, unknown>

/** A deep copy of the first example of `event` that `pick` accepts. */
export function examplePayload(
  event: string,
  pick: (payload: Payload) => boolean = () => true
): Payload {
  const found = definitions
    .find(d => d.name === event)
    ?.examples.find(example => pick(example))
  if (!found) throw new Error(`no example payload for ${event}`)
  return structuredClone(found)
}

const NULL_SHA = '0'.repeat(40)

function commitEntry(template: unknown, id: string): Payload {
  return { ...(template as Payload), id, distinct: true }
}

/** A `push` payload. `before` may be all zeros for a new branch. */
export function pushPayload(opts: {
  before: string
  after: string
  ref?: string
  commits?: string[]
  deleted?: boolean
  defaultBranch?: string
}): Payload {
  const payload = examplePayload(
    'push',
    p => p.ref === 'refs/heads/master' && Array.isArray(p.commits)
  )
  const template = (payload.commits as unknown[])[0]
  const repository = payload.repository as Payload
  repository.default_branch = opts.defaultBranch ?? 'main'
  return {
    ...payload,
    ref: opts.ref ?? 'refs/heads/main',
    before: opts.before,
    after: opts.deleted ? NULL_SHA : opts.after,
    created: opts.before === NULL_SHA,
    deleted: opts.deleted ?? false,
    forced: false,
    commits: (opts.commits ?? []).map(id => commitEntry(template, id)),
    repository
  }
}

/** A `pull_request` (or `pull_request_target`) payload. */
export function pullRequestPayload(opts: {
  base: string
  head: string
  number?: number
}): Payload {
  const payload = examplePayload('pull_request', p => p.action === 'opened')
  const pr = payload.pull_request as Payload
  ;(pr.base as Payload).sha = opts.base
  ;(pr.head as Payload).sha = opts.head
  pr.number = opts.number ?? 7
  payload.number = pr.number
  return payload
}

/** A `merge_group` payload. */
export function mergeGroupPayload(opts: {
  base: string
  head: string
}): Payload {
  const payload = examplePayload('merge_group')
  const group = payload.merge_group as Payload
  group.base_sha = opts.base
  group.head_sha = opts.head
  return payload
}

export { NULL_SHA }
