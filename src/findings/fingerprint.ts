import { createHmac } from 'node:crypto'

/**
 * Fingerprints identify a finding across commits without its line number, so
 * a baseline does not churn when code moves. They are keyed hashes: a plain
 * hash of a nine-digit SSN could be reversed by trying every number, so the
 * key can be set per organisation (`HIPAA_GATE_FINGERPRINT_KEY`) to make a
 * published SARIF file useless for that. The default key only separates the
 * gate's fingerprints from other tools' hashes.
 */
const DEFAULT_KEY = 'hipaa-gate/fingerprint/v1'

/** Folds the formatting differences that do not make a value different. */
export function normalizeValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** The stable fingerprint of a finding: 32 hex characters. */
export function fingerprint(
  ruleId: string,
  file: string,
  value: string,
  key: string = process.env.HIPAA_GATE_FINGERPRINT_KEY || DEFAULT_KEY
): string {
  return createHmac('sha256', key)
    .update(ruleId)
    .update('\0')
    .update(file)
    .update('\0')
    .update(normalizeValue(value))
    .digest('hex')
    .slice(0, 32)
}
