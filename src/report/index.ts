/**
 * The report stage: every channel that turns a GateResult into output.
 * Entry points import from here.
 */
export { annotationsFor, type Annotation } from './annotations.js'
export { checkRunOutput, type CheckRunOutput } from './check-output.js'
export {
  abortCheckRun,
  checksClient,
  completeCheckRun,
  DEFAULT_CHECK_NAME,
  startCheckRun,
  type AbortCheckRunOptions,
  type ChecksClient,
  type ChecksClientOptions,
  type CompleteCheckRunOptions,
  type CompleteCheckRunResult,
  type StartCheckRunOptions,
  type StartCheckRunResult
} from './checks.js'
export { ReportError, type ReportErrorCode } from './errors.js'
export {
  buildJsonReport,
  renderJsonReport,
  REPORT_SCHEMA_VERSION,
  type JsonReport
} from './json-report.js'
export type { RetryPolicy } from './retry.js'
export { buildSarif, renderSarif, type SarifOptions } from './sarif.js'
export { writeJobSummary } from './step-summary.js'
export {
  renderJobSummary,
  type AnnotationsNotShown,
  type SummaryOptions
} from './summary.js'
export {
  formatFindingLine,
  renderText,
  summaryLine,
  totalsLine,
  type TextFormat
} from './text.js'
export {
  emitWorkflowAnnotations,
  type WorkflowAnnotationResult,
  type WorkflowCommandSink
} from './workflow-commands.js'
