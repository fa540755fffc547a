/**
 * In-toto statements as checksum manifests: a bare statement, SLSA
 * provenance (any version, it is a statement too), a DSSE envelope
 * holding one (`.intoto.jsonl` from the SLSA generator), a Sigstore bundle
 * holding one, or JSON Lines of any of these. Only the `subject` digests
 * are read; the signature, if any, is checked by the Sigstore stage.
 */
import { isHexDigest, parseAlgorithmName } from '../digests.js'
import { splitJsonLines } from '../json-lines.js'
import type {
  ManifestEntry,
  ManifestProblem,
  ParsedManifest
} from './manifest.js'

const STATEMENT_TYPE = /^https:\/\/in-toto\.io\/Statement\/v[0-9.]{1,8}$/

// A subject named by a URI scheme (`pkg:npm/…`, `oci://…`) is not a file.
const URI_NAME = /^[a-z][a-z0-9+.-]{0,30}:/

/** True when the text looks like JSON rather than checksum lines. */
export function looksLikeJson(text: string): boolean {
  return /^\s{0,64}[{[]/.test(text)
}

/** Reads subjects from a JSON or JSON Lines manifest. */
export function parseInTotoManifest(text: string): ParsedManifest {
  const entries: ManifestEntry[] = []
  const problems: ManifestProblem[] = []
  for (const document of jsonDocuments(text, problems)) {
    readStatement(document.value, document.line, text, entries, problems)
  }
  return { formats: ['in-toto'], entries, problems }
}

interface JsonDocument {
  readonly value: unknown
  readonly line: number
}

/** The whole text as one document, or failing that, one per line. */
function jsonDocuments(text: string, problems: ManifestProblem[]) {
  const lines = splitJsonLines(text)
  if (lines === undefined) {
    problems.push({ line: 1, reason: 'not valid JSON (a truncated file?)' })
    return []
  }
  if (lines.length === 0)
    return [{ value: JSON.parse(text) as unknown, line: 1 }]
  const documents: JsonDocument[] = []
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return
    try {
      documents.push({ value: JSON.parse(raw) as unknown, line: index + 1 })
    } catch {
      problems.push({
        line: index + 1,
        reason: 'not valid JSON (a truncated or corrupted file?)'
      })
    }
  })
  return documents
}

function readStatement(
  value: unknown,
  line: number,
  text: string,
  entries: ManifestEntry[],
  problems: ManifestProblem[]
): void {
  const statement = unwrap(value)
  if (statement === undefined) {
    problems.push({
      line,
      reason:
        'expected an in-toto statement (or a DSSE envelope or Sigstore ' +
        'bundle holding one) with `_type` and `subject`'
    })
    return
  }
  const subjects = statement['subject']
  if (!Array.isArray(subjects) || subjects.length === 0) {
    problems.push({ line, reason: 'the statement has no `subject` list' })
    return
  }
  for (const subject of subjects) {
    const name = isObject(subject) ? subject['name'] : undefined
    const digests = isObject(subject) ? subject['digest'] : undefined
    const at = typeof name === 'string' ? lineOf(text, name, line) : line
    if (typeof name !== 'string' || name === '' || !isObject(digests)) {
      problems.push({
        line: at,
        reason: 'a subject needs a `name` and a `digest` object'
      })
      continue
    }
    let known = 0
    for (const [key, hex] of Object.entries(digests)) {
      const algorithm = parseAlgorithmName(key)
      if (algorithm === undefined) continue
      known++
      const digest = typeof hex === 'string' ? hex.toLowerCase() : ''
      if (!isHexDigest(algorithm, digest)) {
        problems.push({
          line: at,
          reason: `subject ${quote(name)} has a malformed ${key} digest`
        })
        continue
      }
      entries.push({
        name,
        algorithm,
        digest,
        line: at,
        ...(URI_NAME.test(name) ? { digestOnly: true } : {})
      })
    }
    if (known === 0) {
      problems.push({
        line: at,
        reason: `subject ${quote(name)} has no SHA-256, SHA-384 or SHA-512 digest`
      })
    }
  }
}

/** The statement inside `value`, decoding DSSE payloads on the way. */
function unwrap(value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined
  const envelope = isObject(value['dsseEnvelope'])
    ? value['dsseEnvelope']
    : value
  if (
    typeof envelope['payload'] === 'string' &&
    typeof envelope['payloadType'] === 'string'
  ) {
    try {
      const payload = Buffer.from(envelope['payload'], 'base64').toString()
      return unwrap(JSON.parse(payload))
    } catch {
      return undefined
    }
  }
  const type = value['_type']
  return typeof type === 'string' && STATEMENT_TYPE.test(type)
    ? value
    : undefined
}

/** A subject name for a message: printable and short. */
function quote(name: string): string {
  const clean = name.replace(/[^\x20-\x7e]/g, '?')
  return `'${clean.length > 80 ? `${clean.slice(0, 79)}…` : clean}'`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The line of the first occurrence of `"name"`, for pointing at it. */
function lineOf(text: string, name: string, fallback: number): number {
  const at = text.indexOf(JSON.stringify(name))
  if (at < 0) return fallback
  let line = 1
  for (
    let i = text.indexOf('\n');
    i >= 0 && i < at;
    i = text.indexOf('\n', i + 1)
  ) {
    line++
  }
  return line
}
