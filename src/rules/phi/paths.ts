/**
 * Which files the structured readers own. Token rules leave these to the
 * record rules, so one row or message is one finding, not one per value.
 * YAML is not among them: configuration and templates are YAML too, and
 * a diff of one is scanned as text by the token rules as well.
 */

const STRUCTURED =
  /\.(?:csv|tsv|psv|hl7|hl7v2|er7|x12|edi|837|835|270|271|json|ndjson|jsonl|sql|dcm|dicom)$/i

/** Whether a record rule reads files at this path. */
export function isStructuredPath(path: string): boolean {
  return STRUCTURED.test(path)
}

/** The lower-case extension of a path, without the dot. */
export function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/')
  const dot = path.lastIndexOf('.')
  return dot > slash ? path.slice(dot + 1).toLowerCase() : ''
}

/**
 * Whether a record rule reads this path, YAML included. The free-text and
 * Medicare and card rules leave all of these to the record rules; the SSN
 * rule still reads YAML as text.
 */
export function isRecordPath(path: string): boolean {
  return isStructuredPath(path) || /\.ya?ml$/i.test(path)
}
