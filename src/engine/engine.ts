/**
 * The scan engine: text in, findings out. It is pure and synchronous; the
 * caller loads files and diffs. Every match becomes a redacted finding here,
 * the only place a matched value is seen outside its rule.
 */
import type { Finding, Severity } from '../findings/finding.js'
import { fingerprint } from '../findings/fingerprint.js'
import { readInlineMarker, type InlineMarker } from '../findings/inline.js'
import { redact } from '../findings/redact.js'
import { KeywordIndex } from '../rules/prefilter/index.js'
import { PairList } from '../rules/prefilter/pairs.js'
import type {
  DocumentRule,
  Match,
  Rule,
  RuleMetadata,
  ScanDocument,
  TextRule
} from '../rules/rule.js'
import {
  LineFinder,
  lineIndexAt,
  LineStarts,
  linesAbove,
  lineText,
  windowEnd
} from './lines.js'

export interface EngineOptions {
  /** Severity per rule id, replacing the rule's default. */
  readonly severities?: ReadonlyMap<string, Severity>
  /**
   * Called with every matched value before its finding exists, so the
   * action can mask it in the runner's log (`core.setSecret`).
   */
  readonly onValue?: (value: string, rule: RuleMetadata) => void
}

/** Lines of a text that map to lines of a file, for diffs. */
export type LineNumbers = ArrayLike<number>

export class Engine {
  readonly rules: readonly Rule[]
  private readonly textRules: TextRule[]
  private readonly alwaysRun: TextRule[]
  private readonly documentRules: DocumentRule[]
  private readonly index: KeywordIndex
  /** For each keyword, the indexes (into textRules) of rules that use it. */
  private readonly keywordRules: number[][]
  private readonly keywordLength: Int32Array
  /**
   * Per text rule, its `contextLines` (0 by default) and its `reach`
   * (-1 when unset or when context lines apply), read once here: the
   * scan's hot path would otherwise read them from every hit's rule.
   */
  private readonly contextOf: Int32Array
  private readonly reachOf: Int32Array
  /** Per text rule, 1 when its matches start with a keyword at a word. */
  private readonly wordStartOf: Int8Array
  /** Scratch for `windowsByRule`: per text rule, whether it reads the path. */
  private readonly readsPath: Int8Array
  /** Scratch for `windowsByRule`: per context rule, its last window end. */
  private readonly contextLineOf: Int32Array
  private readonly contextStopOf: Int32Array
  /** Scratch for `windowsByRule`: per text rule, its windows in a text. */
  private readonly spansOf: PairList[]
  private readonly options: EngineOptions

  constructor(rules: readonly Rule[], options: EngineOptions = {}) {
    this.rules = rules
    this.options = options
    this.textRules = rules.filter((r): r is TextRule => r.kind === 'text')
    this.documentRules = rules.filter(
      (r): r is DocumentRule => r.kind === 'document'
    )
    this.alwaysRun = this.textRules.filter(r => r.keywords.length === 0)

    const keywordIds = new Map<string, number>()
    this.keywordRules = []
    this.textRules.forEach((rule, ruleIndex) => {
      for (const raw of rule.keywords) {
        const keyword = raw.toLowerCase()
        let id = keywordIds.get(keyword)
        if (id === undefined) {
          id = keywordIds.size
          keywordIds.set(keyword, id)
          this.keywordRules.push([])
        }
        const users = this.keywordRules[id]!
        if (!users.includes(ruleIndex)) users.push(ruleIndex)
      }
    })
    this.index = new KeywordIndex([...keywordIds.keys()])
    this.keywordLength = Int32Array.from(this.index.keywords, k => k.length)
    this.contextOf = Int32Array.from(this.textRules, r => r.contextLines ?? 0)
    this.reachOf = Int32Array.from(this.textRules, r =>
      (r.contextLines ?? 0) === 0 && r.reach !== undefined ? r.reach : -1
    )
    this.wordStartOf = Int8Array.from(this.textRules, r =>
      r.wordStart ? 1 : 0
    )
    this.readsPath = new Int8Array(this.textRules.length)
    this.contextLineOf = new Int32Array(this.textRules.length)
    this.contextStopOf = new Int32Array(this.textRules.length)
    this.spansOf = this.textRules.map(() => new PairList(16))
  }

