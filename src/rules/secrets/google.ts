/** Google Cloud and Google OAuth credentials. */
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const CREDENTIALS_URI = 'https://cloud.google.com/docs/authentication/api-keys'
const OAUTH_URI = 'https://developers.google.com/identity/protocols/oauth2'

const GOOGLE: readonly ProviderCredential[] = [
  {
    id: 'google-api-key',
    provider: 'Google',
    credential: 'API key',
    keywords: ['aiza'],
    pattern: prefixed('AIza', '[0-9A-Za-z_-]{35}', '[A-Za-z0-9_-]'),
    grants:
      'calling every Google API enabled for its project that the key is ' +
      'not restricted from, billed to that project',
    revoke:
      'Delete or regenerate the key under APIs & Services, Credentials, ' +
      'and restrict its replacement.',
    helpUri: CREDENTIALS_URI
  },
  {
    id: 'google-oauth-access-token',
    provider: 'Google',
    credential: 'OAuth access token',
    keywords: ['ya29.'],
    pattern: prefixed('ya29\\.', '[0-9A-Za-z_-]{30,2000}', '[A-Za-z0-9_-]'),
    grants: 'the scopes its user granted, for about an hour',
    revoke: 'Revoke it at the OAuth revocation endpoint.',
    helpUri: OAUTH_URI
  },
  {
    id: 'google-oauth-refresh-token',
    provider: 'Google',
    credential: 'OAuth refresh token',
    keywords: ['1//0'],
    pattern: prefixed('1//0', '[0-9A-Za-z_-]{40,300}', '[A-Za-z0-9_-]'),
    grants: 'new access tokens with the granted scopes until it is revoked',
    revoke:
      'Revoke it at the OAuth revocation endpoint or remove the app from ' +
      'the account’s third-party access.',
    helpUri: OAUTH_URI
  },
  {
    id: 'google-oauth-client-secret',
    provider: 'Google',
    credential: 'OAuth client secret',
    keywords: ['gocspx-'],
    pattern: prefixed('GOCSPX-', '[0-9A-Za-z_-]{28}', '[A-Za-z0-9_-]'),
    grants: 'exchanging authorization codes as the OAuth client',
    revoke: 'Add a new secret to the OAuth client, then delete the old one.',
    helpUri: 'https://support.google.com/cloud/answer/15549257'
  }
]

// A service-account key file: JSON with a type and a PEM private key held
// in a string (newlines escaped as `\n`).
const SERVICE_ACCOUNT = /"type"\s{0,4}:\s{0,4}"service_account"/
const PRIVATE_KEY_FIELD =
  /"private_key"\s{0,4}:\s{0,4}"(?<key>-----BEGIN PRIVATE KEY-----(?:\\n|\s){1,4}(?<body>[A-Za-z0-9+/=\\\s]{64,8000}?)-----END PRIVATE KEY-----)/g

const SA_URI = 'https://cloud.google.com/iam/docs/keys-create-delete#deleting'

/** Whether a window holds a Google service-account key file. */
export function isServiceAccountKeyFile(text: string): boolean {
  return SERVICE_ACCOUNT.test(text)
}

export const googleServiceAccountKey: TextRule = {
  kind: 'text',
  id: 'google-service-account-key',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary: 'Google Cloud service-account key file (JSON with a private key)',
  description:
    'Matches the JSON key file of a Google Cloud service account: ' +
    '`"type": "service_account"` and a `private_key` holding a PEM key. ' +
    'The key authenticates as the service account with every role it has ' +
    'been granted. Delete the key in IAM, Service accounts, Keys, and use ' +
    'workload identity federation instead of key files.',
  provider: 'Google',
  helpUri: SA_URI,
  keywords: ['service_account'],
  contextLines: 20,
  redaction: 'prefix',
  validation:
    'A `type` of `service_account` and a complete PEM private key in ' +
    '`private_key`.',
  *detect(text: string): Iterable<Match> {
    if (!isServiceAccountKeyFile(text)) return
    for (const m of matchesOf(PRIVATE_KEY_FIELD, text)) {
      const value = m.groups!.body!.replace(/\\n|\s/g, '')
      if (value.length < 64) continue
      const start = m.index + m[0].indexOf('-----BEGIN')
      yield {
        start,
        end: start + m.groups!.key!.length,
        value,
        message:
          'Google Cloud service-account key committed. It authenticates as ' +
          'the service account with every IAM role granted to it. Delete ' +
          `the key in IAM and use workload identity federation. See ${SA_URI}`,
        properties: { provider: 'Google', credential: 'service account key' }
      }
    }
  }
}

export const googleRules: readonly TextRule[] = [
  ...providerRules(GOOGLE),
  googleServiceAccountKey
]
