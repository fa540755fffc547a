/**
 * The action's procedure, step by step. It returns the verdict instead of
 * failing the step itself, so `main.ts` calls `core.setFailed` once.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as core from '@actions/core'
import { integrityRules, verifyArtifacts } from '../artifacts/index.js'
import { activeFindings, highestSeverity } from '../findings/finding.js'
import {
  assembleResult,
  DEFAULT_MAX_FILE_BYTES,
  prepare
} from '../gate/prepare.js'
import type { GateResult } from '../gate/result.js'
import type { RuleMetadata } from '../rules/rule.js'
import { scan, type ScanOutcome } from '../gate/scan.js'
import { renderJsonReport, renderSarif } from '../report/index.js'
import { resolveScanTarget } from '../source/index.js'
import { headShaOf, readActionSettings, type ActionSettings } from './inputs.js'
import { CheckRunReporter } from './check-run.js'
import { writeSummary } from './summary.js'

const NOTHING_SCANNED: ScanOutcome = {
  findings: [],
  stats: {
    mode: 'verify',
    filesScanned: 0,
    linesScanned: 0,
    bytesScanned: 0,
    skipped: []
  }
}

export interface ActionVerdict {
  readonly failed: boolean
  readonly message: string
}

export async function runAction(): Promise<ActionVerdict> {
  const started = Date.now()
  const timings: Record<string, number> = {}
  const time = async <T>(phase: string, work: () => Promise<T>) => {
    const at = Date.now()
    try {
      return await work()
    } finally {
      timings[phase] = Date.now() - at
    }
  }

  // 1. Inputs, and the check run that shows the gate is working.
  const settings = readActionSettings()
  const headSha = headShaOf(settings)
  const checks = new CheckRunReporter(settings, headSha)
  await core.group('Start the check run', () => checks.start())

  try {
    // 2. Configuration, baseline and rules.
    const prepared = await core.group('Read the configuration', () =>
      time('prepare', () =>
        prepare({
          cwd: settings.workspace,
          configPath: settings.configPath,
          configRequired: settings.configRequired,
          ...(settings.baseline ? { baseline: settings.baseline } : {}),
          ...(settings.failOn ? { failOn: settings.failOn } : {})
        })
      )
    )
    core.info(
      `${prepared.rules.length} rules, fail-on ${prepared.failOn}` +
        (prepared.config.path ? `, config ${prepared.config.path}` : '')
    )

    // 3. What the event asks to scan, and the scan itself.
    const outcome =
      settings.scanMode === 'off'
        ? NOTHING_SCANNED
        : await core.group('Scan the change', () =>
            time('scan', () => scanForEvent(settings, prepared))
          )

    // 4. Artifact verification, when inputs name artifacts or manifests.
    const verified = settings.verify
      ? await core.group('Verify artifacts', () =>
          time('verify', () =>
            verifyArtifacts(settings.verify!, message => core.info(message))
          )
        )
      : undefined
    const findings = [...outcome.findings, ...(verified?.findings ?? [])]

    // 5. The result every report is made from.
    const result = assembleResult(prepared, {
      event: settings.eventName,
      repository: `${settings.owner}/${settings.repo}`,
      headSha,
      findings,
      stats: verified
        ? {
            ...outcome.stats,
            filesScanned: outcome.stats.filesScanned + verified.filesHashed,
            bytesScanned: outcome.stats.bytesScanned + verified.bytesHashed
          }
        : outcome.stats,
      ...(verified
        ? {
            artifacts: verified.artifacts,
            rules: [...prepared.rules, ...integrityRules]
          }
        : {}),
      timings,
      startedAt: new Date(started).toISOString()
    })

    // 6. Reports: files first, so nothing is lost if the API fails.
    await core.group('Write the reports', () => writeReports(settings, result))
    const delivery = await core.group('Report to the pull request', () =>
      checks.complete(result)
    )
    await writeSummary(settings, result, delivery)
    setOutputs(settings, result, checks.id)
    return verdictOf(result)
  } catch (error) {
    // The gate could not run: the check must not pass, and says why.
    await checks.fail(error)
    throw error
  }
}

async function scanForEvent(
  settings: ActionSettings,
  prepared: Awaited<ReturnType<typeof prepare>>
): Promise<ScanOutcome> {
  const maxFileBytes =
    settings.maxFileBytes ??
    prepared.config.maxFileBytes ??
    DEFAULT_MAX_FILE_BYTES
  const common = {
    cwd: settings.workspace,
    rules: prepared.rules,
    config: prepared.config,
    ...(prepared.baseline ? { baseline: prepared.baseline } : {}),
    maxFileBytes,
    onValue: maskValue,
    debug: (message: string) => core.debug(message)
  }
  const target = await resolveScanTarget({
    eventName: settings.eventName,
    payload: settings.payload,
    ...(settings.base ? { base: settings.base } : {}),
    ...(settings.head ? { head: settings.head } : {}),
    full: settings.scanMode === 'full',
    cwd: settings.workspace,
    log: (message: string) => core.info(message)
  })
  core.info(`Scanning ${target.description}`)
  const outcome = await scan({
    ...common,
    scope:
      target.mode === 'full'
        ? { kind: 'tree', source: 'head', ref: target.ref }
        : {
            kind: 'diff',
            base: target.base,
            head: target.head,
            description: target.description
          }
  })
  const { filesScanned, linesScanned, bytesScanned, skipped } = outcome.stats
  core.info(
    `Scanned ${filesScanned} files, ${linesScanned} lines, ` +
      `${bytesScanned} bytes; ${skipped.length} not scanned as text; ` +
      `${outcome.findings.length} findings ` +
      `(${activeFindings(outcome.findings).length} not suppressed)`
  )
  return outcome
}

/**
 * Masks a credential or an identifier in the runner's log before anything
 * could print it. A record's value is its identifiers, one a line. The CI
 * configuration rules match text such as `-k` or `actions/checkout@v4`,
 * which is no secret and would blank out every such string in the log.
 */