  /**
   * Scans plain text from `path`: the whole file, or in a diff the added
   * lines joined with `\n`, where `lineNumbers[i]` is the file line of the
   * text's line `i`.
   */
  scanText(path: string, text: string, lineNumbers?: LineNumbers): Finding[] {
    const starts = new LineStarts(text)
    const touched = this.windowsByRule(path, text)
    const found: Finding[] = []
    // Spans matched by specific rules, and the catch-all rules' findings
    // that wait to see whether one of those spans covers them.
    const claimed: number[] = []
    const pending: { finding: Finding; start: number; end: number }[] = []
    const markers = new Map<number, InlineMarker>()

    const run = (rule: TextRule, from: number, to: number): void => {
      const slice =
        from === 0 && to === text.length ? text : text.slice(from, to)
      for (const match of rule.detect(slice)) {
        const finding = this.toFinding(
          rule,
          match,
          from,
          path,
          text,
          starts,
          markers,
          lineNumbers
        )
        const start = from + match.start
        const end = from + match.end
        if (rule.fallback) {
          pending.push({ finding, start, end })
        } else {
          found.push(finding)
          claimed.push(start, end)
        }
      }
    }

    for (const rule of this.alwaysRun) {
      if (rule.appliesTo && !rule.appliesTo(path)) continue
      run(rule, 0, text.length)
    }
    for (const ruleIndex of touched) {
      const rule = this.textRules[ruleIndex]!
      const spans = this.spansOf[ruleIndex]!
      const needs = rule.needs
      // The first occurrence of `needs` at or after the current window's
      // start: windows ascend, so one search serves all those before it.
      let at = -1
      for (let i = 0; i < spans.length; i++) {
        const from = spans.firsts[i]!
        const to = spans.seconds[i]!
        if (needs !== undefined) {
          if (at < from) at = text.indexOf(needs, from)
          if (at === -1) break
          if (at + needs.length > to) continue
        }
        run(rule, from, to)
      }
    }
    for (const { finding, start, end } of pending) {
      if (!overlapsAny(claimed, start, end)) found.push(finding)
    }
    return found
  }

  /** Whether any document rule reads this file; `sample` is its start. */
  wantsDocument(path: string, sample: string): boolean {
    return this.documentRules.some(rule => rule.appliesTo(path, sample))
  }

  /** Runs the document rules that read `document`. */
  scanDocument(document: ScanDocument): Finding[] {
    const sample = document.text.slice(0, 4096)
    const found: Finding[] = []
    const starts = new LineStarts(document.text)
    const markers = new Map<number, InlineMarker>()
    for (const rule of this.documentRules) {
      if (!rule.appliesTo(document.path, sample)) continue
      if (document.bytes !== undefined && !rule.binary) continue
      for (const match of rule.detect(document)) {
        const finding = this.toFinding(
          rule,
          match,
          0,
          document.path,
          document.text,
          starts,
          markers
        )
        if (
          match.changed ||
          document.fullScan ||
          touchesChange(finding, document)
        ) {
          found.push(finding)
        }
      }
    }
    return found
  }

  /**
   * One prefilter pass; for each text rule that reads `path` and has hits,
   * the merged windows (start and end offsets, in `this.spansOf`) around
   * its keyword occurrences. Returns the indexes of those rules in the
   * order of their first hit; the lists are overwritten by the next call.
   */
  private windowsByRule(path: string, text: string): number[] {
    const touched: number[] = []
    if (this.index.keywords.length === 0) return touched
    const { keywordRules, keywordLength, contextOf, reachOf, textRules } = this
    const wordStartOf = this.wordStartOf
    const spansOf = this.spansOf
    // Whether each rule reads this path, asked once per file and only of
    // rules with hits, so no window is made for a rule that would skip
    // it: 0 not asked yet, 1 reads it (and has windows), -1 does not.
    const reads = this.readsPath.fill(0)
    // Per context rule, the line its last window end was worked out for
    // and that end: it depends on the line alone, and a minified file's
    // few lines can hold thousands of hits, each of which would otherwise
    // search the lines below it again.
    const contextLineOf = this.contextLineOf.fill(-1)
    const contextStopOf = this.contextStopOf
    // The line of the latest hit: every window is bounded by lines, and
    // a minified bundle's line can be a megabyte long, so it is found once
    // for all the hits on it and all the rules they wake.
    const line = new LineFinder(text)
    const hits = this.index.find(text)
    for (let h = 0; h < hits.length; h++) {
      const keyword = hits.firsts[h]!
      const end = hits.seconds[h]!
      line.locate(end - 1)
      const users = keywordRules[keyword]!
      for (let u = 0; u < users.length; u++) {
        const ruleIndex = users[u]!
        if (reads[ruleIndex] === 0) {
          const rule = textRules[ruleIndex]!
          if (rule.appliesTo && !rule.appliesTo(path)) {
            reads[ruleIndex] = -1
          } else {
            reads[ruleIndex] = 1
            spansOf[ruleIndex]!.clear()
            touched.push(ruleIndex)
          }
        }
        if (reads[ruleIndex]! < 0) continue
        if (
          wordStartOf[ruleIndex] === 1 &&
          isAsciiAlphanumeric(
            text.charCodeAt(end - keywordLength[keyword]! - 1)
          )
        ) {
          continue
        }
        const spans = spansOf[ruleIndex]!
        const last = spans.length - 1
        const reach = reachOf[ruleIndex]!
        const context = contextOf[ruleIndex]!
        // Where this hit's window ends: its line, clipped to the reach,
        // or `context` lines further down.
        let stop: number
        if (reach >= 0) stop = Math.min(line.end, end + reach)
        else if (context === 0) stop = line.end
        else if (contextLineOf[ruleIndex] === line.start) {
          stop = contextStopOf[ruleIndex]!
        } else {
          stop = windowEnd(text, end - 1, context)
          contextLineOf[ruleIndex] = line.start
          contextStopOf[ruleIndex] = stop
        }
        // A hit inside the current window widens it: on a line window it
        // is the same line, but a reach or context window around it can
        // end further on, and a token running past the current end must
        // not be cut off there.
        if (last >= 0 && end <= spans.seconds[last]!) {
          if (stop > spans.seconds[last]!) spans.seconds[last] = stop
          continue
        }
        let start: number
        if (reach >= 0) {
          start = Math.max(line.start, end - keywordLength[keyword]! - reach)
        } else if (context === 0) start = line.start
        else start = linesAbove(text, line.start, context)
        if (last >= 0 && start <= spans.seconds[last]!) {
          spans.seconds[last] = Math.max(spans.seconds[last]!, stop)
        } else spans.push(start, stop)
      }
    }
    return touched
  }

