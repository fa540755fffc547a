/**
 * The configuration file (`.github/hipaa-gate.yml` by default): read,
 * validated against its schema with every error pointing at a line, and
 * turned into the typed `GateConfig` the rest of the gate uses.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Ajv, type ErrorObject } from 'ajv'
import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Document
} from 'yaml'
import type { Severity } from '../findings/finding.js'
import { configSchema } from './config-schema.js'
import { SettingsError } from './errors.js'

export const DEFAULT_CONFIG_PATH = '.github/hipaa-gate.yml'

/** A path glob whose findings are suppressed, and why. */
export interface PathIgnore {
  readonly pattern: string
  readonly reason: string
  /** Only this rule's findings, when the ignore sits under `rules:`. */
  readonly ruleId?: string
}

export interface GateConfig {
  /** The file read, repository-relative; absent when none exists. */
  readonly path?: string
  readonly failOn?: Severity | 'never'
  readonly baseline?: string
  readonly maxFileBytes?: number
  readonly ignorePaths: readonly PathIgnore[]
  readonly disabledRules: ReadonlySet<string>
  readonly severities: ReadonlyMap<string, Severity>
  /** Owners whose actions may be used by tag (`ci-config` section). */
  readonly trustedActionOwners?: readonly string[]
  /** SHA-256 of the effective configuration, for the audit record. */
  readonly digest: string
}

type RawIgnore = string | { path: string; reason: string }
type RawRule =
  | Severity
  | 'off'
  | {
      severity?: Severity | 'off'
      'ignore-paths'?: RawIgnore[]
    }
interface RawConfig {
  'fail-on'?: Severity | 'never'
  baseline?: string
  'max-file-bytes'?: number
  'ignore-paths'?: RawIgnore[]
  rules?: Record<string, RawRule>
  'ci-config'?: { 'trusted-action-owners'?: string[] }
}

const ajv = new Ajv({ allErrors: true, strict: true })
const validate = ajv.compile<RawConfig>(configSchema)

export interface LoadConfigOptions {
  /** Path as the user gave it (input or flag), or the default. */
  readonly path: string
  /** Absolute path to read. */
  readonly absolutePath: string
  /** False for the default path: a missing file is then no config. */
  readonly required: boolean
  /** Rule ids that exist, so a misspelt id is an error. */
  readonly knownRuleIds: ReadonlySet<string>
}

/** Reads and validates the config file. Throws `SettingsError`. */
export async function loadConfig(options: LoadConfigOptions) {
  let text: string
  try {
    text = await readFile(options.absolutePath, 'utf8')
  } catch (error) {
    if (!options.required && isNotFound(error)) return emptyConfig()
    throw new SettingsError(
      'config-unreadable',
      `Cannot read the config file ${options.path}: ` +
        `${(error as Error).message}. Expected a YAML file at that path ` +
        '(input `config` / flag --config).',
      error
    )
  }
  return parseConfig(text, options.path, options.knownRuleIds)
}

/** The configuration when there is no file: defaults everywhere. */
export function emptyConfig(): GateConfig {
  return toConfig({}, undefined)
}

/** Parses config text; `path` names the file in errors. */
export function parseConfig(
  text: string,
  path: string,
  knownRuleIds: ReadonlySet<string>
): GateConfig {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  const where = (offset: number | undefined): string => {
    if (offset === undefined) return path
    const { line, col } = lines.linePos(offset)
    return `${path}:${line}:${col}`
  }

  if (doc.errors.length > 0) {
    const first = doc.errors[0]!
    throw new SettingsError(
      'config-syntax',
      `${where(first.pos[0])}: invalid YAML: ${first.message.split('\n')[0]}`
    )
  }
  const raw: unknown = doc.toJS() ?? {}
  if (!validate(raw)) {
    const problems = (validate.errors ?? [])
      .filter(e => e.keyword !== 'oneOf' && e.keyword !== 'if')
      .map(e => `${where(offsetOf(doc, e))}: ${describe(e)}`)
    throw new SettingsError(
      'config-invalid',
      `Invalid configuration in ${path}:\n  ${[...new Set(problems)].join('\n  ')}`
    )
  }

  const unknown = Object.keys(raw.rules ?? {}).filter(
    id => !knownRuleIds.has(id)
  )
  if (unknown.length > 0) {
    const problems = unknown.map(
      id =>
        `${where(keyOffset(doc, ['rules'], id))}: unknown rule id "${id}" ` +
        '(the rule ids are listed in docs/rules/README.md)'
    )
    throw new SettingsError(
      'config-invalid',
      `Invalid configuration in ${path}:\n  ${problems.join('\n  ')}`
    )
  }
  return toConfig(raw, path)
}

