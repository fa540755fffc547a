/**
 * Private keys: PEM armour (PKCS#1, SEC1, PKCS#8, encrypted, OpenSSH), PGP
 * private key blocks and PuTTY key files. A BEGIN line alone (a parser, a
 * test of one) is not reported: the block must close and hold key material.
 */
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'

// BEGIN and END lines are found in one pass each and paired in order, so
// many unterminated BEGIN lines cost no more than one.
const BEGIN =
  /-----BEGIN ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY(?: BLOCK)?-----/g
const END = /-----END ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY(?: BLOCK)?-----/g
const MAX_BODY = 16384

interface Armour {
  readonly start: number
  readonly end: number
  readonly label: string
}

function armourLines(text: string, pattern: RegExp): Armour[] {
  return matchesOf(pattern, text).map(m => ({
    start: m.index,
    end: m.index + m[0].length,
    label: m[1] ?? ''
  }))
}

/** Complete blocks: each BEGIN with the first END after it, same label. */
function pemBlocks(text: string): { begin: Armour; end: Armour }[] {
  const begins = armourLines(text, BEGIN)
  if (begins.length === 0) return []
  const ends = armourLines(text, END)
  const blocks: { begin: Armour; end: Armour }[] = []
  let next = 0
  let after = 0
  for (const begin of begins) {
    if (begin.start < after) continue
    while (next < ends.length && ends[next]!.start < begin.end) next++
    const end = ends[next]
    if (end === undefined) break
    if (end.label !== begin.label || end.start - begin.end > MAX_BODY) continue
    blocks.push({ begin, end })
    after = end.end
  }
  return blocks
}

const BASE64_RUN = /[A-Za-z0-9+/=]{40,}/
// A Google service-account key file holds its key in JSON; that rule
// reports it with the better message.
const SERVICE_ACCOUNT_JSON = /"type"\s{0,4}:\s{0,4}"service_account"/
const KEY_URI = 'https://csrc.nist.gov/pubs/sp/800/57/pt1/r5/final'

function kindOf(label: string): string {
  if (label === '') return 'PKCS#8'
  if (label === 'PGP') return 'PGP'
  return label
}

export const pemPrivateKey: TextRule = {
  kind: 'text',
  id: 'pem-private-key',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary: 'Private key in PEM form (RSA, EC, DSA, OpenSSH, PKCS#8, PGP)',
  description:
    'Matches a complete PEM or PGP private key block with a base64 body. ' +
    'A BEGIN line on its own (documentation, a parser) is not reported. ' +
    'Whoever holds the key can impersonate its owner: sign, decrypt, log ' +
    'in over SSH. Treat the key pair as compromised: revoke any ' +
    'certificate issued for it, remove it from authorized_keys and key ' +
    'servers, and generate a new key. An encrypted key is still reported: ' +
    'its passphrase can be guessed offline.',
  provider: 'Any (key material)',
  helpUri: KEY_URI,
  keywords: ['private key'],
  contextLines: 200,
  redaction: 'prefix',
  validation:
    'A complete BEGIN/END block with the same label and a base64 body.',
  examples: {
    bad: '-----BEGIN OPENSSH PRIVATE KEY-----\n<base64 key material>\n-----END OPENSSH PRIVATE KEY-----',
    good: 'Keep keys in a secret store or an SSH agent; commit only the .pub file.'
  },
  *detect(text: string): Iterable<Match> {
    for (const { begin, end } of pemBlocks(text)) {
      const body = text.slice(begin.end, end.start)
      const compact = body.replace(/\\n|\s/g, '')
      if (!BASE64_RUN.test(compact)) continue
      const label = begin.label.trim()
      if (label === '' && SERVICE_ACCOUNT_JSON.test(text)) continue
      const kind = kindOf(label)
      const encrypted =
        label === 'ENCRYPTED' || /Proc-Type: 4,ENCRYPTED/.test(body)
      yield {
        start: begin.start,
        end: end.end,
        value: compact,
        message:
          `${kind} private key committed${encrypted ? ' (passphrase-encrypted)' : ''}. ` +
          'It grants its holder signing, decryption or log-in as the ' +
          'key’s owner. Revoke what trusts it and generate a new key pair.',
        properties: { keyType: kind, encrypted }
      }
    }
  }
}

// PuTTY key files (versions 2 and 3): a header, the public lines, and the
// private lines in base64.
const PUTTY =
  /PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}\r?\nEncryption: ([a-z0-9-]{1,30})[\s\S]{0,4000}?Private-Lines: ([0-9]{1,3})\r?\n((?:[A-Za-z0-9+/=]{1,80}\r?\n){1,100})/g

export const puttyPrivateKey: TextRule = {
  kind: 'text',
  id: 'putty-private-key',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary: 'PuTTY private key file (.ppk)',
  description:
    'Matches a PuTTY user key file with its private lines. It logs in ' +
    'wherever its public key is authorized. Remove the public key from ' +
    'every authorized_keys file and generate a new key.',
  provider: 'Any (key material)',
  helpUri: 'https://the.earth.li/~sgtatham/putty/0.81/htmldoc/Chapter8.html',
  keywords: ['putty-user-key-file-'],
  contextLines: 60,
  redaction: 'prefix',
  validation: 'A PuTTY header and a Private-Lines section of base64.',
  *detect(text: string): Iterable<Match> {
    for (const m of matchesOf(PUTTY, text)) {
      const value = m[3]!.replace(/\s/g, '')
      if (value.length < 20) continue
      const encrypted = m[1] !== 'none'
      yield {
        start: m.index,
        end: m.index + m[0].length,
        value,
        message:
          `PuTTY private key committed${encrypted ? ' (passphrase-encrypted)' : ''}. ` +
          'It grants log-in wherever its public key is authorized. Remove ' +
          'that public key and generate a new pair.',
        properties: { keyType: 'PuTTY', encrypted }
      }
    }
  }
}

export const privateKeyRules: readonly TextRule[] = [
  pemPrivateKey,
  puttyPrivateKey
]
