/**
 * Access control (164.312(a)(1)) for the secrets a workflow holds: they
 * reach only the steps that need them, and never the log or an artifact.
 */
import { isScalar, type Scalar, type YAMLMap } from 'yaml'
import type { DocumentRule, Match, ScanDocument } from '../rule.js'
import { expressionsIn } from './expressions.js'
import { changedAt, nodeMatch, spanMatch } from './matches.js'
import { commentLines } from './shell.js'
import { stepsExample, workflowRule } from './workflow-rule.js'
import { uploadSteps, uploadsHiddenFiles } from './uploads.js'
import { usesAction } from './workflow.js'
import { entries, scalarAt, scalarText, spanOf } from './yaml-nodes.js'

export const checkoutCredentialsPersisted: DocumentRule = workflowRule(
  {
    id: 'checkout-credentials-persisted',
    severity: 'warning',
    safeguard: '164.312(a)(1)',
    summary:
      '`actions/checkout` keeps the token in .git/config in a job that uploads artifacts',
    description:
      'By default `actions/checkout` writes the job token into ' +
      '`.git/config` so later git commands can push. A job that then ' +
      'uploads its workspace with hidden files, or any folder holding ' +
      '`.git`, publishes the token to everyone who can download the ' +
      'artifact. Set ' +
      '`persist-credentials: false` unless a later step pushes. In a diff, ' +
      'an old checkout is reported when the change adds an upload step.',
    validation:
      'Reported when the same job uploads with `actions/upload-artifact` ' +
      'and `include-hidden-files: true`, or with a version before v4.4 ' +
      '(which included hidden files), or one the gate cannot tell (a ' +
      'branch, a SHA without a `# vX.Y.Z` comment). Since v4.4 hidden ' +
      'files are left out by default; `upload-pages-artifact` never ' +
      'archives `.git`.',
    examples: {
      bad: stepsExample(
        '- uses: actions/checkout@<sha>',
        '- run: make dist',
        '- uses: actions/upload-artifact@<sha> # v4.6.2',
        '  with:',
        '    path: .',
        '    include-hidden-files: true'
      ),
      good: stepsExample(
        '- uses: actions/checkout@<sha>',
        '  with:',
        '    persist-credentials: false',
        '- run: make dist',
        '- uses: actions/upload-artifact@<sha>',
        '  with:',
        '    path: dist/'
      )
    }
  },
  function* (file, document) {
    for (const job of file.jobs) {
      const uploads = uploadSteps(job).filter(step =>
        uploadsHiddenFiles(step, document.text)
      )
      if (uploads.length === 0) continue
      const changed = uploads.some(step => {
        const span = step.uses && spanOf(step.uses)
        return span ? changedAt(document, span.start) : false
      })
      for (const step of job.steps) {
        if (!step.uses || !usesAction(step, 'actions/checkout')) continue
        const persist = scalarText(scalarAt(step.with, 'persist-credentials'))
        if (persist?.trim().toLowerCase() === 'false') continue
        yield* nodeMatch(document.text, step.uses, {
          value: scalarText(step.uses) ?? 'actions/checkout',
          kind: 'checkout',
          changed,
          message:
            '`actions/checkout` leaves the job token in `.git/config`, and ' +
            `job \`${job.id}\` uploads an artifact that can include ` +
            'hidden files (`include-hidden-files: true`, or upload-artifact ' +
            'before v4.4). Add ' +
            '`with: { persist-credentials: false }` to the checkout step.'
        })
      }
    }
  }
)

const TO_JSON_SECRETS = /\btojson\s{0,10}\(\s{0,10}secrets\s{0,10}\)/i

export const secretsPassedWholesale: DocumentRule = workflowRule(
  {
    id: 'secrets-passed-wholesale',
    severity: 'error',
    safeguard: '164.312(a)(1)',
    summary:
      'Every secret handed over at once (`toJSON(secrets)`, `secrets: inherit`)',
    description:
      '`toJSON(secrets)` puts every secret of the repository, environment ' +
      'and organisation into one value, and `secrets: inherit` gives a ' +
      'called workflow all of them; either way a step or workflow that ' +
      'needs one secret can read them all. Pass the secrets that are ' +
      'needed by name.',
    validation:
      'Looks at expressions anywhere in the file and at job `secrets:`.',
    examples: {
      bad: 'jobs:\n  deploy:\n    uses: ./.github/workflows/deploy.yml\n    secrets: inherit',
      good:
        'jobs:\n  deploy:\n    uses: ./.github/workflows/deploy.yml\n' +
        '    secrets:\n      DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}'
    }
  },
  function* (file, document): Iterable<Match> {
    const isComment = commentLines(document.text)
    for (const expression of expressionsIn(document.text)) {
      if (!TO_JSON_SECRETS.test(expression.body)) continue
      if (isComment(expression.start)) continue
      yield spanMatch(document.text, expression, {
        kind: 'expression',
        message:
          '`toJSON(secrets)` exposes every secret the workflow can read. ' +
          'Pass only the secrets this step needs, each by name.'
      })
    }
    for (const job of file.jobs) {
      if (!isScalar(job.secrets)) continue
      if (scalarText(job.secrets)?.trim() !== 'inherit') continue
      yield* nodeMatch(document.text, job.secrets, {
        value: `jobs.${job.id}.secrets: inherit`,
        kind: 'secrets',
        severity: 'warning',
        message:
          `\`secrets: inherit\` gives the workflow that job \`${job.id}\` calls ` +
          'every secret. List the ones it needs: ' +
          '`secrets: { NAME: ${{ secrets.NAME }} }`.'
      })
    }
  }
)

