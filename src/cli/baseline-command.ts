/** `hipaa-gate baseline`: accept today's findings so only new ones fail. */
import { resolve } from 'node:path'
import { writeBaseline } from '../findings/baseline.js'
import { DEFAULT_MAX_FILE_BYTES, prepare } from '../gate/prepare.js'
import { scan } from '../gate/scan.js'
import { DEFAULT_CONFIG_PATH } from '../settings/config.js'
import { SettingsError } from '../settings/errors.js'
import type { CliIO } from './io.js'
import { parseFlags } from './options.js'

const BASELINE_OPTIONS = {
  output: { type: 'string' },
  config: { type: 'string' }
} as const

export async function baselineCommand(
  args: string[],
  io: CliIO
): Promise<number> {
  const { values, positionals } = parseFlags(args, BASELINE_OPTIONS)
  if (!values.output) {
    throw new SettingsError(
      'input-invalid',
      'baseline needs --output FILE (for example ' +
        '.github/hipaa-gate-baseline.json).'
    )
  }
  const prepared = await prepare({
    cwd: io.cwd,
    configPath: values.config ?? DEFAULT_CONFIG_PATH,
    configRequired: values.config !== undefined,
    skipBaseline: true
  })
  const outcome = await scan({
    cwd: io.cwd,
    scope: {
      kind: 'tree',
      source: 'worktree',
      ...(positionals.length > 0 ? { paths: positionals } : {})
    },
    rules: prepared.rules,
    config: prepared.config,
    maxFileBytes: prepared.config.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  })
  const count = await writeBaseline(
    resolve(io.cwd, values.output),
    outcome.findings
  )
  io.stdout(
    `Wrote ${count} accepted findings to ${values.output}. Point the ` +
      '`baseline` setting of the config file at it.\n'
  )
  return 0
}
