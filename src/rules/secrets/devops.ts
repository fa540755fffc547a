/**
 * Infrastructure, secret-management and CI/CD tools: HashiCorp, Pulumi,
 * Doppler, 1Password, age, Tailscale and the build services.
 */
import { isValidBech32 } from './checks/bech32.js'
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const VAULT_URI = 'https://developer.hashicorp.com/vault/docs/concepts/tokens'
const URL_SAFE_TAIL = '[A-Za-z0-9_-]'

const DEVOPS: readonly ProviderCredential[] = [
  {
    id: 'vault-service-token',
    provider: 'HashiCorp Vault',
    credential: 'service token',
    keywords: ['hvs.'],
    pattern: prefixed('hvs\\.', '[A-Za-z0-9_-]{24,200}', URL_SAFE_TAIL),
    grants: 'reading and writing the secrets its policies allow',
    revoke:
      'Revoke it with `vault token revoke` (and its children with -mode).',
    helpUri: VAULT_URI
  },
  {
    id: 'vault-batch-token',
    provider: 'HashiCorp Vault',
    credential: 'batch token',
    keywords: ['hvb.'],
    pattern: prefixed('hvb\\.', '[A-Za-z0-9_-]{100,400}', URL_SAFE_TAIL),
    grants: 'the secrets its policies allow until it expires',
    revoke: 'Batch tokens cannot be revoked alone; revoke their parent token.',
    helpUri: VAULT_URI
  },
  {
    id: 'vault-recovery-token',
    provider: 'HashiCorp Vault',
    credential: 'recovery token',
    keywords: ['hvr.'],
    pattern: prefixed('hvr\\.', '[A-Za-z0-9_-]{24,200}', URL_SAFE_TAIL),
    grants: 'recovery-mode access to the Vault storage',
    revoke: 'Revoke it and regenerate recovery tokens with the recovery keys.',
    helpUri: VAULT_URI
  },
  {
    id: 'terraform-cloud-token',
    provider: 'HashiCorp Terraform Cloud',
    credential: 'API token',
    keywords: ['.atlasv1.'],
    reach: 100,
    pattern: prefixed(
      '',
      '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}',
      URL_SAFE_TAIL
    ),
    grants: 'the user’s, team’s or organization’s workspaces, state and runs',
    revoke: 'Delete the token under User or Organization settings, Tokens.',
    helpUri:
      'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens'
  },
  {
    id: 'pulumi-access-token',
    provider: 'Pulumi',
    credential: 'access token',
    keywords: ['pul-'],
    pattern: prefixed('pul-', '[a-f0-9]{40}'),
    grants: 'the stacks, state and secrets of its user, team or organization',
    revoke: 'Delete the token under Settings, Access Tokens.',
    helpUri:
      'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/'
  },
  {
    id: 'doppler-token',
    provider: 'Doppler',
    credential: 'API token',
    keywords: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
    pattern: prefixed(
      'dp\\.(?:pt|st|sa|ct|scim|audit)\\.',
      '[A-Za-z0-9]{40,44}'
    ),
    grants: 'reading the secrets of the project and config it is scoped to',
    revoke:
      'Revoke it in the dashboard (Access) or with `doppler configs tokens revoke`.',
    helpUri: 'https://docs.doppler.com/docs/service-tokens'
  },
  {
    id: 'onepassword-service-account-token',
    provider: '1Password',
    credential: 'service account token',
    keywords: ['ops_eyj'],
    pattern: prefixed(
      'ops_',
      'eyJ[A-Za-z0-9+/=_-]{100,1500}',
      '[A-Za-z0-9+/=_-]'
    ),
    grants: 'reading (and possibly writing) the vaults the account may use',
    revoke:
      'Revoke the service account token under Developer, Service Accounts.',
    helpUri:
      'https://developer.1password.com/docs/service-accounts/manage-service-accounts'
  },
  {
    id: 'onepassword-secret-key',
    provider: '1Password',
    credential: 'account Secret Key',
    keywords: ['a3-'],
    pattern: prefixed(
      'A3-',
      '[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}',
      '[A-Za-z0-9-]'
    ),
    grants: 'with the account password, every vault of the account',
    revoke:
      'Regenerate the Secret Key in the account’s profile and change the password.',
    helpUri: 'https://support.1password.com/secret-key/'
  },
  {
    id: 'age-secret-key',
    provider: 'age',
    credential: 'secret key',
    keywords: ['age-secret-key-1'],
    pattern: prefixed(
      'AGE-SECRET-KEY-1',
      '[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'
    ),
    grants: 'decrypting every file encrypted to its public key',
    revoke:
      'Generate a new identity, re-encrypt the files, drop the old recipient.',
    helpUri: 'https://github.com/FiloSottile/age#readme',
    validation: 'The bech32 checksum of the key.',
    check: isValidBech32
  },
  {
    id: 'tailscale-key',
    provider: 'Tailscale',
    credential: 'API, auth or OAuth client key',
    keywords: ['tskey-'],
    pattern: prefixed(
      'tskey-(?:api|auth|client|webhook|scim)-',
      '[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,64}',
      URL_SAFE_TAIL
    ),
    grants: 'adding devices to the tailnet or calling its API',
    revoke: 'Revoke the key under Settings, Keys.',
    helpUri: 'https://tailscale.com/kb/1252/key-secret-management'
  },
  {
    id: 'ngrok-authtoken',
    provider: 'ngrok',
    credential: 'authtoken or API key',
    keywords: ['ngrok'],
    pattern: keyed(
      'ngrok[\\w-]{0,20}(?:token|key)',
      '[0-9A-Za-z]{20,30}_[0-9A-Za-z]{17,30}'
    ),
    grants: 'opening tunnels or calling the API as the account',
    revoke: 'Reset the authtoken or delete the API key in the dashboard.',
    helpUri: 'https://ngrok.com/docs/agent/#authtokens'
  },
  {
    id: 'buildkite-agent-or-api-token',
    provider: 'Buildkite',
    credential: 'user API access token',
    keywords: ['bkua_'],
    pattern: prefixed('bkua_', '[a-f0-9]{40}'),
    grants: 'the REST and GraphQL API scopes it was created with',
    revoke: 'Revoke it under Personal Settings, API Access Tokens.',
    helpUri: 'https://buildkite.com/docs/apis/managing-api-tokens'
  },
  {
    id: 'circleci-personal-token',
    provider: 'CircleCI',
    credential: 'personal API token',
    keywords: ['ccipat_'],
    pattern: prefixed('CCIPAT_', '[A-Za-z0-9]{22}_[a-f0-9]{40}'),
    grants: 'API access as its user to every project they can see',
    revoke: 'Delete it under User settings, Personal API Tokens.',
    helpUri: 'https://circleci.com/docs/managing-api-tokens/'
  },
  {
    id: 'sonarqube-token',
    provider: 'SonarQube',
    credential: 'user, project or global analysis token',
    keywords: ['squ_', 'sqp_', 'sqa_'],
    pattern: prefixed('sq[upa]_', '[a-f0-9]{40}'),
    grants: 'running analyses and reading results with its user’s permissions',
    revoke: 'Revoke it under My Account, Security.',
    helpUri:
      'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/'
  },
  {
    id: 'sourcegraph-access-token',
    provider: 'Sourcegraph',
    credential: 'access token',
    keywords: ['sgp_'],
    pattern: prefixed('sgp_', '(?:[a-f0-9]{16}_)?[a-f0-9]{40}'),
    grants: 'code search and API access as its user',
    revoke: 'Delete it under User settings, Access tokens.',
    helpUri: 'https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token'
  },
  {
    id: 'jfrog-api-key',
    provider: 'JFrog',
    credential: 'API key',
    keywords: ['akcp'],
    pattern: prefixed('AKCp', '[A-Za-z0-9]{69}'),
    grants: 'reading and deploying artifacts as its user',
    revoke: 'Revoke the API key in the user profile (API keys are deprecated).',
    helpUri:
      'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens'
  },
  {
    id: 'jfrog-reference-token',
    provider: 'JFrog',
    credential: 'reference token',
    keywords: ['cmvmdgtu'],
    pattern: prefixed('cmVmdGtu', '[A-Za-z0-9]{56,120}'),
    grants: 'the platform permissions of the access token it refers to',
    revoke:
      'Revoke the token under Administration, User Management, Access Tokens.',
    helpUri:
      'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens'
  },
  {
    id: 'snyk-api-token',
    provider: 'Snyk',
    credential: 'API token',
    keywords: ['snyk'],
    pattern: keyed('snyk[\\w-]{0,20}(?:token|key)', UUID),
    grants: 'API access to the organizations of its user or service account',
    revoke:
      'Revoke and regenerate it under Account settings, or delete the service account.',
    helpUri:
      'https://docs.snyk.io/snyk-api/authentication-for-api/revoke-and-regenerate-a-snyk-api-token'
  },
  {
    id: 'octopus-deploy-api-key',
    provider: 'Octopus Deploy',
    credential: 'API key',
    keywords: ['api-'],
    pattern: prefixed('API-', '[A-Z0-9]{26,27}', '[A-Za-z0-9_-]'),
    grants: 'deploying and configuring everything its user may',
    revoke: 'Revoke it under the user’s profile, My API Keys.',
    helpUri:
      'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
    check: value => /[0-9]/.test(value.slice(4)) && /[A-Z]/.test(value.slice(4))
  },
  {
    id: 'harness-access-token',
    provider: 'Harness',
    credential: 'personal or service account token',
    keywords: ['pat.', 'sat.'],
    pattern: prefixed(
      '(?:pat|sat)\\.',
      '[A-Za-z0-9_-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20}'
    ),
    grants: 'API access with the roles of its user or service account',
    revoke:
      'Delete the token under the API key in My Profile or the service account.',
    helpUri:
      'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/'
  },
  {
    id: 'infracost-api-key',
    provider: 'Infracost',
    credential: 'API key',
    keywords: ['ico-'],
    pattern: prefixed('ico-', '[A-Za-z0-9]{32}'),
    grants: 'pricing API calls and dashboard uploads for the organization',
    revoke: 'Rotate the key under Org settings.',
    helpUri: 'https://www.infracost.io/docs/infracost_cloud/key_concepts/'
  },
  {
    id: 'launchdarkly-access-token',
    provider: 'LaunchDarkly',
    credential: 'API access token',
    keywords: ['launchdarkly', 'ld_api', 'ld_access'],
    pattern: keyed(
      '(?:launchdarkly|ld)[\\w-]{0,20}(?:token|key)',
      `api-${UUID}`
    ),
    grants: 'changing feature flags and settings with its role',
    revoke: 'Reset or delete it under Organization settings, Authorization.',
    helpUri: 'https://launchdarkly.com/docs/home/account/api'
  }
]

export const devopsRules = providerRules(DEVOPS)
