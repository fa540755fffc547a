/** The shape shared by every rule that reads workflow YAML. */
import type {
  DocumentRule,
  Match,
  RuleMetadata,
  ScanDocument
} from '../rule.js'
import { capPerLine } from './matches.js'
import { isActionsPath } from './paths.js'
import { readWorkflow, type WorkflowFile } from './workflow.js'

/** Metadata a workflow rule declares; the rest is filled in here. */
export type WorkflowRuleMetadata = Omit<
  RuleMetadata,
  'category' | 'keywords' | 'redaction'
>

/**
 * A document rule over `.github/workflows/*.yml` and `action.yml`, whose
 * detector gets the parsed file. Files that do not parse yield nothing.
 */
export function workflowRule(
  metadata: WorkflowRuleMetadata,
  detect: (file: WorkflowFile, document: ScanDocument) => Iterable<Match>
): DocumentRule {
  return {
    ...metadata,
    kind: 'document',
    category: 'ci-config',
    keywords: [],
    // Findings here quote configuration, not secrets; only the kind and
    // length are shown so a report never repeats a whole `run:` line.
    redaction: 'none',
    appliesTo: (path: string) => isActionsPath(path),
    detect(document: ScanDocument): Iterable<Match> {
      const file = readWorkflow(document)
      if (!file) return []
      return capPerLine(document.text, oncePerSpan(detect(file, document)))
    }
  }
}

/**
 * Drops a match at a span already reported: steps shared through a YAML
 * anchor are run by every job that names them but are one text to fix.
 */
function* oncePerSpan(matches: Iterable<Match>): Iterable<Match> {
  const seen = new Set<string>()
  for (const match of matches) {
    const key = `${match.start}:${match.end}`
    if (seen.has(key)) continue
    seen.add(key)
    yield match
  }
}

/**
 * A documentation example: `steps` (YAML lines) inside a minimal job, so
 * the example is a workflow the rule can be run on.
 */
export function stepsExample(...steps: string[]): string {
  const body = steps.map(line => `      ${line}`).join('\n')
  return `jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`
}
