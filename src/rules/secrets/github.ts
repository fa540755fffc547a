/**
 * GitHub credentials. Classic tokens carry a CRC32 checksum of their random
 * part in their last six characters, so a value that fails it is a typo or a
 * made-up example, not a credential.
 */
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { base62, hasBase62Crc32 } from './checks/base62.js'
import { decodeJwt } from './checks/jwt.js'
import { prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

export { base62 }

/** Whether the last six characters are the checksum of the rest. */
export function hasValidGithubChecksum(random: string, check: string): boolean {
  return hasBase62Crc32(random, check)
}

const KINDS: Record<string, string> = {
  ghp: 'personal access token (classic)',
  gho: 'OAuth access token',
  ghu: 'GitHub App user-to-server token',
  ghs: 'GitHub App installation or server-to-server token',
  ghr: 'GitHub App refresh token'
}

const CLASSIC = /\b(gh[pousr])_([A-Za-z0-9]{30})([A-Za-z0-9]{6})\b/g

const REVOKE_URI =
  'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/token-expiration-and-revocation'

export const githubClassicToken: TextRule = {
  kind: 'text',
  id: 'github-classic-token',
  category: 'secret',
  severity: 'error',
  safeguard: '164.312(a)(1)',
  summary: 'GitHub token (ghp_, gho_, ghu_, ghs_, ghr_) with a valid checksum',
  description:
    'Matches the 40-character GitHub token formats and checks the CRC32 ' +
    'checksum in the last six characters, so only values that GitHub ' +
    'could have issued are reported. A token acts as its user or app with ' +
    'the scopes it was given. Revoke it in the settings of the account or ' +
    'app that owns it, then move it to a secret store.',
  provider: 'GitHub',
  helpUri: REVOKE_URI,
  keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
  redaction: 'prefix',
  validation: 'CRC32 of the 30 random characters, in base62, as the last six.',
  examples: {
    bad: 'GH_TOKEN=ghp_<36 characters>',
    good: 'GH_TOKEN: ${{ secrets.GH_TOKEN }}'
  },
  *detect(text: string): Iterable<Match> {
    for (const m of matchesOf(CLASSIC, text)) {
      const [value, prefix, random, check] = m as unknown as [
        string,
        string,
        string,
        string
      ]
      if (!hasValidGithubChecksum(random, check)) continue
      yield {
        start: m.index,
        end: m.index + value.length,
        value,
        message:
          `GitHub ${KINDS[prefix]} committed in plain text. It acts as its ` +
          'owner with every scope it was granted. Revoke it now and load it ' +
          `from a secret store instead. See ${REVOKE_URI}`,
        properties: { provider: 'GitHub', credential: KINDS[prefix]! }
      }
    }
  }
}

const JWT_BODY =
  'eyJ[A-Za-z0-9_-]{10,600}\\.eyJ[A-Za-z0-9_-]{10,1200}\\.[A-Za-z0-9_-]{16,700}'

const GITHUB: readonly ProviderCredential[] = [
  {
    id: 'github-fine-grained-token',
    provider: 'GitHub',
    credential: 'fine-grained personal access token',
    keywords: ['github_pat_'],
    pattern: prefixed('github_pat_', '[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
    grants:
      'the repository and organization permissions chosen when it was made',
    revoke: 'Revoke it under Settings, Developer settings, Personal tokens.',
    helpUri: REVOKE_URI
  },
  {
    id: 'github-app-installation-token',
    provider: 'GitHub',
    credential: 'App installation token (stateless long format)',
    keywords: ['ghs_'],
    pattern: prefixed('ghs_', `[0-9]{1,12}_${JWT_BODY}`, '[A-Za-z0-9_.-]'),
    grants: "the app's permissions on the installation's repositories",
    revoke:
      'Revoke it with the installation token revocation API and review ' +
      'where the app private key that minted it is stored.',
    helpUri:
      'https://docs.github.com/en/rest/apps/installations#revoke-an-installation-access-token',
    validation:
      'The `ghs_<app id>_` prefix followed by a JWT whose header and ' +
      'payload decode to JSON.',
    check: value =>
      decodeJwt(value.slice(value.indexOf('_', 4) + 1)) !== undefined
  },
  {
    id: 'github-oauth-client-secret',
    provider: 'GitHub',
    credential: 'OAuth app client secret',
    keywords: [
      'client_secret',
      'clientsecret',
      'client-secret',
      'oauth_secret',
      'oauthsecret',
      'oauth-secret'
    ],
    pattern: new RegExp(
      'github[\\w.-]{0,20}(?:client|oauth)[_-]?secret[\\w-]{0,10}["\'`]{0,2}' +
        '\\s{0,4}[=:]\\s{0,4}["\'`]?(?<secret>[0-9a-f]{40})(?![0-9a-z])',
      'gi'
    ),
    grants: 'signing in users as the OAuth app and acting with their grants',
    revoke: 'Generate a new client secret in the app settings; delete the old.',
    helpUri:
      'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/modifying-an-oauth-app'
  }
]

export const githubRules = [githubClassicToken, ...providerRules(GITHUB)]
