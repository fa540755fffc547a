/**
 * Suppression by configuration: path ignores and the baseline. Inline
 * markers are read by the engine, where the line text still exists. A
 * suppressed finding stays in the results, marked, so the audit trail
 * shows what was let through and why.
 */
import picomatch from 'picomatch'
import type { PathIgnore } from '../settings/config.js'
import type { Baseline } from './baseline.js'
import type { Finding } from './finding.js'

export interface SuppressionPolicy {
  readonly ignorePaths: readonly PathIgnore[]
  readonly baseline?: Baseline
}

type Matcher = { readonly ignore: PathIgnore; test(path: string): boolean }

/** Returns a function that marks a finding suppressed where policy says. */
export function suppressor(policy: SuppressionPolicy) {
  const matchers: Matcher[] = policy.ignorePaths.map(ignore => ({
    ignore,
    test: picomatch(ignore.pattern, { dot: true })
  }))

  return (finding: Finding): Finding => {
    if (finding.suppression) return finding
    for (const { ignore, test } of matchers) {
      if (ignore.ruleId !== undefined && ignore.ruleId !== finding.ruleId) {
        continue
      }
      if (test(finding.file)) {
        return {
          ...finding,
          suppression: { kind: 'path', reason: ignore.reason }
        }
      }
    }
    const accepted = policy.baseline?.entries.get(finding.fingerprint)
    if (accepted) {
      return {
        ...finding,
        suppression: {
          kind: 'baseline',
          reason: accepted.reason ?? `accepted in ${policy.baseline!.path}`
        }
      }
    }
    return finding
  }
}
