/**
 * Access control (164.312(a)(1)) for the workflow token: every workflow
 * says what its token may do, never everything, and no job holds a write
 * scope it shows no use for.
 */
import { isMap, isScalar, type Pair } from 'yaml'
import type { DocumentRule, Match } from '../rule.js'
import { changedAt, nodeMatch, spanMatch } from './matches.js'
import { jobNeedsScope } from './permission-needs.js'
import { workflowRule } from './workflow-rule.js'
import type { Job } from './workflow.js'
import { scalarText, spanOf } from './yaml-nodes.js'

const HELP =
  'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token'

export const permissionsUndeclared: DocumentRule = workflowRule(
  {
    id: 'workflow-permissions-undeclared',
    severity: 'warning',
    safeguard: '164.312(a)(1)',
    summary: 'Job runs with the default token permissions',
    description:
      'Without a `permissions` block the token gets the repository or ' +
      'organisation default, which is read and write on every scope in ' +
      'repositories created before 2023. Declare `permissions` at the top ' +
      'of the workflow (usually `contents: read`) and grant writes in the ' +
      'jobs that need them. The finding points at each job that inherits ' +
      'the default, so a change that adds such a job is reported.',
    validation: 'Passes when the workflow or the job has a `permissions` key.',
    helpUri: HELP,
    examples: {
      bad: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest',
      good:
        'on: push\npermissions:\n  contents: read\njobs:\n  test:\n' +
        '    runs-on: ubuntu-latest'
    }
  },
  function* (file, document) {
    if (file.kind !== 'workflow' || file.permissions) return
    for (const job of file.jobs) {
      if (job.permissions) continue
      yield* nodeMatch(document.text, job.key, {
        value: `jobs.${job.id}`,
        kind: 'job',
        message:
          `Job \`${job.id}\` runs with the default token permissions because ` +
          'neither the workflow nor the job declares `permissions`. Add ' +
          '`permissions: { contents: read }` at the top of the workflow and ' +
          'grant write scopes only in the jobs that need them.'
      })
    }
  }
)

export const permissionsWriteAll: DocumentRule = workflowRule(
  {
    id: 'workflow-permissions-write-all',
    severity: 'error',
    safeguard: '164.312(a)(1)',
    summary: 'Token granted `write-all`',
    description:
      '`permissions: write-all` gives the token write access to code, ' +
      'releases, packages, deployments and security alerts; any step or ' +
      'action in the job can use it. List the scopes the job needs instead.',
    validation: 'Looks at workflow-level and job-level `permissions`.',
    helpUri: HELP,
    examples: {
      bad: 'permissions: write-all',
      good: 'permissions:\n  contents: read\n  pull-requests: write'
    }
  },
  function* (file, document) {
    const blocks = [file.permissions, ...file.jobs.map(j => j.permissions)]
    for (const pair of blocks) {
      if (!pair || !isScalar(pair.value)) continue
      if (scalarText(pair.value)?.trim() !== 'write-all') continue
      yield* nodeMatch(document.text, pair.value, {
        value: 'write-all',
        kind: 'permissions',
        message:
          'The token is granted `write-all`. Replace it with the scopes the ' +
          'job uses, e.g. `permissions: { contents: read }`, adding writes ' +
          'one by one.'
      })
    }
  }
)

/** The write scopes of a `permissions` mapping, with their pairs. */
function writeScopes(pair: Pair | undefined): [string, Pair][] {
  if (!pair || !isMap(pair.value)) return []
  const scopes: [string, Pair][] = []
  for (const item of pair.value.items) {
    if (!isScalar(item.key) || scalarText(item.value)?.trim() !== 'write') {
      continue
    }
    scopes.push([String(item.key.value), item as Pair])
  }
  return scopes
}

/** How to take a write away: `id-token` has no read level. */
function lower(scope: string, where: string): string {
  return scope === 'id-token'
    ? `Remove \`id-token: write\` ${where}`
    : `Set \`${scope}: read\` (or remove it) ${where}`
}

function pairMatch(
  text: string,
  pair: Pair,
  value: string,
  message: string,
  changed = false
) {
  const key = isScalar(pair.key) ? spanOf(pair.key) : undefined
  const end = isScalar(pair.value) ? spanOf(pair.value) : undefined
  if (!key) return []
  const span = { start: key.start, end: end?.end ?? key.end }
  return [
    spanMatch(text, span, { value, kind: 'permission', message, changed })
  ]
}

export const permissionsUnneededWrite: DocumentRule = workflowRule(
  {
    id: 'workflow-permissions-unneeded-write',
    severity: 'warning',
    safeguard: '164.312(a)(1)',
    summary: 'Write scope granted to a job that shows no use for it',
    description:
      'Each write scope is checked against the actions and commands of the ' +
      'jobs that receive it (a release action for `contents`, a registry ' +
      'push for `packages`, OIDC-based actions for `id-token`, CodeQL for ' +
      '`security-events`, and so on). A write granted at the top of the ' +
      'workflow reaches every job; grant it in the job that needs it. Jobs ' +
      'that call `actions/github-script`, `gh api`, a reusable workflow, a ' +
      'local action (`uses: ./…`), or ' +
      'hand the token to an action the gate does not know are assumed to ' +
      'need every scope. If a job does need a scope the gate cannot see, ' +
      'say why with `# hipaa-gate:allow <reason>` on the scope line.',
    validation:
      'Heuristic: based on a table of common actions and CLI commands.',
    helpUri: HELP,
    examples: {
      bad:
        'permissions:\n  contents: write\njobs:\n  test:\n    steps:\n' +
        '      - run: npm test',
      good:
        'permissions:\n  contents: read\njobs:\n  release:\n' +
        '    permissions:\n      contents: write\n    steps:\n' +
        '      - run: gh release create "$TAG"'
    }
  },
  function* (file, document): Iterable<Match> {
    if (file.kind !== 'workflow') return
    const inheriting: Job[] = file.jobs.filter(job => !job.permissions)
    for (const [scope, pair] of writeScopes(file.permissions)) {
      const idle = inheriting.filter(job => !jobNeedsScope(job, scope))
      if (idle.length === 0) continue
      const names = idle.map(job => `\`${job.id}\``).join(', ')
      // A job the change adds inherits the write: the old line now grants
      // more than it did.
      const changed = idle.some(job => {
        const span = spanOf(job.key)
        return span ? changedAt(document, span.start) : false
      })
      yield* pairMatch(
        document.text,
        pair,
        `permissions.${scope}`,
        `\`${scope}: write\` is granted to every job, but ${names} ` +
          `show${idle.length === 1 ? 's' : ''} no use for it. ` +
          `${lower(scope, 'at the top')} and grant \`${scope}: write\` ` +
          'only in the jobs that need it.',
        changed
      )
    }
    for (const job of file.jobs) {
      for (const [scope, pair] of writeScopes(job.permissions)) {
        if (jobNeedsScope(job, scope)) continue
        yield* pairMatch(
          document.text,
          pair,
          `jobs.${job.id}.permissions.${scope}`,
          `Job \`${job.id}\` is granted \`${scope}: write\` but none of its ` +
            `steps shows a use for it. ${lower(scope, 'there')}.`
        )
      }
    }
  }
)

/** The token-permission rules. */
export const permissionRules: readonly DocumentRule[] = [
  permissionsUndeclared,
  permissionsWriteAll,
  permissionsUnneededWrite
]
