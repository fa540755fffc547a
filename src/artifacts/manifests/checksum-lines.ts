/**
 * Line-oriented checksum manifests: GNU coreutils `sha256sum` output (and
 * goreleaser's `checksums.txt`, which is the same), BSD tags as written by
 * `shasum --tag` or `sha256sum --tag`, and SRI strings (`sha512-<base64>`)
 * beside a file name, as npm writes integrity values. The content is
 * untrusted; every pattern is bounded and anchored.
 */
import {
  algorithmForHexLength,
  digestBytes,
  parseAlgorithmName,
  type DigestAlgorithm
} from '../digests.js'
import type {
  ManifestEntry,
  ManifestFormat,
  ManifestProblem,
  ParsedManifest
} from './manifest.js'

const MAX_LINE = 8192

// `<hex> <marker><name>`: the marker is a space for text mode and `*` for
// binary mode. A leading backslash says the name is escaped.
const GNU_LINE = /^(\\?)([0-9a-fA-F]{32,128}) ([ *]?)([^\n]{1,4096})$/

// `SHA256 (name) = <hex>`; the name may itself hold parentheses, so the
// digest anchors the end.
const BSD_LINE =
  /^(\\?)([A-Za-z0-9-]{2,12}) ?\(([^\n]{1,4096})\) ?= ?([0-9a-fA-F]{32,128})$/

const SRI_TOKEN =
  /^(sha256|sha384|sha512|sha1|md5)-([A-Za-z0-9+/]{1,200}={0,2})$/

/** One line's reading. */
type LineResult =
  | {
      readonly kind: 'entry'
      readonly format: ManifestFormat
      readonly entry: Omit<ManifestEntry, 'line'>
    }
  | { readonly kind: 'problem'; readonly reason: string }
  | { readonly kind: 'skip' }

/** Parses a text manifest whose lines may mix the supported forms. */
export function parseChecksumLines(text: string): ParsedManifest {
  const entries: ManifestEntry[] = []
  const problems: ManifestProblem[] = []
  const formats: ManifestFormat[] = []
  const lines = text.split('\n')
  lines.forEach((raw, index) => {
    const result = parseLine(raw.endsWith('\r') ? raw.slice(0, -1) : raw)
    const line = index + 1
    if (result.kind === 'entry') {
      entries.push({ ...result.entry, line })
      if (!formats.includes(result.format)) formats.push(result.format)
    } else if (result.kind === 'problem') {
      problems.push({ line, reason: result.reason })
    }
  })
  return { formats, entries, problems }
}

function parseLine(line: string): LineResult {
  if (line.trim() === '' || line.startsWith('#')) return { kind: 'skip' }
  if (line.length > MAX_LINE) {
    return {
      kind: 'problem',
      reason: `line longer than ${MAX_LINE} characters`
    }
  }
  return (
    gnuLine(line) ??
    bsdLine(line) ??
    sriLine(line) ?? {
      kind: 'problem',
      reason:
        'not a checksum line: expected `<hex digest>  <file>` (GNU), ' +
        '`SHA256 (<file>) = <hex digest>` (BSD) or `sha512-<base64> <file>` (SRI)'
    }
  )
}

function gnuLine(line: string): LineResult | undefined {
  const match = GNU_LINE.exec(line)
  if (!match) return undefined
  const [, escaped, hex, , rawName] = match as unknown as string[]
  const algorithm = algorithmForHexLength(hex!.length)
  if (algorithm === undefined) {
    return {
      kind: 'problem',
      reason: `a ${hex!.length}-digit digest is not MD5, SHA-1, SHA-256, SHA-384 or SHA-512`
    }
  }
  const name = escaped ? unescapeName(rawName!) : rawName!
  if (name === undefined) return badEscape()
  return entry('gnu', name, algorithm, hex!.toLowerCase())
}

function bsdLine(line: string): LineResult | undefined {
  const match = BSD_LINE.exec(line)
  if (!match) return undefined
  const [, escaped, tag, rawName, hex] = match as unknown as string[]
  const algorithm = parseAlgorithmName(tag!)
  if (algorithm === undefined) {
    return { kind: 'problem', reason: `unsupported algorithm '${tag}'` }
  }
  if (hex!.length !== digestBytes(algorithm) * 2) {
    return {
      kind: 'problem',
      reason: `a ${tag} digest has ${digestBytes(algorithm) * 2} hex digits, not ${hex!.length}`
    }
  }
  const name = escaped ? unescapeName(rawName!) : rawName!
  if (name === undefined) return badEscape()
  return entry('bsd', name, algorithm, hex!.toLowerCase())
}

// `sha512-<b64> name` or `name sha512-<b64>`, separated by white space.
function sriLine(line: string): LineResult | undefined {
  const trimmed = line.trim()
  const first = trimmed.search(/\s/)
  if (first < 0) return undefined
  const last = trimmed.search(/\s\S{1,300}$/)
  const head = trimmed.slice(0, first)
  const tail = last < 0 ? '' : trimmed.slice(last + 1)
  let token: RegExpExecArray | null = SRI_TOKEN.exec(head)
  let name = trimmed.slice(first).trim()
  if (!token) {
    token = SRI_TOKEN.exec(tail)
    name = last < 0 ? '' : trimmed.slice(0, last).trim()
  }
  if (!token || name === '') return undefined
  const algorithm = parseAlgorithmName(token[1]!)!
  const bytes = Buffer.from(token[2]!, 'base64')
  if (bytes.length !== digestBytes(algorithm)) {
    return {
      kind: 'problem',
      reason: `the ${token[1]} SRI value decodes to ${bytes.length} bytes, not ${digestBytes(algorithm)}`
    }
  }
  return entry('sri', name, algorithm, bytes.toString('hex'))
}

function entry(
  format: ManifestFormat,
  name: string,
  algorithm: DigestAlgorithm,
  digest: string
): LineResult {
  if (name.includes('\0')) {
    return { kind: 'problem', reason: 'the file name holds a NUL character' }
  }
  return { kind: 'entry', format, entry: { name, algorithm, digest } }
}

function badEscape(): LineResult {
  return {
    kind: 'problem',
    reason: 'bad escape in file name: only \\\\, \\n and \\r are defined'
  }
}

/**
 * Undoes coreutils' escaping of names holding a backslash or a newline
 * (the line then starts with a backslash). Undefined for an unknown escape.
 */
export function unescapeName(name: string): string | undefined {
  let out = ''
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!
    if (c !== '\\') {
      out += c
      continue
    }
    const next = name[++i]
    if (next === '\\') out += '\\'
    else if (next === 'n') out += '\n'
    else if (next === 'r') out += '\r'
    else return undefined
  }
  return out
}
