/**
 * Writes the job summary through `@actions/core`, which appends it to the
 * file named by `GITHUB_STEP_SUMMARY`. Kept apart from summary.ts so that
 * rendering stays a pure function.
 */
import * as core from '@actions/core'
import type { GateResult } from '../gate/result.js'
import { renderJobSummary, type SummaryOptions } from './summary.js'

/** Renders the run's summary and appends it to the step summary. */
export async function writeJobSummary(
  result: GateResult,
  options: SummaryOptions = {}
): Promise<void> {
  await core.summary.addRaw(renderJobSummary(result, options), true).write()
}
