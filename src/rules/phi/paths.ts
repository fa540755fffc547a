/**
 * Which files the structured readers own. The SSN rule leaves these to
 * the record rules, so one message or object is one finding, not one per
 * value. CSV, TSV and YAML are not among them: the gate's other tests and
 * reports rely on an SSN in those being reported as `us-ssn`, so there an
 * SSN is reported by both (until the gate drops a token finding inside a
 * record finding).
 */

const STRUCTURED =
  /\.(?:hl7|hl7v2|er7|x12|edi|837|835|270|271|json|ndjson|jsonl|sql|dcm|dicom)$/i

/** Whether a record rule reads files at this path. */
export function isStructuredPath(path: string): boolean {
  return STRUCTURED.test(path)
}

// Generated files that hold package metadata or compiled code, never
// patient data: lock files and source maps.
const GENERATED =
  /(?:^|\/)(?:\.?package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock)$|\.map$/

/** Whether the PHI rules skip this path as generated. */
export function isGeneratedPath(path: string): boolean {
  return GENERATED.test(path)
}

/** The lower-case extension of a path, without the dot. */
export function extensionOf(path: string): string {
  const slash = path.lastIndexOf('/')
  const dot = path.lastIndexOf('.')
  return dot > slash ? path.slice(dot + 1).toLowerCase() : ''
}

/**
 * Whether a record rule reads this path, YAML and CSV included. The
 * free-text, Medicare and card rules leave all of these to the record
 * rules; the SSN rule still reads YAML and CSV as text.
 */
export function isRecordPath(path: string): boolean {
  return isStructuredPath(path) || /\.(?:ya?ml|csv|tsv|psv)$/i.test(path)
}
