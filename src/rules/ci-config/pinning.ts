/**
 * Integrity (164.312(c)(1)): every action, reusable workflow and container
 * image a workflow runs is pinned to an immutable identifier, so what was
 * reviewed is what runs.
 */
import { isMap, isScalar, type Scalar } from 'yaml'
import type { DocumentRule, Match } from '../rule.js'
import { nodeMatch, quoted } from './matches.js'
import { stepsExample, workflowRule } from './workflow-rule.js'
import { entries, scalarAt, scalarText } from './yaml-nodes.js'

/** Options for the pinning rules. */
export interface PinningOptions {
  /**
   * Owners whose actions may be used by tag (compared lower-case, e.g.
   * `actions`). Default: none. Unpinned actions under `actions/` and
   * `github/` are reported as warnings, all others as errors.
   */
  readonly trustedActionOwners?: readonly string[]
}

const GITHUB_OWNERS = new Set(['actions', 'github'])
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i
const SHORT_SHA = /^[0-9a-f]{7,39}$/i
const VERSION_TAG = /^v?\d{1,6}(?:\.\d{1,6}){0,2}$/
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i
const SAFE_NAME = /^[\w.-]{1,100}(?:\/[\w.-]{1,100}){1,10}$/

/** Rules for actions and images that are not pinned. */
export function pinningRules(options: PinningOptions = {}): DocumentRule[] {
  const trusted = new Set(
    (options.trustedActionOwners ?? []).map(owner => owner.toLowerCase())
  )
  return [actionNotPinned(trusted), containerImageNotPinned]
}

function actionNotPinned(trusted: ReadonlySet<string>): DocumentRule {
  return workflowRule(
    {
      id: 'action-not-pinned-to-sha',
      severity: 'error',
      safeguard: '164.312(c)(1)',
      summary:
        'Action or reusable workflow referenced by a tag or branch instead of a commit SHA',
      description:
        'A tag or branch can be moved to other code after review; a ' +
        'compromised action then runs with the job token and its secrets. ' +
        'Pin every `uses:` to the full commit SHA and keep the version in a ' +
        'comment so update tools (Dependabot, Renovate) can follow it. ' +
        'Local actions (`./path`) are part of the repository and pass; ' +
        '`docker://` references are checked by container-image-not-pinned. ' +
        'Actions owned by `actions/` and `github/` are reported as warnings ' +
        'rather than errors; the `trustedActionOwners` option exempts owners.',
      validation:
        'The ref after `@` must be 40 (or 64) hexadecimal characters; a ' +
        'short SHA is refused because it can become ambiguous.',
      helpUri:
        'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions',
      examples: {
        bad: stepsExample('- uses: some-org/setup-tool@v2'),
        good: stepsExample(
          '- uses: some-org/setup-tool@' +
            '0123456789abcdef0123456789abcdef01234567 # v2.1.0'
        )
      }
    },
    function* (file, document) {
      for (const job of file.jobs) {
        const references = [job.uses, ...job.steps.map(step => step.uses)]
        for (const uses of references) {
          if (uses) yield* checkReference(document.text, uses, trusted)
        }
      }
    }
  )
}

function* checkReference(
  text: string,
  uses: Scalar,
  trusted: ReadonlySet<string>
): Iterable<Match> {
  const reference = (scalarText(uses) ?? '').trim()
  if (reference === '' || reference.startsWith('.')) return
  if (reference.startsWith('docker://') || reference.includes('${{')) return
  const at = reference.lastIndexOf('@')
  const name = at === -1 ? reference : reference.slice(0, at)
  const ref = at === -1 ? '' : reference.slice(at + 1)
  if (COMMIT_SHA.test(ref)) return
  const owner = name.split('/')[0]!.toLowerCase()
  if (trusted.has(owner)) return

  const what =
    ref === ''
      ? 'no ref at all'
      : SHORT_SHA.test(ref)
        ? 'a short SHA'
        : 'a tag or branch, which can be moved to other code'
  const safe = SAFE_NAME.test(name)
  const shown = safe ? name : 'owner/repo'
  const version = VERSION_TAG.test(ref) ? ref : 'vX.Y.Z'
  yield* nodeMatch(text, uses, {
    value: reference,
    kind: 'action reference',
    severity: GITHUB_OWNERS.has(owner) ? 'warning' : 'error',
    message:
      `${safe ? `\`${name}\`` : 'This action'} is referenced by ${what}. ` +
      `Pin the full commit SHA: \`uses: ${shown}@<40-hex sha> # ${version}\`.`,
    ...(safe ? { properties: { action: name } } : {})
  })
}

const containerImageNotPinned: DocumentRule = workflowRule(
  {
    id: 'container-image-not-pinned',
    severity: 'warning',
    safeguard: '164.312(c)(1)',
    summary:
      'Job container, service or Docker action image not pinned by digest',
    description:
      'An image tag such as `postgres:16` or `latest` is a pointer the ' +
      'registry owner can move. Reference the image by its content digest ' +
      'and keep the tag in a comment. Covers `jobs.<id>.container`, ' +
      '`jobs.<id>.services.<id>.image`, `uses: docker://…` steps and ' +
      'Docker actions (`runs.image` in action.yml). Images chosen by an ' +
      'expression (`${{ matrix.image }}`) cannot be checked and pass.',
    validation: 'The reference must end in `@sha256:` and 64 hex digits.',
    examples: {
      bad:
        'jobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n' +
        '      db:\n        image: postgres:16',
      good:
        'jobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n' +
        '      db:\n        image: postgres@sha256:' +
        '0123456789abcdef'.repeat(4) +
        ' # 16'
    }
  },
  function* (file, document) {
    const images: Scalar[] = []
    if (file.image) images.push(file.image)
    for (const job of file.jobs) {
      const container = isMap(job.container)
        ? scalarAt(job.container, 'image')
        : job.container
      if (isScalar(container)) images.push(container)
      for (const [, , service] of entries(job.services)) {
        const image = scalarAt(service, 'image')
        if (image) images.push(image)
      }
      for (const step of job.steps) {
        if (scalarText(step.uses)?.trim().startsWith('docker://')) {
          images.push(step.uses!)
        }
      }
    }
    for (const node of images) {
      const raw = (scalarText(node) ?? '').trim()
      const image = raw.replace(/^docker:\/\//, '')
      if (image === '' || image.includes('${{') || IMAGE_DIGEST.test(image)) {
        continue
      }
      // A Docker action may name a Dockerfile, which is built, not pulled.
      if (node === file.image && !raw.startsWith('docker://')) continue
      const shown = quoted(image, 'This image')
      yield* nodeMatch(document.text, node, {
        value: raw,
        kind: 'container image',
        message:
          `${shown} is referenced by tag, which the registry can move. ` +
          'Pin it by digest: `image: name@sha256:<digest> # tag`.'
      })
    }
  }
)