function toConfig(raw: RawConfig, path: string | undefined): GateConfig {
  const source = path ?? 'the configuration'
  const ignore = (entry: RawIgnore, ruleId?: string): PathIgnore => {
    const pattern = typeof entry === 'string' ? entry : entry.path
    const reason =
      typeof entry === 'string'
        ? `path ignored by "${pattern}" in ${source}`
        : entry.reason
    return ruleId === undefined
      ? { pattern, reason }
      : { pattern, reason, ruleId }
  }

  const ignorePaths = (raw['ignore-paths'] ?? []).map(e => ignore(e))
  const disabledRules = new Set<string>()
  const severities = new Map<string, Severity>()
  for (const [id, rule] of Object.entries(raw.rules ?? {})) {
    const level = typeof rule === 'string' ? rule : rule.severity
    if (level === 'off') disabledRules.add(id)
    else if (level !== undefined) severities.set(id, level)
    if (typeof rule === 'object') {
      for (const e of rule['ignore-paths'] ?? [])
        ignorePaths.push(ignore(e, id))
    }
  }

  const effective = {
    failOn: raw['fail-on'],
    baseline: raw.baseline,
    maxFileBytes: raw['max-file-bytes'],
    ignorePaths,
    disabledRules: [...disabledRules].sort(),
    severities: [...severities].sort(),
    trustedActionOwners: raw['ci-config']?.['trusted-action-owners']
  }
  const digest = createHash('sha256')
    .update(JSON.stringify(effective))
    .digest('hex')

  return {
    ...(path === undefined ? {} : { path }),
    ...(raw['fail-on'] === undefined ? {} : { failOn: raw['fail-on'] }),
    ...(raw.baseline === undefined ? {} : { baseline: raw.baseline }),
    ...(raw['max-file-bytes'] === undefined
      ? {}
      : { maxFileBytes: raw['max-file-bytes'] }),
    ...(effective.trustedActionOwners
      ? { trustedActionOwners: effective.trustedActionOwners }
      : {}),
    ignorePaths,
    disabledRules,
    severities,
    digest
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath
    ? `"${error.instancePath.slice(1).replaceAll('/', '.')}"`
    : 'the top level'
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(error.params.additionalProperty)}" in ${at}`
    case 'enum':
      return `${at} must be one of ${(error.params.allowedValues as unknown[])
        .map(v => JSON.stringify(v))
        .join(', ')}`
    case 'required':
      return `${at} needs the key "${String(error.params.missingProperty)}"`
    default:
      return `${at} ${error.message ?? 'is invalid'}`
  }
}

/** Where in the file an ajv error points: the bad key or value. */
function offsetOf(doc: Document, error: ErrorObject): number | undefined {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map(s => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map(s => (/^\d+$/.test(s) ? Number(s) : s))
  if (error.keyword === 'additionalProperties') {
    return keyOffset(doc, segments, String(error.params.additionalProperty))
  }
  const node = doc.getIn(segments, true)
  if (node && typeof node === 'object' && 'range' in node) {
    return (node as { range?: [number, number, number] }).range?.[0]
  }
  return undefined
}

function keyOffset(
  doc: Document,
  segments: readonly (string | number)[],
  key: string
): number | undefined {
  const parent =
    segments.length === 0 ? doc.contents : doc.getIn(segments, true)
  if (!isMap(parent)) return undefined
  for (const pair of parent.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) {
      return pair.key.range?.[0]
    }
  }
  return undefined
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT'
}
