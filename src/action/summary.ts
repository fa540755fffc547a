/** The job summary, with how the findings were delivered. */
import * as core from '@actions/core'
import type { GateResult } from '../gate/result.js'
import { writeJobSummary } from '../report/index.js'
import { escapeMarkdown } from '../report/markdown.js'
import type { Delivery } from './check-run.js'
import type { ActionSettings } from './inputs.js'

export async function writeSummary(
  settings: ActionSettings,
  result: GateResult,
  delivery: Delivery
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
    return
  }
  if (delivery.channel === 'workflow-commands') {
    core.summary.addRaw(
      `> [!WARNING]\n> The **${escapeMarkdown(settings.checkName)}** check run was ` +
        `not used: ${escapeMarkdown(delivery.fallbackReason ?? 'unknown reason')}. ` +
        'Findings are annotated with workflow commands and this job’s ' +
        'result is the gate.\n\n',
      true
    )
  }
  await writeJobSummary(result, {
    serverUrl: settings.serverUrl,
    ...(delivery.annotationsNotShown
      ? { annotationsNotShown: delivery.annotationsNotShown }
      : {})
  })
}
