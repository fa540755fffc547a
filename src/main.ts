/**
 * The action's entry point: run the gate and fail the step, once, when the
 * gate fails or could not run.
 */
import * as core from '@actions/core'
import { runAction } from './action/run.js'

try {
  const verdict = await runAction()
  if (verdict.failed) core.setFailed(verdict.message)
  else core.info(verdict.message)
} catch (error) {
  // Typed errors carry messages written for users (what was wrong, what was
  // expected); they never hold a matched value.
  core.setFailed(error instanceof Error ? error.message : String(error))
}
