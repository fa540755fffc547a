/** `hipaa-gate scan`: the engine on files, a commit range or the index. */
import { DEFAULT_CONFIG_PATH } from '../settings/config.js'
import { SettingsError } from '../settings/errors.js'
import { parseBytes } from '../settings/values.js'
import {
  assembleResult,
  DEFAULT_MAX_FILE_BYTES,
  prepare
} from '../gate/prepare.js'
import { scan, type ScanScope } from '../gate/scan.js'
import { resolveCliRange } from '../source/index.js'
import { emit } from './report-output.js'
import {
  failOnFlag,
  parseFlags,
  parseFormat,
  REPORT_OPTIONS
} from './options.js'
import { progressReporter, type CliIO } from './io.js'

const SCAN_OPTIONS = {
  ...REPORT_OPTIONS,
  diff: { type: 'string' },
  staged: { type: 'boolean' },
  config: { type: 'string' },
  baseline: { type: 'string' },
  'max-file-bytes': { type: 'string' }
} as const

export async function scanCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(args, SCAN_OPTIONS)
  const format = parseFormat(values.format)
  const failOn = failOnFlag(values['fail-on'])
  const maxFileBytes = values['max-file-bytes']
    ? parseBytes(values['max-file-bytes'], '--max-file-bytes')
    : undefined
  const started = Date.now()

  // 1. Configuration, baseline and rules.
  const prepared = await prepare({
    cwd: io.cwd,
    configPath: values.config ?? DEFAULT_CONFIG_PATH,
    configRequired: values.config !== undefined,
    ...(values.baseline ? { baseline: values.baseline } : {}),
    ...(failOn ? { failOn } : {})
  })

  // 2. What to scan.
  let scope: ScanScope
  if (values.staged && values.diff) {
    throw usage('--diff and --staged cannot be combined')
  } else if (values.staged) {
    scope = { kind: 'staged' }
  } else if (values.diff) {
    scope = { kind: 'diff', ...(await resolveCliRange(io.cwd, values.diff)) }
  } else {
    scope = {
      kind: 'tree',
      source: 'worktree',
      ...(positionals.length > 0 ? { paths: positionals } : {})
    }
  }

  // 3. Scan, with progress on a terminal.
  const progress = progressReporter(io, values.quiet === true)
  const sourceStarted = Date.now()
  const outcome = await scan({
    cwd: io.cwd,
    scope,
    rules: prepared.rules,
    config: prepared.config,
    ...(prepared.baseline ? { baseline: prepared.baseline } : {}),
    maxFileBytes:
      maxFileBytes ?? prepared.config.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    onProgress: progress.update
  })
  progress.done()

  // 4. Report.
  const result = assembleResult(prepared, {
    event: 'cli',
    findings: outcome.findings,
    stats: outcome.stats,
    ...(outcome.stats.range ? { headSha: outcome.stats.range.head } : {}),
    timings: {
      prepare: sourceStarted - started,
      scan: Date.now() - sourceStarted
    },
    startedAt: new Date(started).toISOString()
  })
  return emit(result, format, values.output, io)
}

function usage(message: string): SettingsError {
  return new SettingsError(
    'input-invalid',
    `${message}. Run hipaa-gate --help.`
  )
}
