/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`)
 * and any other SARIF consumer. Locations are relative to `%SRCROOT%`,
 * results carry the finding's keyed fingerprint so code scanning tracks an
 * alert across commits, and suppressed findings are kept with their
 * justification instead of being dropped, as the audit trail needs.
 */
import {
  compareFindings,
  type Finding,
  type Severity
} from '../findings/finding.js'
import type { GateResult } from '../gate/result.js'
import type { RuleMetadata } from '../rules/rule.js'
import { encodePath } from './markdown.js'

/** The schema the log declares: OASIS's final SARIF 2.1.0 schema. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'

/** Code scanning rejects runs with more results than this. */
export const MAX_RESULTS_PER_RUN = 25_000

/** The fingerprint key under `partialFingerprints`; bump on a new scheme. */
export const FINGERPRINT_KEY = 'hipaaGateFingerprint/v1'

/** Where the gate's documentation lives, unless the caller says otherwise. */
export const DEFAULT_INFORMATION_URI =
  'https://github.com/hipaa-gate/hipaa-gate'

export interface SarifOptions {
  /** The tool's home page (`tool.driver.informationUri`). */
  readonly informationUri?: string
  /** GitHub's web address, for `versionControlProvenance`. */
  readonly serverUrl?: string
  /** Absolute `file://` URI of the checkout, for `originalUriBaseIds`. */
  readonly srcRoot?: string
  /**
   * `automationDetails.id`: code scanning's category (up to the last `/`)
   * and run id. Default `hipaa-gate/`.
   */
  readonly automationId?: string
  /** Override of the 25,000-result cap, for tests. */
  readonly maxResults?: number
  /** When the run ended; default now. */
  readonly endTime?: string
}

type Level = 'error' | 'warning' | 'note'

/** Code scanning's 0–10 scale: 9+ critical, 7+ high, 4+ medium. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  error: '9.0',
  warning: '6.0',
  note: '3.0'
}

/** `github-classic-token` as `GithubClassicToken`, SARIF's rule name. */
function ruleName(id: string): string {
  return id
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

function ruleHelpUri(rule: RuleMetadata, home: string): string {
  return rule.helpUri ?? `${home}/blob/main/docs/rules.md#${rule.id}`
}

function reportingDescriptor(rule: RuleMetadata, home: string) {
  const helpUri = ruleHelpUri(rule, home)
  const description = rule.description ?? rule.summary
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: description },
    helpUri,
    help: {
      text: `${description}\n\nSafeguard: 45 CFR ${rule.safeguard}. ${helpUri}`,
      markdown:
        `**${rule.summary}**\n\n${description}\n\n` +
        `HIPAA Security Rule safeguard: 45 CFR § ${rule.safeguard}.\n\n` +
        `[How to remediate](${helpUri})`
    },
    defaultConfiguration: { level: rule.severity as Level },
    properties: {
      tags: ['security', 'hipaa', rule.category, `45 CFR ${rule.safeguard}`],
      category: rule.category,
      safeguard: rule.safeguard,
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity]
    }
  }
}

/** A rule for a finding whose rule is not among those that ran. */
function ruleFromFinding(f: Finding): RuleMetadata {
  return {
    id: f.ruleId,
    category: f.category,
    severity: f.severity,
    safeguard: f.safeguard,
    summary: f.message,
    keywords: [],
    redaction: 'none'
  }
}

function region(f: Finding) {
  if (f.line < 1) return {}
  return {
    region: {
      startLine: f.line,
      ...(f.column >= 1 ? { startColumn: f.column } : {}),
      endLine: Math.max(f.line, f.endLine),
      ...(f.endColumn >= 1 && f.column >= 1
        ? { endColumn: Math.max(f.column, f.endColumn) }
        : {})
    }
  }
}

function suppressions(f: Finding) {
  if (!f.suppression) return {}
  const { kind, reason } = f.suppression
  return {
    suppressions: [
      {
        // An inline marker lives in the file; path rules and baselines in
        // the gate's configuration, outside the code.
        kind: kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: reason,
        properties: { hipaaGateSuppression: kind }
      }
    ]
  }
}

function sarifResult(f: Finding, ruleIndex: number) {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.severity as Level,
    kind: 'fail',
    message: { text: `${f.message} Found: ${f.redacted}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(f.file), uriBaseId: '%SRCROOT%' },
          ...region(f)
        }
      }
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      ...f.properties,
      category: f.category,
      safeguard: f.safeguard,
      redacted: f.redacted
    },
    ...suppressions(f)
  }
}

/** The SARIF log of a run, as a plain object ready for `JSON.stringify`. */
export function buildSarif(result: GateResult, options: SarifOptions = {}) {
  const home = options.informationUri ?? DEFAULT_INFORMATION_URI

  const rules: RuleMetadata[] = []
  const indexOf = new Map<string, number>()
  const addRule = (rule: RuleMetadata) => {
    if (indexOf.has(rule.id)) return
    indexOf.set(rule.id, rules.length)
    rules.push(rule)
  }
  result.rules.forEach(addRule)
  result.findings.forEach(f => addRule(ruleFromFinding(f)))

  // Active findings first, most severe first, so a cap drops the least.
  const ordered = [...result.findings].sort(
    (a, b) =>
      Number(a.suppression !== undefined) -
        Number(b.suppression !== undefined) || compareFindings(a, b)
  )
  const max = options.maxResults ?? MAX_RESULTS_PER_RUN
  const kept = ordered.slice(0, max)
  const dropped = ordered.length - kept.length

  const notifications = [
    ...result.stats.skipped.map(file => ({
      level: 'note' as const,
      message: { text: `Not scanned as text (${file.reason}).` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: {
              uri: encodePath(file.path),
              uriBaseId: '%SRCROOT%'
            }
          }
        }
      ],
      descriptor: { id: 'skipped-file' }
    })),
    ...(dropped > 0
      ? [
          {
            level: 'warning' as const,
            message: {
              text:
                `${dropped} results were left out: code scanning accepts at ` +
                `most ${max} per run. The JSON report lists every finding.`
            },
            descriptor: { id: 'results-truncated' }
          }
        ]
      : [])
  ]

  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(
    /\/{1,16}$/,
    ''
  )
  const provenance =
    result.repository && result.headSha
      ? {
          versionControlProvenance: [
            {
              repositoryUri: `${serverUrl}/${result.repository}`,
              revisionId: result.headSha
            }
          ]
        }
      : {}
  const srcRoot = options.srcRoot
    ? {
        originalUriBaseIds: {
          '%SRCROOT%': {
            uri: options.srcRoot.endsWith('/')
              ? options.srcRoot
              : `${options.srcRoot}/`
          }
        }
      }
    : {}

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'HIPAA Gate',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: home,
            rules: rules.map(rule => reportingDescriptor(rule, home))
          }
        },
        automationDetails: { id: options.automationId ?? 'hipaa-gate/' },
        ...provenance,
        ...srcRoot,
        columnKind: 'utf16CodeUnits' as const,
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: result.startedAt,
            endTimeUtc: options.endTime ?? new Date().toISOString(),
            ...(notifications.length > 0
              ? { toolExecutionNotifications: notifications }
              : {})
          }
        ],
        results: kept.map(f => sarifResult(f, indexOf.get(f.ruleId)!)),
        properties: {
          event: result.event,
          conclusion: result.conclusion,
          failOn: result.failOn
        }
      }
    ]
  }
}

/** The SARIF log as the text of a `.sarif` file. */
export function renderSarif(
  result: GateResult,
  options: SarifOptions = {}
): string {
  return `${JSON.stringify(buildSarif(result, options), null, 2)}\n`
}
