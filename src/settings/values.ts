/** Parsing of the small values inputs and flags share. */
import type { Severity } from '../findings/finding.js'
import { SettingsError } from './errors.js'

const FAIL_ON = ['error', 'warning', 'note', 'never'] as const

/** `fail-on` from an input or flag; `name` is how the user spelt it. */
export function parseFailOn(value: string, name: string): Severity | 'never' {
  const v = value.trim().toLowerCase()
  if ((FAIL_ON as readonly string[]).includes(v)) return v as Severity | 'never'
  throw new SettingsError(
    'input-invalid',
    `${name} is "${value}"; expected one of ${FAIL_ON.join(', ')}.`
  )
}

/** A positive byte count such as `2097152`, `512k` or `2M`. */
export function parseBytes(value: string, name: string): number {
  const m = /^\s*(\d{1,12})\s*([kKmMgG]?)i?[bB]?\s*$/.exec(value)
  if (!m) {
    throw new SettingsError(
      'input-invalid',
      `${name} is "${value}"; expected a number of bytes such as 2097152 or 2M.`
    )
  }
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'
  ]
  return Number(m[1]) * scale
}

/** Splits a multi-line or comma-separated list input. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(s => s.length > 0 && !s.startsWith('#'))
}

/** `true` or `false` (YAML 1.2 core spellings); empty means `fallback`. */
export function parseBoolean(
  value: string,
  name: string,
  fallback: boolean
): boolean {
  const v = value.trim()
  if (v === '') return fallback
  if (['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new SettingsError(
    'input-invalid',
    `${name} is "${value}"; expected true or false.`
  )
}
