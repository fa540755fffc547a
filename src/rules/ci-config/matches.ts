/** Turning YAML nodes and spans into the matches the engine expects. */
import type { Node } from 'yaml'
import type { FindingProperties, Severity } from '../../findings/finding.js'
import { lineIndexAt, lineStarts } from '../../engine/lines.js'
import type { Match, ScanDocument } from '../rule.js'
import { spanOf, type Span } from './yaml-nodes.js'

export interface MatchFields {
  /** What is fingerprinted; the node's source text when left out. */
  readonly value?: string
  readonly message: string
  readonly kind: string
  readonly severity?: Severity
  readonly properties?: FindingProperties
  readonly changed?: boolean
}

/** A match over a source span of `text`. */
export function spanMatch(
  text: string,
  span: Span,
  fields: MatchFields
): Match {
  const value = fields.value ?? text.slice(span.start, span.end)
  return {
    start: span.start,
    end: Math.max(span.end, span.start + 1),
    value,
    message: fields.message,
    kind: fields.kind,
    ...(fields.severity ? { severity: fields.severity } : {}),
    ...(fields.properties ? { properties: fields.properties } : {}),
    ...(fields.changed ? { changed: true } : {})
  }
}

/** A match over the source of a node, or nothing if it has no position. */
export function nodeMatch(
  text: string,
  node: Node,
  fields: MatchFields
): Match[] {
  const span = spanOf(node)
  return span ? [spanMatch(text, span, fields)] : []
}

// Names shown in messages are configuration (action references, images,
// scopes), never secrets; anything that does not look like one (a password
// in an image reference's userinfo, say) is left out of the message.
const PRINTABLE = /^[\w.\-/:@+~]{1,200}$/
const USERINFO = /:[^@]{0,200}@/

/** `value` in backticks when it is a harmless identifier, else `fallback`. */
export function quoted(value: string, fallback: string): string {
  return PRINTABLE.test(value) && !USERINFO.test(value)
    ? `\`${value}\``
    : fallback
}

const lineIndexes = new WeakMap<ScanDocument, readonly number[]>()

/** Whether the line holding `offset` is one the change adds. */
export function changedAt(document: ScanDocument, offset: number): boolean {
  if (document.fullScan) return true
  let starts = lineIndexes.get(document)
  if (!starts) {
    starts = lineStarts(document.text)
    lineIndexes.set(document, starts)
  }
  return document.isChanged(lineIndexAt(starts, offset) + 1)
}

/**
 * Findings one rule may report on a single line. Real configuration never
 * comes close; a minified or hostile line with thousands of hits would
 * otherwise cost the engine a pass over the whole line per finding.
 */
export const MAX_MATCHES_PER_LINE = 50

/** `matches` with at most MAX_MATCHES_PER_LINE starting on any one line. */
export function* capPerLine(
  text: string,
  matches: Iterable<Match>
): Iterable<Match> {
  let starts: readonly number[] | undefined
  const counts = new Map<number, number>()
  for (const match of matches) {
    starts ??= lineStarts(text)
    const line = lineIndexAt(starts, match.start)
    const count = (counts.get(line) ?? 0) + 1
    counts.set(line, count)
    if (count <= MAX_MATCHES_PER_LINE) yield match
  }
}
