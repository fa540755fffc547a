/**
 * Integrity (164.312(c)(1)) of the runner itself: no workflow command that
 * lets log output rewrite the environment, and no self-hosted runner for
 * code from forks.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml'
import type { DocumentRule, Match, TextRule } from '../rule.js'
import { capPerLine, changedAt, nodeMatch } from './matches.js'
import { isActionsPath, isTransportPath } from './paths.js'
import { commentLines } from './shell.js'
import { workflowRule } from './workflow-rule.js'
import { scalarText, seqItems, spanOf } from './yaml-nodes.js'

const UNSECURE_COMMANDS =
  /\bACTIONS_ALLOW_UNSECURE_COMMANDS\b["']?\s{0,5}[:=]\s{0,5}["']?(?:true|1)\b|::(?:set-env|add-path)\b/gi

export const insecureWorkflowCommands: TextRule = {
  kind: 'text',
  id: 'insecure-workflow-commands',
  category: 'ci-config',
  severity: 'error',
  safeguard: '164.312(c)(1)',
  summary:
    'Deprecated `::set-env`/`::add-path` or ACTIONS_ALLOW_UNSECURE_COMMANDS',
  description:
    'The `set-env` and `add-path` workflow commands were disabled because ' +
    'any text a step prints, a pull request title in a log line for ' +
    'example, could use them to set environment variables or PATH for ' +
    'the rest of the job. `ACTIONS_ALLOW_UNSECURE_COMMANDS: true` turns ' +
    'them back on. Write to `$GITHUB_ENV` and `$GITHUB_PATH` instead.',
  validation:
    'Looks at workflows, action metadata and the scripts and config files ' +
    'the transmission rules read.',
  helpUri:
    'https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/',
  examples: {
    bad: 'run: echo "::set-env name=MODE::release"',
    good: 'run: echo "MODE=release" >> "$GITHUB_ENV"'
  },
  keywords: ['actions_allow_unsecure_commands', '::set-env', '::add-path'],
  redaction: 'none',
  appliesTo: path => isActionsPath(path) || isTransportPath(path),
  detect(text: string): Iterable<Match> {
    return capPerLine(text, unsecureCommands(text))
  }
}

function* unsecureCommands(text: string): Iterable<Match> {
  const isComment = commentLines(text)
  for (const m of text.matchAll(UNSECURE_COMMANDS)) {
    if (isComment(m.index)) continue
    const enabling = m[0].toLowerCase().startsWith('actions_')
    yield {
      start: m.index,
      end: m.index + m[0].length,
      value: m[0],
      kind: 'workflow command',
      message: enabling
        ? '`ACTIONS_ALLOW_UNSECURE_COMMANDS` re-enables `set-env` and ' +
          '`add-path`, which let any printed text change the environment. ' +
          'Remove it and write to `$GITHUB_ENV` / `$GITHUB_PATH`.'
        : 'The `set-env`/`add-path` workflow commands let printed text ' +
          'change the environment. Append to `$GITHUB_ENV` or ' +
          '`$GITHUB_PATH` instead.'
    }
  }
}

/** Events whose runs can carry code from a fork's pull request. */
const FORK_TRIGGERS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
]

/** The `self-hosted` label nodes in a `runs-on` value. */
function selfHostedLabels(runsOn: Node | undefined): Scalar[] {
  const labels: unknown[] = isSeq(runsOn)
    ? runsOn.items
    : isMap(runsOn)
      ? seqItems(runsOn, 'labels')
      : [runsOn]
  return labels.filter(
    (node): node is Scalar =>
      isScalar(node) && scalarText(node)?.trim().toLowerCase() === 'self-hosted'
  )
}

export const selfHostedRunnerOnPullRequest: DocumentRule = workflowRule(
  {
    id: 'self-hosted-runner-on-pull-request',
    severity: 'error',
    safeguard: '164.312(c)(1)',
    summary: 'Self-hosted runner in a workflow that pull requests trigger',
    description:
      'A pull request from a fork runs its own code on whatever runner the ' +
      'workflow names. A self-hosted runner keeps files, caches and ' +
      'credentials between jobs and sits inside your network, so one ' +
      'hostile pull request can persist there and reach what the runner ' +
      'reaches. Run pull request workflows on GitHub-hosted runners, or ' +
      'use ephemeral, isolated self-hosted runners and require approval ' +
      'for outside contributors. Reported for `pull_request*` triggers; in ' +
      'a diff, an old job is reported when the change adds the trigger.',
    validation:
      'Looks for the `self-hosted` label in `runs-on` (string, list or ' +
      '`labels:`); runner groups and expressions cannot be judged.',
    examples: {
      bad: 'on: pull_request\njobs:\n  test:\n    runs-on: [self-hosted, linux]',
      good: 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-24.04'
    }
  },
  function* (file, document) {
    const triggers = file.triggers.filter(t => FORK_TRIGGERS.includes(t.event))
    if (triggers.length === 0) return
    const changed = triggers.some(t => {
      const span = spanOf(t.node)
      return span ? changedAt(document, span.start) : false
    })
    const events = triggers.map(t => `\`${t.event}\``).join(', ')
    for (const job of file.jobs) {
      for (const label of selfHostedLabels(job.runsOn)) {
        yield* nodeMatch(document.text, label, {
          value: `jobs.${job.id}.runs-on: self-hosted`,
          kind: 'runner',
          changed,
          message:
            `Job \`${job.id}\` runs on a self-hosted runner in a workflow ` +
            `triggered by ${events}, so code from a fork's pull request can ` +
            'run there. Use a GitHub-hosted runner for this workflow.'
        })
      }
    }
  }
)

export const runnerRules: readonly (TextRule | DocumentRule)[] = [
  insecureWorkflowCommands,
  selfHostedRunnerOnPullRequest
]
