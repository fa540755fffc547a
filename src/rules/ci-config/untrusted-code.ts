/**
 * Integrity (164.312(c)(1)) against code and text from outside the
 * repository: pull request code run with the base repository's secrets,
 * and event fields spliced into scripts.
 */
import type { Scalar } from 'yaml'
import type { DocumentRule, Match, ScanDocument } from '../rule.js'
import { expressionsIn, untrustedFields } from './expressions.js'
import { changedAt, nodeMatch, spanMatch } from './matches.js'
import { stepsExample, workflowRule } from './workflow-rule.js'
import { triggerOf, usesAction, type Step } from './workflow.js'
import { scalarAt, scalarText, spanOf } from './yaml-nodes.js'

/**
 * Triggers that run with secrets and a write token whoever opened the pull
 * request (`issue_comment` covers the `/ok-to-test` comment pattern).
 */
const PRIVILEGED_TRIGGERS = [
  'pull_request_target',
  'workflow_run',
  'issue_comment'
]

// References to the pull request's head (or merge) commit, branch or repo.
const PR_HEAD =
  /github\.event\.pull_request\.(?:head\.(?:sha|ref|repo\.full_name)|merge_commit_sha)|github\.head_ref|github\.event\.workflow_run\.(?:head_sha|head_branch|head_repository\.full_name)|refs\/pull\/|\bpull\/(?:\$\{\{|\d)/i

const GIT_FETCH_HEAD =
  /\b(?:git\s{1,10}(?:checkout|switch|fetch|pull|reset|worktree)\b[^\n]{0,300}|gh\s{1,10}pr\s{1,10}checkout\b[^\n]{0,300})/g

export const untrustedCodeCheckout: DocumentRule = workflowRule(
  {
    id: 'untrusted-code-checkout',
    severity: 'error',
    safeguard: '164.312(c)(1)',
    summary:
      'Privileged workflow (`pull_request_target`, `workflow_run`, `issue_comment`) checks out the pull request’s code',
    description:
      '`pull_request_target`, `workflow_run` and `issue_comment` run in ' +
      'the base repository ' +
      'with its secrets and a token that can write, even for pull requests ' +
      'from forks. Checking out the pull request head there and then ' +
      'building, testing or installing it lets the author of the pull ' +
      'request run code with those privileges. Build untrusted code in a ' +
      '`pull_request` workflow (no secrets) and pass results to the ' +
      'privileged workflow as an artifact it treats as data. In a diff, an ' +
      'old checkout step is reported when the change adds the trigger.',
    validation:
      'Looks at `actions/checkout` `ref`/`repository` inputs and at ' +
      '`git checkout`, `git fetch` and `gh pr checkout` in `run:` scripts.',
    helpUri:
      'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/',
    examples: {
      bad:
        'on: pull_request_target\njobs:\n  test:\n    steps:\n' +
        '      - uses: actions/checkout@<sha>\n        with:\n' +
        '          ref: ${{ github.event.pull_request.head.sha }}\n' +
        '      - run: npm ci && npm test',
      good:
        'on: pull_request_target\njobs:\n  label:\n    steps:\n' +
        '      - uses: actions/labeler@<sha> # reads only the diff metadata'
    }
  },
  function* (file, document) {
    const trigger = triggerOf(file, PRIVILEGED_TRIGGERS)
    if (!trigger) return
    const changed = file.triggers.some(t => {
      const span = PRIVILEGED_TRIGGERS.includes(t.event) && spanOf(t.node)
      return span ? changedAt(document, span.start) : false
    })
    const message =
      `This workflow runs on \`${trigger.event}\`, with the base ` +
      "repository's secrets and a write token, and this step fetches the " +
      "pull request's code, which then runs with them. Check out the base " +
      'ref instead, or build the pull request in a `pull_request` workflow ' +
      'and hand its results over as an artifact.'
    for (const job of file.jobs) {
      for (const step of job.steps) {
        yield* checkoutOfHead(document, step, message, changed)
        if (step.run) yield* fetchOfHead(document, step.run, message, changed)
      }
    }
  }
)

function* checkoutOfHead(
  document: ScanDocument,
  step: Step,
  message: string,
  changed: boolean
): Iterable<Match> {
  if (!usesAction(step, 'actions/checkout')) return
  for (const input of ['ref', 'repository']) {
    const node = scalarAt(step.with, input)
    const value = scalarText(node)
    if (!node || value === undefined || !PR_HEAD.test(value)) continue
    yield* nodeMatch(document.text, node, {
      value,
      kind: 'checkout ref',
      message,
      changed
    })
    return
  }
}

function* fetchOfHead(
  document: ScanDocument,
  run: Scalar,
  message: string,
  changed: boolean
): Iterable<Match> {
  const span = spanOf(run)
  if (!span) return
  const script = document.text.slice(span.start, span.end)
  for (const m of script.matchAll(GIT_FETCH_HEAD)) {
    const command = m[0]
    if (!command.startsWith('gh') && !PR_HEAD.test(command)) continue
    const start = span.start + m.index
    yield spanMatch(
      document.text,
      { start, end: start + command.trimEnd().length },
      { message, kind: 'checkout command', changed }
    )
  }
}

export const untrustedInputInScript: DocumentRule = workflowRule(
  {
    id: 'untrusted-input-in-script',
    severity: 'error',
    safeguard: '164.312(c)(1)',
    summary:
      'Attacker-controlled event field expanded into a `run:` or github-script script',
    description:
      'An expression like `${{ github.event.issue.title }}` is pasted into ' +
      'the script text before the shell sees it, so a title such as ' +
      '`"; curl … | sh #` becomes a command run with the job token and ' +
      'secrets. Pass the value through an environment variable and quote ' +
      'it: `env: TITLE: ${{ github.event.issue.title }}` and `"$TITLE"` in ' +
      'the script (`process.env.TITLE` in github-script). Inputs of ' +
      'composite actions (`${{ inputs.* }}`) are set by the calling ' +
      'workflow and are not reported here.',
    validation:
      'Fields checked: titles and bodies of issues, pull requests, ' +
      'comments, reviews and discussions; head branch names and labels; ' +
      'commit messages and author names and emails; wiki page names.',
    helpUri:
      'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections',
    examples: {
      bad: stepsExample(
        '- run: echo "New issue ${{ github.event.issue.title }}"'
      ),
      good: stepsExample(
        '- env:',
        '    TITLE: ${{ github.event.issue.title }}',
        '  run: echo "New issue $TITLE"'
      )
    }
  },
  function* (file, document) {
    for (const job of file.jobs) {
      for (const step of job.steps) {
        const scripts: [Scalar, string][] = []
        if (step.run) scripts.push([step.run, '"$VALUE"'])
        const script = scalarAt(step.with, 'script')
        if (script && usesAction(step, 'actions/github-script')) {
          scripts.push([script, 'process.env.VALUE'])
        }
        for (const [node, use] of scripts) {
          const span = spanOf(node)
          if (!span) continue
          for (const expression of expressionsIn(
            document.text,
            span.start,
            span.end
          )) {
            const [field] = untrustedFields(expression.body)
            if (field === undefined) continue
            yield spanMatch(document.text, expression, {
              kind: 'expression',
              message:
                `\`${field}\` is written by whoever opens the issue, pull ` +
                'request or commit, and is pasted into the script before ' +
                'it runs. Pass it through an environment variable: ' +
                `\`env: VALUE: \${{ ${field} }}\` and use ${use}.`,
              properties: { field }
            })
          }
        }
      }
    }
  }
)

export const untrustedCodeRules: readonly DocumentRule[] = [
  untrustedCodeCheckout,
  untrustedInputInScript
]
