/**
 * GitHub Actions expressions (`${{ … }}`) and the event fields in them that
 * anyone who can open an issue or a pull request controls.
 */
import type { Span } from './yaml-nodes.js'

/** One `${{ … }}` in a text, with its span and inner text. */
export interface Expression extends Span {
  readonly body: string
}

// The body is bounded and holds no braces, so a `${{` that never closes
// costs a few characters of scanning, not the rest of the line. (An
// expression with a JSON literal in it, `fromJSON('{…}')`, is skipped.)
const EXPRESSION = /\$\{\{([^{}]{0,500})\}\}/g

/** The expressions in `text[from, to)`, with spans in `text`. */
export function* expressionsIn(
  text: string,
  from = 0,
  to = text.length
): Iterable<Expression> {
  const slice = text.slice(from, to)
  for (const m of slice.matchAll(EXPRESSION)) {
    const start = from + m.index
    yield { start, end: start + m[0].length, body: m[1]! }
  }
}

// Event fields written by whoever opens the issue, pull request, comment,
// discussion or commit; `*` stands for any array index or wiki page.
const UNTRUSTED_FIELDS = [
  'issue.title',
  'issue.body',
  'pull_request.title',
  'pull_request.body',
  'pull_request.head.ref',
  'pull_request.head.label',
  'pull_request.head.repo.default_branch',
  'comment.body',
  'review.body',
  'review_comment.body',
  'discussion.title',
  'discussion.body',
  'pages.*.page_name',
  'commits.*.message',
  'commits.*.author.email',
  'commits.*.author.name',
  'head_commit.message',
  'head_commit.author.email',
  'head_commit.author.name',
  'workflow_run.head_branch',
  'workflow_run.display_title',
  'workflow_run.head_commit.message',
  'workflow_run.head_commit.author.email',
  'workflow_run.head_commit.author.name',
  'workflow_run.pull_requests.*.head.ref',
  'merge_group.head_commit.message'
].map(field => 'github.event.' + field)

const CONTEXT_PATH = /\bgithub(?:\.[\w-]{1,100}|\[[^\]]{1,100}\]|\.\*){1,12}/g

/** `github.event.commits[0].message` → `github.event.commits.*.message`. */
function normalizePath(path: string): string {
  return path
    .replace(/\[[^\]]{1,100}\]/g, '.*')
    .replace(/\.\d{1,6}(?=\.|$)/g, '.*')
    .toLowerCase()
}

/**
 * The attacker-controlled context paths an expression reads, normalized
 * (`github.head_ref`, `github.event.issue.title`, …).
 */
export function untrustedFields(body: string): string[] {
  const found: string[] = []
  for (const m of body.matchAll(CONTEXT_PATH)) {
    const path = normalizePath(m[0])
    if (path === 'github.head_ref' || UNTRUSTED_FIELDS.includes(path)) {
      found.push(path)
    }
  }
  return found
}
