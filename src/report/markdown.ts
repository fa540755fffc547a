/**
 * Markdown building blocks. File names, reasons and messages come from the
 * repository under scan, so they are attacker-controlled: everything user
 * supplied goes through `escapeMarkdown` before it reaches a summary.
 */

// Every ASCII punctuation character may be backslash-escaped in CommonMark,
// which turns it into a literal. `&`, `<` and `>` become entities instead,
// since GitHub renders inline HTML. `/` opens nothing and stays, so paths
// read naturally; `.` and `:` are escaped to stop autolinks.
const PUNCTUATION = /[!"#$%'()*+,\-.:;=?@[\\\]^_`{|}~]/g

// Text that can sit in a code span as is: no backticks, pipes or breaks.
const CODE_SAFE = /^[\w .:+\-/@]{0,200}$/
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;'
}

/**
 * Makes `text` render as itself, on one line: no emphasis, links, HTML,
 * mentions or table cells can be opened by it.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]/g, ' ')
    .replace(PUNCTUATION, ch => `\\${ch}`)
    .replace(/[&<>]/g, ch => ENTITIES[ch]!)
}

/** `text` as inline code when that is safe, else as escaped text. */
export function code(text: string): string {
  return CODE_SAFE.test(text) ? `\`${text}\`` : escapeMarkdown(text)
}

/** Percent-encodes one path segment, parentheses and quotes included. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    ch => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/** A repository-relative path as a URL path, encoded segment by segment. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/')
}

/** Where a line of a file lives on GitHub at a given commit. */
export interface BlobLocation {
  readonly serverUrl: string
  readonly repository: string
  readonly sha: string
  readonly path: string
  readonly line?: number
}

/** `{serverUrl}/{repo}/blob/{sha}/{path}#L{line}` with the path encoded. */
export function blobUrl(location: BlobLocation): string {
  const server = location.serverUrl.replace(/\/{1,16}$/, '')
  const anchor = location.line && location.line > 0 ? `#L${location.line}` : ''
  return (
    `${server}/${location.repository}/blob/${encodeSegment(location.sha)}/` +
    `${encodePath(location.path)}${anchor}`
  )
}

/** A Markdown link whose label is escaped user text. */
export function link(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](${url})`
}

/**
 * Cuts Markdown to at most `limit` characters at a line boundary, so a
 * table is never cut inside a row, and ends it with `note(omitted)` where
 * `omitted` is the number of lines left out.
 */
export function truncateMarkdown(
  markdown: string,
  limit: number,
  note: (omittedLines: number) => string
): string {
  if (markdown.length <= limit) return markdown
  const lines = markdown.split('\n')
  // Reserve room for the note at its largest (every line omitted).
  const room = limit - note(lines.length).length - 2
  let used = 0
  let kept = 0
  while (kept < lines.length && used + lines[kept]!.length + 1 <= room) {
    used += lines[kept]!.length + 1
    kept++
  }
  const head = lines.slice(0, kept).join('\n')
  return `${head}\n\n${note(lines.length - kept)}`.slice(0, limit)
}