function maskValue(value: string, rule: RuleMetadata): void {
  if (rule.category !== 'secret' && rule.category !== 'phi') return
  for (const part of value.split('\n')) {
    if (part.trim().length >= 3) core.setSecret(part.trim())
  }
}

async function writeReports(settings: ActionSettings, result: GateResult) {
  const write = async (path: string, text: string) => {
    const absolute = resolve(settings.workspace, path)
    await mkdir(dirname(absolute), { recursive: true })
    await writeFile(absolute, text)
    core.info(`Wrote ${path}`)
  }
  if (settings.sarifFile) {
    await write(
      settings.sarifFile,
      renderSarif(result, {
        serverUrl: settings.serverUrl,
        srcRoot: pathToFileURL(settings.workspace + '/').href
      })
    )
  }
  if (settings.reportFile) {
    await write(settings.reportFile, renderJsonReport(result))
  }
}

function setOutputs(
  settings: ActionSettings,
  result: GateResult,
  checkRunId: number | undefined
): void {
  core.setOutput('conclusion', result.conclusion)
  core.setOutput('findings-count', activeFindings(result.findings).length)
  core.setOutput('highest-severity', highestSeverity(result.findings))
  core.setOutput('sarif-file', settings.sarifFile ?? '')
  core.setOutput('report-file', settings.reportFile ?? '')
  core.setOutput('check-run-id', checkRunId === undefined ? '' : checkRunId)
}

function verdictOf(result: GateResult): ActionVerdict {
  const active = activeFindings(result.findings)
  if (result.conclusion === 'success') {
    return {
      failed: false,
      message: `HIPAA Gate passed (${active.length} findings below fail-on)`
    }
  }
  return {
    failed: true,
    message:
      `HIPAA Gate found ${active.length} findings at or above ` +
      `fail-on ${result.failOn}; see the annotations and the job summary.`
  }
}
