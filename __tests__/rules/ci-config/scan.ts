/**
 * Test helpers: run the CI configuration rules the way the gate does on a
 * full scan or a diff, text rules and document rules together.
 */
import { Engine } from '../../../src/engine/engine.js'
import type { Finding } from '../../../src/findings/finding.js'
import { ciConfigRules } from '../../../src/rules/ci-config/index.js'
import type { Rule } from '../../../src/rules/rule.js'

export const engine = new Engine(ciConfigRules)

/** Every finding for `path` holding `text`, on a full scan. */
export function scanFile(
  path: string,
  text: string,
  using: Engine = engine
): Finding[] {
  const document = { path, text, fullScan: true, isChanged: () => true }
  const fromDocument = using.wantsDocument(path, text.slice(0, 4096))
    ? using.scanDocument(document)
    : []
  return [...fromDocument, ...using.scanText(path, text)].sort(
    (a, b) => a.line - b.line || a.column - b.column
  )
}

/**
 * Every finding for `path` when a change added `added` (1-based lines of
 * `text`): document rules see the whole file, text rules the added lines.
 */
export function scanChange(
  path: string,
  text: string,
  added: readonly number[],
  using: Engine = engine
): Finding[] {
  const changed = new Set(added)
  const lines = text.split('\n')
  const addedText = added.map(n => lines[n - 1] ?? '').join('\n')
  const fromDocument = using.scanDocument({
    path,
    text,
    fullScan: false,
    isChanged: line => changed.has(line)
  })
  return [...fromDocument, ...using.scanText(path, addedText, added)]
}

/** `rule-id line:column` for each finding, in order, for comparisons. */
export function positions(findings: readonly Finding[]): string[] {
  return findings.map(f => `${f.ruleId} ${f.line}:${f.column}`)
}

/** An engine running only `rule`. */
export function engineFor(rule: Rule): Engine {
  return new Engine([rule])
}