const SECRET_REFERENCE = /\$\{\{\s{0,10}secrets\.[\w-]{1,100}\s{0,10}\}\}/i
const ENV_REFERENCE = /\$\{?([A-Za-z_]\w{0,100})|\benv\.([A-Za-z_]\w{0,100})/g
const PRINT = /\b(?:echo|printf)\b/
const COMMAND_END = /;|&&|\|\|/
const REDIRECT = /(?:^|[^>&\d])>>?\s{0,5}["']?([^\s;|&"']{1,300})/
const PIPE_TO_TEE = /(?:^|[^|])\|\s{0,5}(?:sudo\s{1,5})?tee\b/
const PIPE = /(?:^|[^|])\|(?!\|)/
const RUNNER_FILES =
  /^(?:\$\{?(?:GITHUB_ENV|GITHUB_OUTPUT|GITHUB_PATH|GITHUB_STATE)\}?|\/dev\/null)$/

/** Names of environment variables set from `${{ secrets.* }}`. */
function secretEnvNames(...maps: (YAMLMap | undefined)[]): Set<string> {
  const names = new Set<string>()
  for (const map of maps) {
    for (const [name, , value] of entries(map)) {
      if (SECRET_REFERENCE.test(scalarText(value as Scalar) ?? '')) {
        names.add(name)
      }
    }
  }
  return names
}

function mentionsSecret(line: string, names: ReadonlySet<string>): boolean {
  if (SECRET_REFERENCE.test(line)) return true
  for (const m of line.matchAll(ENV_REFERENCE)) {
    if (names.has(m[1] ?? m[2]!)) return true
  }
  return false
}

/** Where a printing command sends its output: the log, a file, or elsewhere. */
function sinkOf(command: string): 'log' | 'file' | 'other' {
  if (PIPE_TO_TEE.test(command)) return 'file'
  if (PIPE.test(command)) return 'other'
  const redirect = REDIRECT.exec(command)
  if (!redirect) return 'log'
  return RUNNER_FILES.test(redirect[1]!) ? 'other' : 'file'
}

export const secretInLogOrArtifact: DocumentRule = workflowRule(
  {
    id: 'secret-in-log-or-artifact',
    severity: 'warning',
    safeguard: '164.312(a)(1)',
    summary: 'Secret printed to the log, or written to a file the job uploads',
    description:
      'The runner masks secrets in the log only when they appear exactly ' +
      'as stored; a secret that is base64-encoded, split, or written into ' +
      'JSON is printed in clear, and a secret written to a file travels ' +
      'with any artifact the job uploads. Do not echo secrets; hand them ' +
      'to the tool that needs them through an environment variable or ' +
      'stdin (`--password-stdin`), and keep files holding them out of ' +
      'uploaded paths.',
    validation:
      'Looks for `echo`/`printf` lines in `run:` scripts that reference ' +
      '`${{ secrets.* }}` or an environment variable set from one. ' +
      'Output piped into another command (`| docker login ' +
      '--password-stdin`) or written to `$GITHUB_ENV` and the other runner ' +
      'files passes; a file is reported when the job uploads an artifact.',
    examples: {
      bad: stepsExample(
        '- env:',
        '    API_KEY: ${{ secrets.API_KEY }}',
        '  run: echo "key=$API_KEY" > config.txt',
        '- uses: actions/upload-artifact@<sha>',
        '  with:',
        '    path: .'
      ),
      good: stepsExample(
        '- env:',
        '    API_KEY: ${{ secrets.API_KEY }}',
        '  run: ./deploy.sh # reads $API_KEY itself'
      )
    }
  },
  function* (file, document) {
    for (const job of file.jobs) {
      const uploads = uploadSteps(job).length > 0
      for (const step of job.steps) {
        if (!step.run) continue
        const names = secretEnvNames(file.env, job.env, step.env)
        yield* printedSecrets(document, step.run, names, uploads, job.id)
      }
    }
  }
)

function* printedSecrets(
  document: ScanDocument,
  run: Scalar,
  names: ReadonlySet<string>,
  uploads: boolean,
  jobId: string
): Iterable<Match> {
  const span = spanOf(run)
  if (!span) return
  let at = span.start
  while (at < span.end) {
    const newline = document.text.indexOf('\n', at)
    const end = newline === -1 || newline > span.end ? span.end : newline
    const line = document.text.slice(at, end)
    const print = PRINT.exec(line)
    // The printing command ends at the next `;`, `&&` or `||`; what
    // follows is another command with its own output.
    const command = print
      ? line.slice(print.index).split(COMMAND_END)[0]!.trimEnd()
      : ''
    if (
      print &&
      !command.includes('::add-mask::') &&
      mentionsSecret(command, names)
    ) {
      const sink = sinkOf(command)
      const start = at + print.index
      const target = { start, end: start + command.length }
      if (sink === 'log') {
        yield spanMatch(document.text, target, {
          kind: 'command',
          message:
            'A secret is printed to the log, where masking fails once it ' +
            'is encoded or transformed. Pass it to the tool that needs it ' +
            'through an environment variable or stdin instead.'
        })
      } else if (sink === 'file' && uploads) {
        yield spanMatch(document.text, target, {
          kind: 'command',
          severity: 'error',
          message:
            `A secret is written to a file, and job \`${jobId}\` uploads ` +
            'an artifact that can carry it. Keep the file outside every ' +
            'uploaded path, or pass the secret by environment variable.'
        })
      }
    }
    at = end + 1
  }
}

export const secretExposureRules: readonly DocumentRule[] = [
  checkoutCredentialsPersisted,
  secretsPassedWholesale,
  secretInLogOrArtifact
]
