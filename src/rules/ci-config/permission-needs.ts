/**
 * Which token scopes a job plausibly needs, judged from the actions it uses
 * and the commands it runs. The table lists common actions and CLIs; a job
 * that calls the API in ways the table cannot see (`actions/github-script`,
 * `gh api`, a reusable workflow, a local action, an unknown action handed
 * the token) is assumed to need every scope, so the rule errs towards
 * silence.
 */
import type { Scalar } from 'yaml'
import { actionName, type Job, type Step } from './workflow.js'
import { scalarText, scalarsUnder } from './yaml-nodes.js'

interface Evidence {
  /** Action names (lower-case, no ref); a prefix ending in `/` matches any. */
  readonly actions: readonly string[]
  readonly commands: readonly RegExp[]
}

const NEEDS: Readonly<Record<string, Evidence>> = {
  contents: {
    actions: [
      'softprops/action-gh-release',
      'ncipollo/release-action',
      'actions/create-release',
      'changesets/action',
      'googleapis/release-please-action',
      'google-github-actions/release-please-action',
      'stefanzweifel/git-auto-commit-action',
      'peter-evans/create-pull-request',
      'peaceiris/actions-gh-pages',
      'jamesives/github-pages-deploy-action',
      'endbug/add-and-commit',
      'ad-m/github-push-action'
    ],
    commands: [
      /\bgit\s{1,10}push\b/,
      /\bgh\s{1,10}release\b/,
      /\bsemantic-release\b/,
      /\bgh\s{1,10}pr\s{1,10}merge\b/
    ]
  },
  packages: {
    actions: ['docker/login-action', 'docker/build-push-action'],
    commands: [
      /\bdocker\s{1,10}push\b/,
      /\bghcr\.io\b/,
      /\bnpm\.pkg\.github\.com\b/,
      /\b(?:npm|yarn|pnpm)\s{1,10}publish\b/
    ]
  },
  'id-token': {
    actions: [
      'actions/attest-build-provenance',
      'actions/attest',
      'actions/deploy-pages',
      'aws-actions/configure-aws-credentials',
      'azure/login',
      'google-github-actions/auth',
      'hashicorp/vault-action',
      'pypa/gh-action-pypi-publish',
      'sigstore/cosign-installer',
      'sigstore/gh-action-sigstore-python',
      'slsa-framework/'
    ],
    commands: [
      /--provenance\b/,
      /\bcosign\s{1,10}(?:sign|attest)/,
      /\bACTIONS_ID_TOKEN_REQUEST/,
      /\b(?:npm|yarn|pnpm)\s{1,10}publish\b/
    ]
  },
  attestations: {
    actions: ['actions/attest-build-provenance', 'actions/attest'],
    commands: [/\bgh\s{1,10}attestation\b/]
  },
  pages: { actions: ['actions/deploy-pages'], commands: [] },
  'security-events': {
    actions: ['github/codeql-action/', 'ossf/scorecard-action'],
    commands: [/\bcodeql\s{1,10}github\s{1,10}upload-results\b/]
  },
  'pull-requests': {
    actions: [
      'actions/labeler',
      'actions/stale',
      'peter-evans/create-pull-request',
      'peter-evans/create-or-update-comment',
      'marocchino/sticky-pull-request-comment',
      'thollander/actions-comment-pull-request',
      'changesets/action',
      'googleapis/release-please-action'
    ],
    commands: [/\bgh\s{1,10}pr\b/]
  },
  issues: {
    actions: [
      'actions/stale',
      'actions/labeler',
      'peter-evans/create-or-update-comment',
      'googleapis/release-please-action'
    ],
    commands: [/\bgh\s{1,10}issue\b/, /\bgh\s{1,10}label\b/]
  },
  checks: {
    actions: [
      'dorny/test-reporter',
      'enricomi/publish-unit-test-result-action',
      'mikepenz/action-junit-report'
    ],
    commands: [/\/check-runs\b/]
  },
  statuses: { actions: [], commands: [/\/statuses\//] },
  deployments: {
    actions: ['chrnorm/deployment-action', 'bobheadxi/deployments'],
    commands: [/\/deployments\b/]
  },
  actions: {
    actions: [],
    commands: [/\bgh\s{1,10}(?:run|workflow|cache)\b/]
  }
}

/** Actions and commands that reach the whole API with the token. */
const ANY_SCOPE_ACTIONS = ['actions/github-script']
const ANY_SCOPE_COMMANDS = [/\bgh\s{1,10}api\b/, /\bapi\.github\.com\b/]
const TOKEN = /\bgithub\.token\b|\bsecrets\.github_token\b/i

function matchesAction(name: string, patterns: readonly string[]): boolean {
  return patterns.some(p =>
    p.endsWith('/')
      ? name.startsWith(p)
      : name === p || name.startsWith(p + '/')
  )
}

function knownAction(name: string): boolean {
  if (matchesAction(name, ANY_SCOPE_ACTIONS)) return true
  return Object.values(NEEDS).some(e => matchesAction(name, e.actions))
}

/** Whether a step hands the token to an action the table does not know. */
function passesTokenToUnknownAction(step: Step, name: string): boolean {
  if (knownAction(name)) return false
  for (const node of scalarsUnder(step.with)) {
    if (TOKEN.test(scalarText(node as Scalar) ?? '')) return true
  }
  for (const node of scalarsUnder(step.env)) {
    if (TOKEN.test(scalarText(node as Scalar) ?? '')) return true
  }
  return false
}

/** Whether `job` shows a use for the write scope `scope`. */
export function jobNeedsScope(job: Job, scope: string): boolean {
  if (job.uses) return true
  const evidence = NEEDS[scope]
  for (const step of job.steps) {
    const name = actionName(step.uses)
    if (name !== undefined) {
      // A local action is repository code whose token use the table
      // cannot know (it may default an input to `github.token`).
      if (name.startsWith('./') || matchesAction(name, ANY_SCOPE_ACTIONS)) {
        return true
      }
      if (evidence && matchesAction(name, evidence.actions)) return true
      if (passesTokenToUnknownAction(step, name)) return true
    }
    const script = scalarText(step.run)
    if (script !== undefined) {
      if (ANY_SCOPE_COMMANDS.some(re => re.test(script))) return true
      if (evidence?.commands.some(re => re.test(script))) return true
    }
  }
  // A scope the table does not describe cannot be judged: assume it is used.
  return evidence === undefined
}
