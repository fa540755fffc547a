/**
 * The check run a repository requires, and the fallback when the token
 * cannot write checks (fork pull requests) or the API fails: annotations
 * through workflow commands, with the job's own result as the gate. A
 * failing API call never hides a finding.
 */
import * as core from '@actions/core'
import type { GateResult } from '../gate/result.js'
import {
  abortCheckRun,
  checksClient,
  completeCheckRun,
  emitWorkflowAnnotations,
  startCheckRun,
  type AnnotationsNotShown,
  type ChecksClient
} from '../report/index.js'
import { activeFindings } from '../findings/finding.js'
import type { ActionSettings } from './inputs.js'

/** How the findings reached the pull request, for the job summary. */
export interface Delivery {
  readonly channel: 'check-run' | 'workflow-commands'
  /** Why the check run was not used, when it was not. */
  readonly fallbackReason?: string
  readonly annotationsNotShown?: AnnotationsNotShown
}

export class CheckRunReporter {
  private client: ChecksClient | undefined
  private checkRunId: number | undefined
  private fallbackReason: string | undefined

  constructor(
    private readonly settings: ActionSettings,
    private readonly headSha: string,
    private readonly apiUrl = process.env.GITHUB_API_URL
  ) {}

  /** The check run's id, or undefined after a fallback. */
  get id(): number | undefined {
    return this.checkRunId
  }

  /** Creates the check run `in_progress`; on refusal, plans the fallback. */
  async start(): Promise<void> {
    const { settings } = this
    if (!settings.token) {
      this.fallbackReason = 'no token was given (input token is empty)'
      core.warning(
        `No token: the ${settings.checkName} check run cannot be created; ` +
          'annotating with workflow commands, and this job is the gate.'
      )
      return
    }
    this.client = checksClient({
      token: settings.token,
      repository: `${settings.owner}/${settings.repo}`,
      ...(this.apiUrl ? { apiUrl: this.apiUrl } : {})
    })
    const started = await startCheckRun(this.client, {
      headSha: this.headSha,
      name: settings.checkName,
      ...(this.detailsUrl() ? { detailsUrl: this.detailsUrl()! } : {})
    })
    if (started.started) {
      this.checkRunId = started.checkRunId
      core.info(
        `Check run ${started.checkRunId} "${settings.checkName}" started`
      )
      return
    }
    this.fallbackReason =
      started.fallback === 'failed'
        ? started.error.message
        : `the token may not create check runs here (HTTP ` +
          `${started.fallback === 'forbidden' ? 403 : 404}; pull requests ` +
          'from forks get a read-only token)'
    core.warning(
      `${started.error.message}. This job's result is the gate for this run.`
    )
  }

  /** Delivers the findings: to the check run, or as workflow commands. */
  async complete(result: GateResult): Promise<Delivery> {
    if (this.client && this.checkRunId !== undefined) {
      const done = await completeCheckRun(this.client, {
        checkRunId: this.checkRunId,
        result,
        serverUrl: this.settings.serverUrl
      })
      if (done.completed) {
        core.info(
          `Check run completed: ${result.conclusion}, ${done.annotated} ` +
            `annotations in ${done.requests} requests`
        )
        return {
          channel: 'check-run',
          ...(done.notAnnotated > 0
            ? {
                annotationsNotShown: {
                  counts: { failure: done.notAnnotated },
                  reason: 'check-run-limit'
                }
              }
            : {})
        }
      }
      core.warning(
        `${done.error.message}. Annotating the remaining findings with ` +
          "workflow commands; this job's result is the gate."
      )
      return this.annotateWithCommands(done.undelivered, done.error.message)
    }
    return this.annotateWithCommands(
      activeFindings(result.findings),
      this.fallbackReason ?? 'the check run was not created'
    )
  }

  /** Concludes the check run as failed when the gate could not run. */
  async fail(error: unknown): Promise<void> {
    if (!this.client || this.checkRunId === undefined) return
    const reason = error instanceof Error ? error.message : String(error)
    const ok = await abortCheckRun(this.client, {
      checkRunId: this.checkRunId,
      reason
    })
    if (!ok) core.warning('Could not mark the check run as failed')
  }

  private annotateWithCommands(
    findings: GateResult['findings'],
    reason: string
  ): Delivery {
    const { notShown } = emitWorkflowAnnotations(findings)
    return {
      channel: 'workflow-commands',
      fallbackReason: reason,
      annotationsNotShown: { counts: notShown, reason: 'step-limit' }
    }
  }

  private detailsUrl(): string | undefined {
    const runId = process.env.GITHUB_RUN_ID
    if (!runId || !this.settings.owner) return undefined
    return (
      `${this.settings.serverUrl}/${this.settings.owner}/` +
      `${this.settings.repo}/actions/runs/${runId}`
    )
  }
}
