/**
 * Reading Sigstore bundle files: one bundle as JSON, or JSON Lines with a
 * bundle a line (what `gh attestation download` writes). Bundles are
 * untrusted input; anything malformed becomes a failed `bundle-format` or
 * `media-type` check, never an exception.
 */
import { readFile, stat } from 'node:fs/promises'
import {
  assertBundleLatest,
  assertBundleV01,
  assertBundleV02,
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  type Bundle
} from '@sigstore/bundle'
import { HashAlgorithm } from '@sigstore/protobuf-specs'
import {
  isHexDigest,
  parseAlgorithmName,
  type DigestAlgorithm
} from '../digests.js'
import { splitJsonLines } from '../json-lines.js'
import type { CheckFailure } from './checks.js'

// Bundles are a few kilobytes; a bigger file is not one.
const MAX_BUNDLE_FILE = 16 * 1024 * 1024

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

/** A digest a bundle vouches for. */
export interface SubjectDigest {
  readonly algorithm: DigestAlgorithm
  readonly digest: string
  /** The in-toto subject name, when there is one. */
  readonly name?: string
}

/** One bundle read from a file, or why it could not be read. */
export interface LoadedBundle {
  /** Workspace-relative path of the bundle file. */
  readonly file: string
  /** 1-based line (always 1 for a plain JSON file). */
  readonly line: number
  readonly bundle?: Bundle
  readonly failure?: CheckFailure
  /** Digests the bundle covers: statement subjects or the message digest. */
  readonly subjects: readonly SubjectDigest[]
  readonly predicateType?: string
}

/** Reads every bundle in a file (`relative` is its name in findings). */
export async function readBundleFile(
  absolute: string,
  relative: string
): Promise<LoadedBundle[]> {
  let text: string
  try {
    const info = await stat(absolute)
    if (info.size > MAX_BUNDLE_FILE) {
      return [malformed(relative, 1, `larger than ${MAX_BUNDLE_FILE} bytes`)]
    }
    text = await readFile(absolute, 'utf8')
  } catch {
    return [malformed(relative, 1, 'cannot be read')]
  }
  if (text.trim() === '') return [malformed(relative, 1, 'is empty')]

  const lines = splitJsonLines(text)
  if (lines === undefined) {
    return [malformed(relative, 1, 'is not valid JSON (truncated?)')]
  }
  if (lines.length === 0) return [fromJson(JSON.parse(text), relative, 1)]
  const bundles: LoadedBundle[] = []
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      bundles.push(
        malformed(relative, index + 1, 'is not valid JSON (truncated?)')
      )
      return
    }
    bundles.push(fromJson(value, relative, index + 1))
  })
  return bundles
}

const VALIDATORS: Readonly<Record<string, (bundle: Bundle) => void>> = {
  [BUNDLE_V01_MEDIA_TYPE]: assertBundleV01,
  [BUNDLE_V02_MEDIA_TYPE]: assertBundleV02,
  [BUNDLE_V03_LEGACY_MEDIA_TYPE]: assertBundleLatest,
  [BUNDLE_V03_MEDIA_TYPE]: assertBundleLatest
}

function fromJson(value: unknown, file: string, line: number): LoadedBundle {
  const mediaType = (value as { mediaType?: unknown } | null)?.mediaType
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return malformed(file, line, 'is not a JSON object')
  }
  const validate =
    typeof mediaType === 'string' ? VALIDATORS[mediaType] : undefined
  if (validate === undefined) {
    return {
      file,
      line,
      subjects: [],
      failure: {
        check: 'media-type',
        // The value itself is untrusted content and is not repeated.
        message:
          typeof mediaType === 'string'
            ? 'mediaType is not that of a Sigstore bundle v0.1, v0.2 or v0.3'
            : 'the bundle has no mediaType'
      }
    }
  }
  let bundle: Bundle
  try {
    bundle = bundleFromJSON(value)
    validate(bundle)
  } catch (error) {
    const fields = (error as { fields?: unknown }).fields
    const detail = Array.isArray(fields) ? `: ${fields.join(', ')}` : ''
    return malformed(file, line, `is not a valid bundle${detail}`)
  }
  return withSubjects(bundle, file, line)
}

/** Reads what the bundle signs, so it can be matched to artifacts. */
function withSubjects(bundle: Bundle, file: string, line: number) {
  if (bundle.content.$case === 'messageSignature') {
    const { messageDigest } = bundle.content.messageSignature
    const algorithm = hashAlgorithm(messageDigest.algorithm)
    const digest = Buffer.from(messageDigest.digest).toString('hex')
    return {
      file,
      line,
      bundle,
      subjects: algorithm ? [{ algorithm, digest }] : []
    }
  }
  const envelope = bundle.content.dsseEnvelope
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return {
      file,
      line,
      bundle,
      subjects: [],
      failure: {
        check: 'media-type' as const,
        message: `the DSSE payloadType is not '${IN_TOTO_PAYLOAD_TYPE}'`
      }
    }
  }
  let statement: Record<string, unknown>
  try {
    statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8'))
  } catch {
    return malformed(file, line, 'holds a DSSE payload that is not JSON')
  }
  const predicateType = statement['predicateType']
  return {
    file,
    line,
    bundle,
    subjects: statementSubjects(statement['subject']),
    ...(typeof predicateType === 'string' ? { predicateType } : {})
  }
}

function statementSubjects(subjects: unknown): SubjectDigest[] {
  if (!Array.isArray(subjects)) return []
  const out: SubjectDigest[] = []
  for (const subject of subjects as unknown[]) {
    if (typeof subject !== 'object' || subject === null) continue
    const { name, digest } = subject as { name?: unknown; digest?: unknown }
    if (typeof digest !== 'object' || digest === null) continue
    for (const [key, hex] of Object.entries(digest)) {
      const algorithm = parseAlgorithmName(key)
      const value = typeof hex === 'string' ? hex.toLowerCase() : ''
      if (algorithm && isHexDigest(algorithm, value)) {
        out.push({
          algorithm,
          digest: value,
          ...(typeof name === 'string' ? { name } : {})
        })
      }
    }
  }
  return out
}

function hashAlgorithm(value: HashAlgorithm): DigestAlgorithm | undefined {
  switch (value) {
    case HashAlgorithm.SHA2_256:
      return 'sha256'
    case HashAlgorithm.SHA2_384:
      return 'sha384'
    case HashAlgorithm.SHA2_512:
      return 'sha512'
    default:
      return undefined
  }
}

function malformed(file: string, line: number, what: string): LoadedBundle {
  return {
    file,
    line,
    subjects: [],
    failure: { check: 'bundle-format', message: `the bundle ${what}` }
  }
}
