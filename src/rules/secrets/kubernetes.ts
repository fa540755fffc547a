/**
 * Kubernetes Secret manifests. Base64 in `data:` is an encoding, not
 * encryption, so each value is decoded and the other secret rules read
 * what it hides. The finding points at the manifest line; the decoded
 * value is only ever passed on as the match value, which the engine
 * redacts like any other.
 */
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { shannonEntropy } from './checks/entropy.js'
import { isPlaceholder } from './checks/placeholder.js'

const KIND_SECRET =
  /(?:^|\n)\s{0,8}kind:\s{0,4}["']?Secret["']?\s{0,4}(?:\n|$)|"kind"\s{0,4}:\s{0,4}"Secret"/
const DOCUMENT_SEPARATOR = /\n---[^\n]{0,200}(?=\n|$)/g
const YAML_SECTION = /(?:^|\n)([ \t]{0,8})(data|stringData):[ \t]{0,4}(?=\n)/g
const YAML_ENTRY =
  /^([ \t]{1,16})["']?([A-Za-z0-9_.-]{1,253})["']?:[ \t]{0,4}["']?([^\s"'#]{1,20000})["']?[ \t]{0,4}$/
const JSON_SECTION = /"(data|stringData)"\s{0,4}:\s{0,4}\{([^{}]{0,100000})\}/g
const JSON_ENTRY =
  /"([A-Za-z0-9_.-]{1,253})"\s{0,4}:\s{0,4}"([^"\\]{1,20000})"/g
const BASE64 = /^[A-Za-z0-9+/]{4,20000}={0,2}$/

const HELP =
  'https://kubernetes.io/docs/concepts/security/secrets-good-practices/'

/** One value of a Secret: its key, where it sits, and what it holds. */
export interface SecretEntry {
  readonly key: string
  readonly start: number
  readonly end: number
  /** The decoded (for `data`) or literal (for `stringData`) value. */
  readonly value: string
}

/** Decodes a `data:` value; undefined when it is not base64. */
function decodeData(encoded: string): string | undefined {
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return undefined
  return Buffer.from(encoded, 'base64').toString('utf8')
}

function yamlEntries(doc: string, base: number): SecretEntry[] {
  const entries: SecretEntry[] = []
  for (const section of matchesOf(YAML_SECTION, doc)) {
    const indent = section[1]!.length
    const encoded = section[2] === 'data'
    let at = section.index + section[0].length + 1
    while (at < doc.length) {
      const nl = doc.indexOf('\n', at)
      const end = nl === -1 ? doc.length : nl
      const line = doc.slice(at, end)
      const entry = YAML_ENTRY.exec(line)
      if (line.trim() !== '' && (!entry || entry[1]!.length <= indent)) break
      if (entry) {
        const raw = entry[3]!
        const value = encoded ? decodeData(raw) : raw
        const start = base + at + line.indexOf(raw)
        if (value !== undefined) {
          entries.push({
            key: entry[2]!,
            start,
            end: start + raw.length,
            value
          })
        }
      }
      at = end + 1
    }
  }
  return entries
}

function jsonEntries(doc: string, base: number): SecretEntry[] {
  const entries: SecretEntry[] = []
  for (const section of matchesOf(JSON_SECTION, doc)) {
    const encoded = section[1] === 'data'
    const bodyAt = section.index + section[0].indexOf('{') + 1
    for (const entry of matchesOf(JSON_ENTRY, section[2]!)) {
      const raw = entry[2]!
      const value = encoded ? decodeData(raw) : raw
      if (value === undefined) continue
      const start = base + bodyAt + entry.index + entry[0].lastIndexOf(raw)
      entries.push({ key: entry[1]!, start, end: start + raw.length, value })
    }
  }
  return entries
}

/** Every value of every Secret manifest in `text` (YAML or JSON). */
export function secretEntries(text: string): SecretEntry[] {
  const entries: SecretEntry[] = []
  let from = 0
  const docs: [number, number][] = []
  for (const sep of matchesOf(DOCUMENT_SEPARATOR, text)) {
    docs.push([from, sep.index])
    from = sep.index + sep[0].length
  }
  docs.push([from, text.length])
  for (const [start, end] of docs) {
    const doc = text.slice(start, end)
    if (!KIND_SECRET.test(doc)) continue
    entries.push(...yamlEntries(doc, start), ...jsonEntries(doc, start))
  }
  return entries
}

/** Whether a Secret value is real data rather than an empty or sample one. */
function isRealSecretValue(value: string): boolean {
  const trimmed = value.trim()
  return (
    trimmed.length >= 8 &&
    !isPlaceholder(trimmed) &&
    shannonEntropy(trimmed) >= 2.5
  )
}

/**
 * The Kubernetes Secret rule, reading decoded values with `inner`, the
 * other secret rules.
 */
export function kubernetesSecretRule(inner: readonly TextRule[]): TextRule {
  return {
    kind: 'text',
    id: 'kubernetes-secret-manifest',
    category: 'secret',
    severity: 'warning',
    safeguard: '164.312(a)(1)',
    summary:
      'Kubernetes Secret manifest with real values in data or stringData',
    description:
      'Reads `kind: Secret` manifests (YAML or JSON), decodes each base64 ' +
      '`data` value and runs the other secret rules over it and over ' +
      '`stringData`. A recognized credential is reported as an error with ' +
      'its provider; any other non-trivial value as a warning, since ' +
      'base64 hides nothing. Keep Secrets out of Git: use Sealed Secrets, ' +
      'SOPS or an external secrets operator, and rotate what was committed. ' +
      'Limitation: values more than 200 lines away from the `kind: Secret` ' +
      'line are not read.',
    provider: 'Kubernetes',
    helpUri: HELP,
    keywords: ['kind: secret', '"kind": "secret"', '"kind":"secret"'],
    contextLines: 200,
    redaction: 'prefix',
    validation:
      'The decoded value is matched by another secret rule (reported with ' +
      'that rule’s provider), or is at least 8 characters, not a ' +
      'placeholder and not low-entropy.',
    *detect(text: string): Iterable<Match> {
      if (!KIND_SECRET.test(text)) return
      for (const entry of secretEntries(text)) {
        const hidden = recognize(inner, entry.value)
        if (hidden) {
          yield {
            start: entry.start,
            end: entry.end,
            value: hidden.value,
            severity: hidden.rule.severity,
            message:
              `Kubernetes Secret key \`${entry.key}\` holds a ` +
              `${hidden.rule.summary} (base64 is not encryption), which ` +
              'grants whatever that credential grants. Rotate ' +
              `it${hidden.rule.helpUri ? ` (${hidden.rule.helpUri})` : ''} ` +
              'and keep Secrets out of Git with Sealed Secrets, SOPS or an ' +
              'external secrets operator.',
            properties: {
              provider: hidden.rule.provider ?? 'Kubernetes',
              hiddenRule: hidden.rule.id,
              secretKey: entry.key
            }
          }
        } else if (isRealSecretValue(entry.value)) {
          yield {
            start: entry.start,
            end: entry.end,
            value: entry.value,
            message:
              `Kubernetes Secret key \`${entry.key}\` committed with a real ` +
              'value; base64 is not encryption, so it grants what the value ' +
              'grants to anyone with the repository. Rotate it and keep Secrets ' +
              `out of Git (Sealed Secrets, SOPS). See ${HELP}`,
            properties: { provider: 'Kubernetes', secretKey: entry.key }
          }
        }
      }
    }
  }
}

function recognize(
  rules: readonly TextRule[],
  value: string
): { rule: TextRule; value: string } | undefined {
  for (const rule of rules) {
    for (const match of rule.detect(value)) {
      return { rule, value: match.value }
    }
  }
  return undefined
}
