/**
 * The baseline: fingerprints of findings a team has accepted (known test
 * data, a credential already revoked). Entries hold no line numbers, so the
 * file does not churn when code moves.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { SettingsError } from '../settings/errors.js'
import type { Finding } from './finding.js'

export interface BaselineEntry {
  readonly fingerprint: string
  readonly ruleId: string
  readonly file: string
  /** Why it was accepted; shown in the audit trail. */
  readonly reason?: string
}

export interface Baseline {
  readonly path: string
  readonly entries: ReadonlyMap<string, BaselineEntry>
}

const FINGERPRINT = /^[0-9a-f]{32}$/

/** Reads a baseline file. A missing or malformed file is an error. */
export async function readBaseline(path: string, absolute: string) {
  let text: string
  try {
    text = await readFile(absolute, 'utf8')
  } catch (error) {
    throw new SettingsError(
      'baseline-invalid',
      `Cannot read the baseline ${path}: ${(error as Error).message}. ` +
        'Create one with `hipaa-gate baseline --output ' +
        `${path}\` or remove the \`baseline\` setting.`,
      error
    )
  }
  return parseBaseline(text, path)
}

export function parseBaseline(text: string, path: string): Baseline {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new SettingsError(
      'baseline-invalid',
      `The baseline ${path} is not valid JSON: ${(error as Error).message}`,
      error
    )
  }
  const list = (data as { findings?: unknown })?.findings
  if ((data as { version?: unknown })?.version !== 1 || !Array.isArray(list)) {
    throw new SettingsError(
      'baseline-invalid',
      `The baseline ${path} must be an object with "version": 1 and a ` +
        '"findings" array.'
    )
  }
  const entries = new Map<string, BaselineEntry>()
  list.forEach((item: Partial<BaselineEntry>, index) => {
    if (
      typeof item?.fingerprint !== 'string' ||
      !FINGERPRINT.test(item.fingerprint) ||
      typeof item.ruleId !== 'string' ||
      typeof item.file !== 'string'
    ) {
      throw new SettingsError(
        'baseline-invalid',
        `The baseline ${path}, findings[${index}]: expected ` +
          '{ fingerprint: 32 hex characters, ruleId, file, reason? }.'
      )
    }
    entries.set(item.fingerprint, item as BaselineEntry)
  })
  return { path, entries }
}

/** The baseline file text accepting every active finding given. */
export function formatBaseline(findings: readonly Finding[]): string {
  const seen = new Set<string>()
  const entries: BaselineEntry[] = []
  for (const f of findings) {
    if (f.suppression || seen.has(f.fingerprint)) continue
    seen.add(f.fingerprint)
    entries.push({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file })
  }
  entries.sort((a, b) =>
    a.file === b.file
      ? a.ruleId.localeCompare(b.ruleId)
      : a.file.localeCompare(b.file)
  )
  return JSON.stringify({ version: 1, findings: entries }, null, 2) + '\n'
}

export async function writeBaseline(
  absolute: string,
  findings: readonly Finding[]
): Promise<number> {
  const text = formatBaseline(findings)
  await writeFile(absolute, text)
  return (JSON.parse(text) as { findings: unknown[] }).findings.length
}
