/** Flag parsing shared by the CLI's commands. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Severity } from '../findings/finding.js'
import { SettingsError } from '../settings/errors.js'
import { parseFailOn } from '../settings/values.js'

export type OutputFormat = 'text' | 'json' | 'sarif'

/** Options every report-producing command takes. */
export const REPORT_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean' }
} as const satisfies ParseArgsConfig['options']

/** parseArgs, with its errors turned into usage errors. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new SettingsError(
      'input-invalid',
      `${(error as Error).message}. Run hipaa-gate --help for the options.`,
      error
    )
  }
}

export function parseFormat(value: string | undefined): OutputFormat {
  const format = value ?? 'text'
  if (format === 'text' || format === 'json' || format === 'sarif') {
    return format
  }
  throw new SettingsError(
    'input-invalid',
    `--format is "${format}"; expected text, json or sarif.`
  )
}

export function failOnFlag(
  value: string | undefined
): Severity | 'never' | undefined {
  return value === undefined ? undefined : parseFailOn(value, '--fail-on')
}
