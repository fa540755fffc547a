/**
 * What GitHub's Checks API enforces beyond the published schema, from its
 * documentation: the fake refuses these too, so code that passes against
 * the fake passes against GitHub.
 */

interface AnnotationBody {
  start_line?: number
  end_line?: number
  start_column?: number
  end_column?: number
  title?: string
  message?: string
  raw_details?: string
}

const TITLE_MAX = 255
const DETAILS_MAX = 64 * 1024

/** The problems with a request body for `operationId`, if any. */
export function checkRulesOf(
  operationId: string,
  body: Record<string, unknown>
): string[] {
  if (operationId !== 'checks/create' && operationId !== 'checks/update') {
    return []
  }
  const problems: string[] = []
  if (body.status === 'completed' && body.conclusion === undefined) {
    problems.push('status completed requires a conclusion')
  }
  if (body.completed_at !== undefined && body.conclusion === undefined) {
    problems.push('completed_at requires a conclusion')
  }
  const output = body.output as { annotations?: AnnotationBody[] } | undefined
  for (const [i, a] of (output?.annotations ?? []).entries()) {
    const at = `output.annotations[${i}]`
    if ((a.start_line ?? 0) < 1) problems.push(`${at}.start_line must be >= 1`)
    if ((a.end_line ?? 0) < (a.start_line ?? 0)) {
      problems.push(`${at}.end_line is before start_line`)
    }
    const columns = a.start_column !== undefined || a.end_column !== undefined
    if (columns && a.start_line !== a.end_line) {
      problems.push(`${at} has columns but spans several lines`)
    }
    if ((a.title?.length ?? 0) > TITLE_MAX) {
      problems.push(`${at}.title is longer than ${TITLE_MAX} characters`)
    }
    for (const key of ['message', 'raw_details'] as const) {
      if (Buffer.byteLength(a[key] ?? '') > DETAILS_MAX) {
        problems.push(`${at}.${key} is larger than 64 KB`)
      }
    }
  }
  return problems
}