  private toFinding(
    rule: Rule,
    match: Match,
    base: number,
    path: string,
    text: string,
    lines: LineStarts,
    markers: Map<number, InlineMarker>,
    lineNumbers?: LineNumbers
  ): Finding {
    this.options.onValue?.(match.value, rule)

    const startOffset = base + match.start
    const endOffset = Math.max(startOffset, base + match.end - 1)
    const starts = lines.through(Math.max(startOffset, base + match.end))
    const startIndex = lineIndexAt(starts, startOffset)
    const endIndex = lineIndexAt(starts, endOffset)
    const fileLine = (index: number): number =>
      lineNumbers ? (lineNumbers[index] ?? index + 1) : index + 1

    const finding: Finding = {
      ruleId: rule.id,
      category: rule.category,
      severity:
        this.options.severities?.get(rule.id) ??
        match.severity ??
        rule.severity,
      safeguard: rule.safeguard,
      file: path,
      line: fileLine(startIndex),
      column: startOffset - starts[startIndex]! + 1,
      endLine: fileLine(endIndex),
      endColumn: endOffset - starts[endIndex]! + 2,
      message: match.message ?? rule.summary,
      fingerprint: fingerprint(rule.id, path, match.value),
      redacted: redact(match.value, rule.redaction, match.kind ?? rule.id),
      ...(match.properties ? { properties: match.properties } : {})
    }

    // One read of a line however many findings it holds: a long minified
    // line with thousands of matches must not be re-read for each.
    let marker = markers.get(startIndex)
    if (marker === undefined) {
      marker = readInlineMarker(lineText(text, starts, startIndex))
      markers.set(startIndex, marker)
    }
    if (marker.found && marker.reason !== undefined) {
      finding.suppression = {
        kind: 'inline',
        reason: scrubReason(marker.reason, match.value)
      }
    } else if (marker.found) {
      finding.message +=
        ' (a hipaa-gate:allow marker without a reason does not suppress)'
    }
    return finding
  }
}

/** Whether the UTF-16 unit `code` is an ASCII letter or digit (NaN: no). */
function isAsciiAlphanumeric(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122)
  )
}

/** Whether [start, end) overlaps one of the pairs in `spans`. */
function overlapsAny(spans: readonly number[], start: number, end: number) {
  for (let i = 0; i < spans.length; i += 2) {
    if (spans[i]! < end && start < spans[i + 1]!) return true
  }
  return false
}

function touchesChange(finding: Finding, document: ScanDocument): boolean {
  for (let line = finding.line; line <= finding.endLine; line++) {
    if (document.isChanged(line)) return true
  }
  return false
}

/** A reason is logged in the audit trail, so it must not repeat the value. */
function scrubReason(reason: string, value: string): string {
  const clean =
    value.length > 0 ? reason.split(value).join('[redacted]') : reason
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean
}
