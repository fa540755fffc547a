/**
 * `hipaa-gate verify` and `hipaa-gate checksums generate`: artifact
 * integrity on a laptop or in another CI system.
 */
import { writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import {
  generateChecksums,
  integrityRules,
  verifyArtifacts,
  type VerifySettings
} from '../artifacts/index.js'
import { assembleResult, prepare } from '../gate/prepare.js'
import { DEFAULT_CONFIG_PATH } from '../settings/config.js'
import { SettingsError } from '../settings/errors.js'
import type { CliIO } from './io.js'
import {
  failOnFlag,
  parseFlags,
  parseFormat,
  REPORT_OPTIONS
} from './options.js'
import { emit } from './report-output.js'

const VERIFY_OPTIONS = {
  ...REPORT_OPTIONS,
  config: { type: 'string' },
  checksums: { type: 'string', multiple: true },
  bundle: { type: 'string', multiple: true },
  'require-checksum': { type: 'boolean' },
  'require-signature': { type: 'boolean' },
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'signer-repository': { type: 'string' },
  'signer-workflow': { type: 'string' },
  'predicate-type': { type: 'string' },
  'trusted-root': { type: 'string' },
  key: { type: 'string' },
  'tlog-threshold': { type: 'string' },
  'timestamp-threshold': { type: 'string' }
} as const

export async function verifyCommand(
  args: string[],
  io: CliIO
): Promise<number> {
  const { values, positionals } = parseFlags(args, VERIFY_OPTIONS)
  const format = parseFormat(values.format)
  const failOn = failOnFlag(values['fail-on'])
  const started = Date.now()
  const prepared = await prepare({
    cwd: io.cwd,
    configPath: values.config ?? DEFAULT_CONFIG_PATH,
    configRequired: values.config !== undefined,
    skipBaseline: true,
    ...(failOn ? { failOn } : {})
  })

  const optional = <K extends keyof VerifySettings>(
    key: K,
    value: VerifySettings[K] | undefined
  ) => (value === undefined ? {} : { [key]: value })
  const settings: VerifySettings = {
    workspace: io.cwd,
    artifacts: positionals,
    checksums: values.checksums ?? [],
    bundles: values.bundle ?? [],
    requireChecksum: values['require-checksum'] === true,
    requireSignature: values['require-signature'] === true,
    ...optional('certificateIdentity', values['certificate-identity']),
    ...optional(
      'certificateIdentityRegexp',
      values['certificate-identity-regexp']
    ),
    ...optional('certificateOidcIssuer', values['certificate-oidc-issuer']),
    ...optional('signerRepository', values['signer-repository']),
    ...optional('signerWorkflow', values['signer-workflow']),
    ...optional('predicateType', values['predicate-type']),
    ...optional('trustedRoot', values['trusted-root']),
    ...optional('publicKey', values.key),
    ...optional(
      'tlogThreshold',
      threshold(values['tlog-threshold'], '--tlog-threshold')
    ),
    ...optional(
      'timestampThreshold',
      threshold(values['timestamp-threshold'], '--timestamp-threshold')
    )
  }
  if (settings.artifacts.length === 0 && settings.checksums.length === 0) {
    throw new SettingsError(
      'input-invalid',
      'verify needs artifacts (ARTIFACT... globs) or --checksums FILE.'
    )
  }

  const verified = await verifyArtifacts(settings)
  const result = assembleResult(prepared, {
    event: 'cli',
    rules: integrityRules,
    findings: verified.findings,
    artifacts: verified.artifacts,
    stats: {
      mode: 'verify',
      filesScanned: verified.filesHashed,
      linesScanned: 0,
      bytesScanned: verified.bytesHashed,
      skipped: []
    },
    timings: { verify: Date.now() - started },
    startedAt: new Date(started).toISOString()
  })
  return emit(result, format, values.output, io)
}

/** Parses a whole-number threshold flag. */
export function threshold(
  value: string | undefined,
  name: string
): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,2}$/.test(value.trim())) {
    throw new SettingsError(
      'input-invalid',
      `${name} is "${value}"; expected a whole number from 0 to 16.`
    )
  }
  return Number(value)
}

const GENERATE_OPTIONS = {
  algorithm: { type: 'string' },
  output: { type: 'string' }
} as const

export async function checksumsCommand(
  args: string[],
  io: CliIO
): Promise<number> {
  const [action, ...rest] = args
  if (action !== 'generate') {
    throw new SettingsError(
      'input-invalid',
      `checksums takes the subcommand "generate", not "${action ?? ''}".`
    )
  }
  const { values, positionals } = parseFlags(rest, GENERATE_OPTIONS)
  const algorithm = values.algorithm ?? 'sha256'
  if (algorithm !== 'sha256' && algorithm !== 'sha512') {
    throw new SettingsError(
      'input-invalid',
      `--algorithm is "${algorithm}"; expected sha256 or sha512.`
    )
  }
  if (positionals.length === 0) {
    throw new SettingsError(
      'input-invalid',
      'checksums generate needs the files to list (FILE...).'
    )
  }
  // Names in a manifest are relative to the manifest's own folder, so a
  // release folder verifies from anywhere.
  const output = values.output ? resolve(io.cwd, values.output) : undefined
  const text = await generateChecksums(
    positionals.map(file => resolve(io.cwd, file)),
    { algorithm, cwd: output ? dirname(output) : io.cwd }
  )
  if (output) {
    await writeFile(output, text)
    io.stdout(`Wrote ${positionals.length} checksums to ${values.output}\n`)
  } else {
    io.stdout(text)
  }
  return 0
}
