/** Amazon Web Services credentials. */
import type { Match, TextRule } from '../rule.js'

// Access key ids: a four-letter prefix naming the kind, then 16 characters
// of base32. AWS publishes AKIAIOSFODNN7EXAMPLE for documentation.
const ACCESS_KEY_ID = /\b((?:AKIA|ASIA))([A-Z2-7]{16})\b/g

export const awsAccessKeyId: TextRule = {
  kind: 'text',
  id: 'aws-access-key-id',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary: 'AWS access key id (AKIA long-term or ASIA temporary)',
  description:
    'Matches AWS access key ids. The key id alone identifies the IAM user ' +
    'or role; with its secret it grants whatever that principal may do. ' +
    'Deactivate and delete the key in IAM, then rotate.',
  provider: 'AWS',
  helpUri:
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  keywords: ['akia', 'asia'],
  redaction: 'prefix',
  *detect(text: string): Iterable<Match> {
    for (const m of text.matchAll(ACCESS_KEY_ID)) {
      const value = m[0]
      if (value.endsWith('EXAMPLE')) continue
      const temporary = m[1] === 'ASIA'
      yield {
        start: m.index,
        end: m.index + value.length,
        value,
        message: temporary
          ? 'AWS temporary access key id (session credentials) committed.'
          : 'AWS long-term access key id committed. Deactivate and rotate it in IAM.',
        properties: { provider: 'AWS' }
      }
    }
  }
}
