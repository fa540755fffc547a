/**
 * Retries for GitHub API calls. Only answers that say "try again later"
 * are retried: server errors, 429, and a 403 that carries rate-limit
 * headers. Everything else is an answer, and retrying would only delay it.
 */

/** How calls are retried; every field has a default. */
export interface RetryPolicy {
  /** Total tries, the first included (default 4). */
  readonly attempts?: number
  /** Delay before the first retry in milliseconds (default 1000). */
  readonly baseDelayMs?: number
  /** Upper bound of any one delay, `retry-after` included (default 10000). */
  readonly maxDelayMs?: number
  /** Waits `ms` milliseconds; tests pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>
}

/** What the retry loop needs to know about a failed call. */
interface HttpFailure {
  readonly status?: number
  readonly response?: { readonly headers?: Record<string, unknown> }
}

const DEFAULTS = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 10_000 }

const wait = (ms: number): Promise<void> =>
  new Promise(resolve => setTimeout(resolve, ms))

function header(error: HttpFailure, name: string): string | undefined {
  const value = error.response?.headers?.[name]
  return value === undefined || value === null ? undefined : String(value)
}

/** The HTTP status of a failed Octokit call, if it got an answer. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as HttpFailure | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** `HTTP 502`, or that GitHub never answered: for error messages. */
export function describeFailure(error: unknown): string {
  const status = statusOf(error)
  return status === undefined ? 'no answer from GitHub' : `HTTP ${status}`
}

/** Whether GitHub's answer asks the caller to come back later. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error)
  if (status === undefined) {
    // No answer at all (connection reset, DNS): worth another try.
    return error instanceof Error && !('status' in error)
  }
  if (status >= 500 || status === 429) return true
  if (status === 403) {
    const failure = error as HttpFailure
    return (
      header(failure, 'x-ratelimit-remaining') === '0' ||
      header(failure, 'retry-after') !== undefined
    )
  }
  return false
}

/** The delay before retry number `retry` (0-based), honouring GitHub. */
export function retryDelay(
  error: unknown,
  retry: number,
  policy: RetryPolicy = {}
): number {
  const base = policy.baseDelayMs ?? DEFAULTS.baseDelayMs
  const max = policy.maxDelayMs ?? DEFAULTS.maxDelayMs
  const failure = error as HttpFailure
  const after = Number(header(failure, 'retry-after'))
  if (Number.isFinite(after) && after >= 0) {
    return Math.min(max, Math.max(base, after * 1000))
  }
  return Math.min(max, base * 2 ** retry)
}

/**
 * Runs `call`, retrying transient failures with exponential backoff. The
 * last failure is rethrown unchanged so the caller sees GitHub's answer.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = {}
): Promise<T> {
  const attempts = Math.max(1, policy.attempts ?? DEFAULTS.attempts)
  const sleep = policy.sleep ?? wait
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error
      await sleep(retryDelay(error, attempt - 1, policy))
    }
  }
}
