/** Scanning helpers for the PHI tests: the real engine with every rule. */
import { Engine } from '../../src/engine/engine.js'
import type { Finding } from '../../src/findings/finding.js'
import { allRules } from '../../src/rules/index.js'

export const engine = new Engine(allRules)

/**
 * Scans a file as the orchestrator does: its text, and the whole document
 * when a document rule wants it. `changed` lists the added lines (all when
 * omitted). Returns the PHI findings.
 */
export function scan(
  path: string,
  text: string,
  options: { bytes?: Uint8Array; changed?: readonly number[] } = {}
): Finding[] {
  const { bytes, changed } = options
  const found: Finding[] = []
  if (text.length > 0 && !changed) found.push(...engine.scanText(path, text))
  if (bytes || engine.wantsDocument(path, text.slice(0, 4096))) {
    found.push(
      ...engine.scanDocument({
        path,
        text,
        ...(bytes ? { bytes } : {}),
        fullScan: !changed,
        isChanged: line => !changed || changed.includes(line)
      })
    )
  }
  return found.filter(f => f.category === 'phi')
}

/** The findings that would fail the gate (error severity). */
export const blocking = (findings: readonly Finding[]) =>
  findings.filter(f => f.severity === 'error')
