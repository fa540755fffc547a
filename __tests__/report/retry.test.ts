import { isTransient, retryDelay, withRetry } from '../../src/report/retry.js'

function httpError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { headers }
  })
}

describe('retrying GitHub calls', () => {
  it('retries server errors, 429 and rate-limited 403 only', () => {
    expect(isTransient(httpError(502))).toBe(true)
    expect(isTransient(httpError(500))).toBe(true)
    expect(isTransient(httpError(429))).toBe(true)
    expect(isTransient(httpError(403, { 'x-ratelimit-remaining': '0' }))).toBe(
      true
    )
    expect(isTransient(httpError(403, { 'retry-after': '3' }))).toBe(true)
    expect(isTransient(httpError(403))).toBe(false)
    expect(isTransient(httpError(404))).toBe(false)
    expect(isTransient(httpError(422))).toBe(false)
    expect(isTransient(new Error('socket hang up'))).toBe(true)
  })

  it('backs off exponentially, honours retry-after and stays bounded', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 }
    expect(
      [0, 1, 2, 3, 4].map(n => retryDelay(httpError(502), n, policy))
    ).toEqual([100, 200, 400, 800, 1000])
    expect(
      retryDelay(httpError(429, { 'retry-after': '0.5' }), 0, policy)
    ).toBe(500)
    expect(
      retryDelay(httpError(429, { 'retry-after': '3600' }), 0, policy)
    ).toBe(1000)
  })

  it('gives up after the set number of tries with the last error', async () => {
    const delays: number[] = []
    let calls = 0
    const failing = withRetry(
      async () => {
        calls++
        throw httpError(503)
      },
      { attempts: 3, sleep: async ms => void delays.push(ms) }
    )
    await expect(failing).rejects.toMatchObject({ status: 503 })
    expect(calls).toBe(3)
    expect(delays).toEqual([1000, 2000])
  })

  it('does not retry an answer that will not change', async () => {
    let calls = 0
    const failing = withRetry(async () => {
      calls++
      throw httpError(401)
    })
    await expect(failing).rejects.toMatchObject({ status: 401 })
    expect(calls).toBe(1)
  })
})
