/** Private keys in PEM armour. */
import type { Match, TextRule } from '../rule.js'

// A BEGIN line, a body of base64 (and PEM headers such as Proc-Type), and
// the matching END line. Bounded so an unterminated block cannot make the
// scan quadratic.
const PEM_BLOCK =
  /-----BEGIN ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY(?: BLOCK)?-----([\s\S]{0,16384}?)-----END \1PRIVATE KEY(?: BLOCK)?-----/g

const BASE64_BODY = /[A-Za-z0-9+/=]{40,}/

export const pemPrivateKey: TextRule = {
  kind: 'text',
  id: 'pem-private-key',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary: 'Private key in PEM form (RSA, EC, DSA, OpenSSH, PKCS#8)',
  description:
    'Matches a complete PEM private key block with a base64 body. A ' +
    'BEGIN line on its own (documentation, a parser) is not reported. ' +
    'Treat the key pair as compromised: revoke any certificate issued ' +
    'for it and generate a new key.',
  keywords: ['private key'],
  contextLines: 200,
  redaction: 'prefix',
  *detect(text: string): Iterable<Match> {
    for (const m of text.matchAll(PEM_BLOCK)) {
      const body = m[2]!
      if (!BASE64_BODY.test(body.replace(/\s+/g, ''))) continue
      const label = (m[1] ?? '').trim()
      yield {
        start: m.index,
        end: m.index + m[0].length,
        value: body.replace(/\s+/g, ''),
        message: `${label ? label + ' ' : ''}private key committed in PEM form.`,
        properties: { keyType: label || 'PKCS#8' }
      }
    }
  }
}
