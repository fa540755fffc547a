/**
 * What both front doors do before scanning: read the config file and the
 * baseline, settle `fail-on`, and choose the rules that run.
 */
import { resolve } from 'node:path'
import { readBaseline, type Baseline } from '../findings/baseline.js'
import {
  meetsThreshold,
  type Finding,
  type Severity
} from '../findings/finding.js'
import { allRules, buildRules } from '../rules/index.js'
import type { Rule } from '../rules/rule.js'
import { loadConfig, type GateConfig } from '../settings/config.js'
import { TOOL_NAME, VERSION } from '../version.js'
import type { GateResult } from './result.js'

export interface PrepareOptions {
  readonly cwd: string
  readonly configPath: string
  readonly configRequired: boolean
  /** A baseline given by input or flag; wins over the config's. */
  readonly baseline?: string
  /** `fail-on` given by input or flag; wins over the config's. */
  readonly failOn?: Severity | 'never'
  /** Leave the baseline unread (when writing a new one). */
  readonly skipBaseline?: boolean
}

export interface Prepared {
  readonly config: GateConfig
  readonly baseline?: Baseline
  readonly rules: readonly Rule[]
  readonly failOn: Severity | 'never'
}

/** Added text per file above which a file is reported as not scanned. */
export { DEFAULT_MAX_FILE_BYTES } from '../source/index.js'

export async function prepare(options: PrepareOptions): Promise<Prepared> {
  const config = await loadConfig({
    path: options.configPath,
    absolutePath: resolve(options.cwd, options.configPath),
    required: options.configRequired,
    knownRuleIds: new Set(allRules.map(r => r.id))
  })
  const baselinePath = options.baseline ?? config.baseline
  const baseline =
    baselinePath && !options.skipBaseline
      ? await readBaseline(baselinePath, resolve(options.cwd, baselinePath))
      : undefined
  return {
    config,
    ...(baseline ? { baseline } : {}),
    rules: buildRules(
      config.trustedActionOwners
        ? { ciConfig: { trustedActionOwners: config.trustedActionOwners } }
        : {}
    ).filter(r => !config.disabledRules.has(r.id)),
    failOn: options.failOn ?? config.failOn ?? 'error'
  }
}

/** The gate's verdict: failure when an active finding reaches `failOn`. */
export function conclusionOf(
  findings: readonly Finding[],
  failOn: Severity | 'never'
): 'success' | 'failure' {
  return findings.some(
    f => f.suppression === undefined && meetsThreshold(f.severity, failOn)
  )
    ? 'failure'
    : 'success'
}

type ResultFields = Omit<
  GateResult,
  'tool' | 'conclusion' | 'config' | 'rules' | 'failOn'
> & {
  /** The rules reported on, when not the scan rules (verification). */
  readonly rules?: GateResult['rules']
}

/** Assembles the result every reporter reads. */
export function assembleResult(
  prepared: Prepared,
  fields: ResultFields
): GateResult {
  return {
    tool: { name: TOOL_NAME, version: VERSION },
    config: {
      ...(prepared.config.path ? { path: prepared.config.path } : {}),
      digest: prepared.config.digest
    },
    failOn: prepared.failOn,
    conclusion: conclusionOf(fields.findings, prepared.failOn),
    ...fields,
    rules: fields.rules ?? prepared.rules
  }
}
