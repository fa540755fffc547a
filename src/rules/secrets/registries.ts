/**
 * Package registries. npm tokens carry a CRC32 checksum like GitHub's; PyPI
 * tokens are macaroons whose decoded header names the index they are for.
 */
import { hasBase62Crc32 } from './checks/base62.js'
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const TAIL = '[A-Za-z0-9_-]'

/** Whether an npm token's last six characters check its random part. */
export function isValidNpmToken(value: string): boolean {
  const body = value.slice(4)
  return hasBase62Crc32(body.slice(0, 30), body.slice(30))
}

/**
 * Whether a PyPI token's macaroon header (version 2, a location field) names
 * pypi.org or test.pypi.org.
 */
export function isPypiMacaroon(value: string): boolean {
  const bytes = Buffer.from(value.slice(5, 40), 'base64url')
  if (bytes[0] !== 0x02 || bytes[1] !== 0x01) return false
  const length = bytes[2] ?? 0
  const location = bytes.subarray(3, 3 + length).toString('latin1')
  return location === 'pypi.org' || location === 'test.pypi.org'
}

const REGISTRIES: readonly ProviderCredential[] = [
  {
    id: 'npm-access-token',
    provider: 'npm',
    credential: 'access token',
    keywords: ['npm_'],
    pattern: prefixed('npm_', '[A-Za-z0-9]{36}'),
    grants: 'publishing and unpublishing the packages its user maintains',
    revoke: 'Delete the token under Access Tokens, or run `npm token revoke`.',
    helpUri: 'https://docs.npmjs.com/revoking-access-tokens',
    validation:
      'CRC32 of the 30 random characters, in base62, as the last six.',
    check: isValidNpmToken
  },
  {
    id: 'pypi-api-token',
    provider: 'PyPI',
    credential: 'API token',
    keywords: ['pypi-age'],
    pattern: prefixed('pypi-', 'AgE[A-Za-z0-9_-]{70,500}', TAIL),
    grants: 'uploading releases of its user’s or one project’s packages',
    revoke: 'Remove the token under Account settings, API tokens.',
    helpUri: 'https://pypi.org/help/#apitoken',
    validation:
      'The macaroon header decodes and names pypi.org or test.pypi.org.',
    check: isPypiMacaroon
  },
  {
    id: 'rubygems-api-key',
    provider: 'RubyGems',
    credential: 'API key',
    keywords: ['rubygems_'],
    pattern: prefixed('rubygems_', '[a-f0-9]{48}'),
    grants: 'pushing and yanking its owner’s gems, per its scopes',
    revoke: 'Delete the key under Settings, API keys.',
    helpUri: 'https://guides.rubygems.org/api-key-scopes/'
  },
  {
    id: 'nuget-api-key',
    provider: 'NuGet',
    credential: 'API key',
    keywords: ['oy2'],
    pattern: prefixed('oy2', '[a-z0-9]{43}'),
    grants: 'pushing and unlisting the packages its glob pattern covers',
    revoke: 'Delete or regenerate the key under API Keys on nuget.org.',
    helpUri: 'https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys'
  },
  {
    id: 'docker-hub-access-token',
    provider: 'Docker Hub',
    credential: 'personal access token',
    keywords: ['dckr_pat_'],
    pattern: prefixed('dckr_pat_', '[A-Za-z0-9_-]{27}', TAIL),
    grants: 'pulling and pushing its user’s images, per its access level',
    revoke: 'Delete the token under Account settings, Personal access tokens.',
    helpUri: 'https://docs.docker.com/security/access-tokens/'
  },
  {
    id: 'docker-hub-organization-token',
    provider: 'Docker Hub',
    credential: 'organization access token',
    keywords: ['dckr_oat_'],
    pattern: prefixed('dckr_oat_', '[A-Za-z0-9_-]{32}', TAIL),
    grants:
      'the repositories and permissions chosen for the organization token',
    revoke: 'Delete it under the organization’s Access tokens.',
    helpUri: 'https://docs.docker.com/enterprise/security/access-tokens/'
  },
  {
    id: 'crates-io-api-token',
    provider: 'crates.io',
    credential: 'API token',
    keywords: ['cio'],
    pattern: prefixed('cio', '[A-Za-z0-9]{32}'),
    grants: 'publishing and yanking its owner’s crates',
    revoke: 'Revoke it under Account settings, API Tokens.',
    helpUri: 'https://doc.rust-lang.org/cargo/reference/publishing.html',
    check: value => /[0-9]/.test(value) && /[A-Z]/.test(value)
  },
  {
    id: 'packagist-token',
    provider: 'Packagist',
    credential: 'API token',
    keywords: ['packagist_'],
    pattern: prefixed('packagist_[ou]u[at]_', '[a-f0-9]{68}'),
    grants: 'updating and managing the account’s packages',
    revoke: 'Regenerate the token in the Packagist profile.',
    helpUri: 'https://packagist.com/docs/authentication'
  },
  {
    id: 'clojars-deploy-token',
    provider: 'Clojars',
    credential: 'deploy token',
    keywords: ['clojars_'],
    pattern: prefixed('CLOJARS_', '[a-z0-9]{60}'),
    grants: 'deploying artifacts to the groups its user owns',
    revoke: 'Disable the token under Deploy Tokens.',
    helpUri: 'https://github.com/clojars/clojars-web/wiki/Deploy-Tokens'
  },
  {
    id: 'hex-pm-api-key',
    provider: 'Hex',
    credential: 'API key',
    keywords: ['hex_api_key', 'hexpm'],
    pattern: keyed('hex(?:pm)?[_-]?api[_-]?key', '[a-f0-9]{32}'),
    grants: 'publishing and retiring its owner’s Hex packages',
    revoke: 'Revoke it with `mix hex.user key revoke`.',
    helpUri: 'https://hex.pm/docs/publish'
  },
  {
    id: 'gradle-plugin-portal-key',
    provider: 'Gradle Plugin Portal',
    credential: 'publishing key or secret',
    keywords: ['gradle.publish.'],
    pattern: keyed('gradle\\.publish\\.(?:key|secret)', '[A-Za-z0-9]{32}'),
    grants: 'publishing new versions of its owner’s plugins',
    revoke: 'Regenerate the API keys in the portal’s API Keys tab.',
    helpUri:
      'https://docs.gradle.org/current/userguide/publishing_gradle_plugins.html'
  }
]

export const registryRules = providerRules(REGISTRIES)
