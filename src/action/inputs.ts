/**
 * Every input and runner variable the action reads, read in one place into
 * one typed object. Nothing else in the action calls `core.getInput`.
 */
import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import type { VerifySettings } from '../artifacts/index.js'
import type { Severity } from '../findings/finding.js'
import { DEFAULT_CONFIG_PATH } from '../settings/config.js'
import { SettingsError } from '../settings/errors.js'
import {
  parseBoolean,
  parseBytes,
  parseFailOn,
  parseList
} from '../settings/values.js'

export interface ActionSettings {
  readonly workspace: string
  readonly token: string
  readonly checkName: string
  readonly configPath: string
  /** False when the config path is the default (a missing file is fine). */
  readonly configRequired: boolean
  readonly failOn?: Severity | 'never'
  /** `diff` follows the event; `full` is the tree; `off` skips scanning. */
  readonly scanMode: 'diff' | 'full' | 'off'
  readonly base?: string
  readonly head?: string
  readonly sarifFile?: string
  readonly reportFile?: string
  readonly baseline?: string
  readonly maxFileBytes?: number
  readonly eventName: string
  readonly payload: Record<string, unknown>
  readonly owner: string
  readonly repo: string
  readonly serverUrl: string
  /** `GITHUB_SHA`: for pull requests, the merge commit, not the head. */
  readonly sha: string
  /** Artifact verification, when `artifacts`, `checksums` or `bundle` is set. */
  readonly verify?: VerifySettings
}

const optional = (name: string): string | undefined =>
  core.getInput(name).trim() || undefined

export function readActionSettings(
  env: NodeJS.ProcessEnv = process.env
): ActionSettings {
  const token = core.getInput('token')
  // Masked before anything could print it, even a debug line.
  if (token) core.setSecret(token)

  const scan = (optional('scan') ?? 'diff').toLowerCase()
  if (scan !== 'diff' && scan !== 'full' && scan !== 'off') {
    throw new SettingsError(
      'input-invalid',
      `Input scan is "${scan}"; expected diff, full or off.`
    )
  }

  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/')
  const config = optional('config')
  const failOn = optional('fail-on')
  const maxBytes = optional('max-file-bytes')
  const settings: ActionSettings = {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    token,
    checkName: optional('check-name') ?? 'HIPAA Gate',
    configPath: config ?? DEFAULT_CONFIG_PATH,
    configRequired: config !== undefined,
    ...(failOn ? { failOn: parseFailOn(failOn, 'Input fail-on') } : {}),
    scanMode: scan,
    ...pick('base', optional('base')),
    ...pick('head', optional('head')),
    ...pick('sarifFile', optional('sarif-file')),
    ...pick('reportFile', optional('report-file')),
    ...pick('baseline', optional('baseline')),
    ...(maxBytes
      ? { maxFileBytes: parseBytes(maxBytes, 'Input max-file-bytes') }
      : {}),
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload: readPayload(env.GITHUB_EVENT_PATH),
    owner,
    repo,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    sha: env.GITHUB_SHA ?? '',
    ...verifyInputs(env.GITHUB_WORKSPACE || process.cwd())
  }

  for (const [key, value] of Object.entries(settings)) {
    if (key === 'token' || key === 'payload') continue
    core.debug(`setting ${key} = ${JSON.stringify(value)}`)
  }
  return settings
}

function pick<K extends string>(key: K, value: string | undefined) {
  return (value === undefined ? {} : { [key]: value }) as Partial<
    Record<K, string>
  >
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new SettingsError(
      'input-invalid',
      `Cannot read the event payload GITHUB_EVENT_PATH=${path}: ` +
        `${(error as Error).message}. Expected the JSON file the runner writes.`,
      error
    )
  }
}

/** The commit findings link to and the check run sits on. */
export function headShaOf(settings: ActionSettings): string {
  if (settings.head) return settings.head
  const p = settings.payload as {
    pull_request?: { head?: { sha?: string } }
    merge_group?: { head_sha?: string }
    after?: string
  }
  return (
    p.pull_request?.head?.sha ??
    p.merge_group?.head_sha ??
    (settings.eventName === 'push' ? p.after : undefined) ??
    settings.sha
  )
}

/** The artifact-verification inputs, or nothing when none is set. */
function verifyInputs(workspace: string): { verify?: VerifySettings } {
  const artifacts = parseList(core.getInput('artifacts'))
  const checksums = parseList(core.getInput('checksums'))
  const bundles = parseList(core.getInput('bundle'))
  if (artifacts.length + checksums.length + bundles.length === 0) return {}
  const flag = (name: string) =>
    parseBoolean(core.getInput(name), `Input ${name}`, false)
  const text = (name: string, key: keyof VerifySettings) => {
    const value = optional(name)
    return value === undefined ? {} : { [key]: value }
  }
  return {
    verify: {
      workspace,
      artifacts,
      checksums,
      bundles,
      requireChecksum: flag('require-checksum'),
      requireSignature: flag('require-signature'),
      ...text('certificate-identity', 'certificateIdentity'),
      ...text('certificate-identity-regexp', 'certificateIdentityRegexp'),
      ...text('certificate-oidc-issuer', 'certificateOidcIssuer'),
      ...text('signer-repository', 'signerRepository'),
      ...text('signer-workflow', 'signerWorkflow'),
      ...text('predicate-type', 'predicateType'),
      ...text('trusted-root', 'trustedRoot'),
      ...text('public-key', 'publicKey')
    }
  }
}
