/**
 * Reading fields of a GitHub event payload, which is untrusted JSON.
 */
import { SourceError } from './errors.js'
import { isObjectId } from './revision.js'

/** A SHA from the payload, or `event-invalid` naming the field. */
export function objectId(value: unknown, field: string): string {
  if (isObjectId(value)) return value
  throw new SourceError(
    'event-invalid',
    `The event payload's ${field} is missing or is not a commit SHA.`
  )
}

/** Reads an unknown JSON value as an object (empty when it is not one). */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : {}
}
