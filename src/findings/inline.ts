/**
 * Inline suppression: a `hipaa-gate:allow <reason>` comment on the line of a
 * finding. The reason is what the audit trail records, so a marker without
 * one does not suppress anything.
 */

const MARKER = /hipaa-gate:allow\b([^\n]{0,400})/

// Comment closers that trail a reason: `-->`, `*/`, `%>` and the like.
const TRAILING_CLOSER = /\s*(?:-->|\*\/|%>|\?>|#>)\s*$/

export type InlineMarker =
  | { readonly found: false }
  | { readonly found: true; readonly reason: string | undefined }

/** Reads the marker on `line`, if there is one, and its reason. */
export function readInlineMarker(line: string): InlineMarker {
  const match = MARKER.exec(line)
  if (!match) return { found: false }
  const reason = match[1]!
    .replace(TRAILING_CLOSER, '')
    .replace(/^[\s:=-]+/, '')
    .trim()
  return { found: true, reason: reason.length > 0 ? reason : undefined }
}
