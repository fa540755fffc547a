/**
 * Which files the structured readers own. The SSN rule leaves these to
 * the record rules, so one message or object is one finding, not one per
 * value. CSV, TSV and YAML are not among them: the gate's other tests and
 * reports rely on an SSN in those being reported as `us-ssn`, so there an
 * SSN is reported by both (until the gate drops a token finding inside a
 * record finding).
 */

const STRUCTURED = new Set([
  'hl7',
  'hl7v2',
  'er7',
  'x12',
  'edi',
  '837',
  '835',
  '270',
  '271',
  'json',
  'ndjson',
  'jsonl',
  'sql',
  'dcm',
  'dicom'
])

// Read by a record rule too, but not left to it by the SSN rule.
const ALSO_RECORD = new Set(['yaml', 'yml', 'csv', 'tsv', 'psv'])

// Generated files that hold package metadata or compiled code, never
// patient data: lock files (by their exact name) and source maps.
const LOCK_FILES = new Set([
  'package-lock.json',
  '.package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'composer.lock',
  'Gemfile.lock',
  'Cargo.lock',
  'poetry.lock'
])

// The extensions of the lock files' names, so that only those paths are
// cut at their last slash to be looked up.
const LOCK_EXTENSIONS = new Set(['json', 'lock', 'yaml'])

interface PathFacts {
  readonly path: string
  readonly extension: string
  readonly generated: boolean
}

// Every PHI rule asks about the path of the file at hand, and the engine
// asks all the rules about one file before the next: the answers for the
// last path are kept, so a path is taken apart once, not by each rule.
let last: PathFacts = { path: '', extension: '', generated: false }

function factsOf(path: string): PathFacts {
  if (path === last.path) return last
  // Back from the end to the last dot or slash: a dot comes first when
  // the file name has an extension.
  let at = path.length - 1
  for (; at >= 0; at--) {
    const c = path.charCodeAt(at)
    if (c === 0x2e /* . */ || c === 0x2f /* / */) break
  }
  const extension =
    at >= 0 && path.charCodeAt(at) === 0x2e
      ? path.slice(at + 1).toLowerCase()
      : ''
  const generated =
    path.endsWith('.map') ||
    (LOCK_EXTENSIONS.has(extension) &&
      LOCK_FILES.has(path.slice(path.lastIndexOf('/') + 1)))
  last = { path, extension, generated }
  return last
}

/** Whether a record rule reads files at this path. */
export function isStructuredPath(path: string): boolean {
  return STRUCTURED.has(factsOf(path).extension)
}

/** Whether the PHI rules skip this path as generated. */
export function isGeneratedPath(path: string): boolean {
  return factsOf(path).generated
}

/** The lower-case extension of a path, without the dot. */
export function extensionOf(path: string): string {
  return factsOf(path).extension
}

/**
 * Whether a record rule reads this path, YAML and CSV included. The
 * free-text, Medicare and card rules leave all of these to the record
 * rules; the SSN rule still reads YAML and CSV as text.
 */
export function isRecordPath(path: string): boolean {
  const extension = factsOf(path).extension
  return STRUCTURED.has(extension) || ALSO_RECORD.has(extension)
}
