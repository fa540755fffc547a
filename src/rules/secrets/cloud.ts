/** Cloud and hosting platforms other than AWS, Google and Azure. */
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const DO_URI =
  'https://docs.digitalocean.com/reference/api/create-personal-access-token/'

const CLOUD: readonly ProviderCredential[] = [
  {
    id: 'digitalocean-personal-access-token',
    provider: 'DigitalOcean',
    credential: 'personal access token',
    keywords: ['dop_v1_'],
    pattern: prefixed('dop_v1_', '[a-f0-9]{64}'),
    grants: 'API access to the team’s droplets, databases and storage',
    revoke: 'Delete the token under API, Tokens.',
    helpUri: DO_URI
  },
  {
    id: 'digitalocean-oauth-token',
    provider: 'DigitalOcean',
    credential: 'OAuth access token',
    keywords: ['doo_v1_'],
    pattern: prefixed('doo_v1_', '[a-f0-9]{64}'),
    grants: 'API access with the scopes the user authorized',
    revoke: 'Revoke the application’s access under API, OAuth Applications.',
    helpUri: DO_URI
  },
  {
    id: 'digitalocean-refresh-token',
    provider: 'DigitalOcean',
    credential: 'OAuth refresh token',
    keywords: ['dor_v1_'],
    pattern: prefixed('dor_v1_', '[a-f0-9]{64}'),
    grants: 'new OAuth access tokens until it is revoked',
    revoke: 'Revoke the application’s access under API, OAuth Applications.',
    helpUri: DO_URI
  },
  {
    id: 'heroku-api-key',
    provider: 'Heroku',
    credential: 'API key',
    keywords: ['hrku-'],
    pattern: prefixed('HRKU-', 'AA[0-9A-Za-z_-]{58}', '[A-Za-z0-9_-]'),
    grants: 'full Platform API access as its user: apps, config vars, add-ons',
    revoke:
      'Regenerate the API key under Account settings, or revoke the authorization.',
    helpUri: 'https://devcenter.heroku.com/articles/authentication'
  },
  {
    id: 'heroku-legacy-api-key',
    provider: 'Heroku',
    credential: 'API key (UUID form)',
    keywords: ['heroku'],
    pattern: keyed('heroku[\\w-]{0,20}(?:api[_-]?key|token|secret)', UUID),
    grants: 'full Platform API access as its user: apps, config vars, add-ons',
    revoke: 'Regenerate the API key under Account settings.',
    helpUri: 'https://devcenter.heroku.com/articles/authentication'
  },
  {
    id: 'cloudflare-api-token',
    provider: 'Cloudflare',
    credential: 'API token',
    keywords: ['cloudflare', 'cf_api_token', 'cf_token'],
    pattern: keyed(
      '(?:cloudflare|cf)[\\w-]{0,20}(?:api[_-]?)?token',
      '[A-Za-z0-9_-]{40}'
    ),
    grants: 'the zone and account permissions the token was created with',
    revoke: 'Roll or delete the token under My Profile, API Tokens.',
    helpUri:
      'https://developers.cloudflare.com/fundamentals/api/how-to/roll-token/'
  },
  {
    id: 'cloudflare-global-api-key',
    provider: 'Cloudflare',
    credential: 'global API key',
    keywords: ['cloudflare', 'cf_api_key'],
    pattern: keyed(
      '(?:cloudflare|cf)[\\w-]{0,20}(?:api[_-]?)?key',
      '[a-f0-9]{37}'
    ),
    grants: 'everything the user can do in every account and zone',
    revoke: 'Change the global API key under My Profile, API Tokens.',
    helpUri:
      'https://developers.cloudflare.com/fundamentals/api/get-started/keys/'
  },
  {
    id: 'cloudflare-origin-ca-key',
    provider: 'Cloudflare',
    credential: 'Origin CA key',
    keywords: ['v1.0-'],
    pattern: prefixed('v1\\.0-', '[a-f0-9]{24}-[a-f0-9]{146}'),
    grants: 'issuing and revoking origin certificates for the account’s zones',
    revoke: 'Change the Origin CA key under My Profile, API Tokens.',
    helpUri:
      'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/'
  },
  {
    id: 'alibaba-access-key-id',
    provider: 'Alibaba Cloud',
    credential: 'AccessKey ID',
    keywords: ['ltai'],
    pattern: prefixed('LTAI', '[A-Za-z0-9]{12,20}'),
    grants: 'with its secret, the RAM user’s permissions',
    revoke: 'Disable and delete the AccessKey pair in the RAM console.',
    helpUri:
      'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair'
  },
  {
    id: 'alibaba-access-key-secret',
    provider: 'Alibaba Cloud',
    credential: 'AccessKey secret',
    keywords: ['alibaba', 'aliyun', 'alicloud'],
    pattern: keyed(
      '(?:alibaba|aliyun|alicloud)[\\w-]{0,20}secret',
      '[A-Za-z0-9]{30}'
    ),
    grants: 'with its AccessKey ID, the RAM user’s permissions',
    revoke: 'Disable and delete the AccessKey pair in the RAM console.',
    helpUri:
      'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair'
  },
  {
    id: 'tencent-cloud-secret-id',
    provider: 'Tencent Cloud',
    credential: 'API SecretId',
    keywords: ['akid'],
    pattern: prefixed('AKID', '[A-Za-z0-9]{32}'),
    grants: 'with its SecretKey, the CAM user’s permissions',
    revoke: 'Disable and delete the key under CAM, API Keys.',
    helpUri: 'https://www.tencentcloud.com/document/product/598/32675'
  },
  {
    id: 'scaleway-access-key',
    provider: 'Scaleway',
    credential: 'API access key',
    keywords: ['scw'],
    pattern: prefixed('SCW', '[A-Z0-9]{17}'),
    grants: 'with its secret key, the IAM application’s or user’s permissions',
    revoke: 'Delete the API key under IAM, API keys.',
    helpUri: 'https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/',
    check: value => /[0-9]/.test(value) && /[A-Z].*[A-Z]/.test(value.slice(3))
  },
  {
    id: 'scaleway-secret-key',
    provider: 'Scaleway',
    credential: 'API secret key',
    keywords: ['scw_secret', 'scaleway'],
    pattern: keyed('(?:scw|scaleway)[\\w-]{0,10}secret[\\w-]{0,10}', UUID),
    grants: 'the IAM application’s or user’s permissions',
    revoke: 'Delete the API key under IAM, API keys.',
    helpUri: 'https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/'
  },
  {
    id: 'ibm-cloud-api-key',
    provider: 'IBM Cloud',
    credential: 'API key',
    keywords: ['ibm'],
    pattern: keyed('ibm[\\w-]{0,20}api[_-]?key', '[A-Za-z0-9_-]{44}'),
    grants: 'the IAM identity’s access to every service it may use',
    revoke: 'Delete the key under Manage, Access (IAM), API keys.',
    helpUri: 'https://cloud.ibm.com/docs/account?topic=account-userapikey'
  },
  {
    id: 'databricks-access-token',
    provider: 'Databricks',
    credential: 'personal access token',
    keywords: ['dapi'],
    pattern: prefixed('dapi', '[a-f0-9]{32}(?:-[0-9]{1,2})?', '[A-Za-z0-9_-]'),
    grants: 'workspace REST API access as its user: jobs, clusters, data',
    revoke: 'Revoke it under User settings, Developer, Access tokens.',
    helpUri: 'https://docs.databricks.com/aws/en/dev-tools/auth/pat'
  },
  {
    id: 'databricks-oauth-secret',
    provider: 'Databricks',
    credential: 'service principal OAuth secret',
    keywords: ['dose'],
    pattern: prefixed('dose', '[a-f0-9]{32}'),
    grants: 'OAuth tokens for the service principal and its permissions',
    revoke: 'Delete the secret under the service principal’s Secrets tab.',
    helpUri: 'https://docs.databricks.com/aws/en/dev-tools/auth/oauth-m2m'
  },
  {
    id: 'flyio-access-token',
    provider: 'Fly.io',
    credential: 'access token',
    keywords: ['fo1_', 'fm2_'],
    pattern: prefixed(
      '(?:fo1_|FlyV1 fm2_)',
      '[A-Za-z0-9_+/=-]{40,1000}',
      '[A-Za-z0-9_+/=-]'
    ),
    grants: 'deploying and managing the organization’s apps and machines',
    revoke: 'Revoke it with `fly tokens revoke` or in the dashboard.',
    helpUri: 'https://fly.io/docs/security/tokens/'
  },
  {
    id: 'supabase-personal-access-token',
    provider: 'Supabase',
    credential: 'personal access token',
    keywords: ['sbp_'],
    pattern: prefixed('sbp_', '[a-f0-9]{40}'),
    grants: 'Management API access to every project of its user',
    revoke: 'Revoke it under Account, Access Tokens.',
    helpUri: 'https://supabase.com/docs/guides/platform/access-control'
  },
  {
    id: 'supabase-secret-key',
    provider: 'Supabase',
    credential: 'secret API key',
    keywords: ['sb_secret_'],
    pattern: prefixed('sb_secret_', '[A-Za-z0-9_-]{30,60}', '[A-Za-z0-9_-]'),
    grants: 'bypassing row level security on the project’s database',
    revoke: 'Delete the key under Project settings, API Keys.',
    helpUri: 'https://supabase.com/docs/guides/api/api-keys'
  },
  {
    id: 'planetscale-service-token',
    provider: 'PlanetScale',
    credential: 'service or OAuth token',
    keywords: ['pscale_tkn_', 'pscale_oauth_'],
    pattern: prefixed(
      'pscale_(?:tkn|oauth)_',
      '[A-Za-z0-9_.=-]{32,64}',
      '[A-Za-z0-9_.=-]'
    ),
    grants: 'the organization and database permissions of the token',
    revoke: 'Delete the service token under Settings, Service tokens.',
    helpUri: 'https://planetscale.com/docs/concepts/service-tokens'
  },
  {
    id: 'planetscale-password',
    provider: 'PlanetScale',
    credential: 'database password',
    keywords: ['pscale_pw_'],
    pattern: prefixed(
      'pscale_pw_',
      '[A-Za-z0-9_.=-]{32,64}',
      '[A-Za-z0-9_.=-]'
    ),
    grants: 'connecting to the database branch with the password’s role',
    revoke: 'Delete the password under the branch’s Passwords.',
    helpUri: 'https://planetscale.com/docs/concepts/connection-strings'
  },
  {
    id: 'vercel-access-token',
    provider: 'Vercel',
    credential: 'access token',
    keywords: ['vercel'],
    pattern: keyed('vercel[\\w-]{0,20}token', '[A-Za-z0-9]{24}'),
    grants: 'deploying and configuring the projects of its scope',
    revoke: 'Delete the token under Account settings, Tokens.',
    helpUri: 'https://vercel.com/docs/rest-api#creating-an-access-token'
  },
  {
    id: 'netlify-access-token',
    provider: 'Netlify',
    credential: 'personal access token',
    keywords: ['netlify'],
    pattern: keyed('netlify[\\w-]{0,20}token', '[A-Za-z0-9_-]{40,46}'),
    grants: 'managing every site and deploy of its user',
    revoke: 'Revoke it under User settings, Applications.',
    helpUri: 'https://docs.netlify.com/api/get-started/#authentication'
  },
  {
    id: 'linode-api-token',
    provider: 'Akamai (Linode)',
    credential: 'personal access token',
    keywords: ['linode'],
    pattern: keyed('linode[\\w-]{0,20}(?:token|key)', '[a-f0-9]{64}'),
    grants: 'API access to the account’s Linodes and services per its scopes',
    revoke: 'Revoke it under My Profile, API Tokens.',
    helpUri:
      'https://techdocs.akamai.com/cloud-computing/docs/manage-personal-access-tokens'
  },
  {
    id: 'vultr-api-key',
    provider: 'Vultr',
    credential: 'API key',
    keywords: ['vultr'],
    pattern: keyed('vultr[\\w-]{0,20}(?:token|key)', '[A-Z0-9]{36}'),
    grants: 'full API access to the account’s instances and billing',
    revoke: 'Regenerate the key under Account, API.',
    helpUri: 'https://docs.vultr.com/platform/other/api/manage-api-access'
  },
  {
    id: 'hetzner-cloud-token',
    provider: 'Hetzner',
    credential: 'Cloud API token',
    keywords: ['hcloud', 'hetzner'],
    pattern: keyed('(?:hcloud|hetzner)[\\w-]{0,20}token', '[A-Za-z0-9]{64}'),
    grants: 'read or read-write access to the project’s servers',
    revoke: 'Delete the token under the project’s Security, API tokens.',
    helpUri:
      'https://docs.hetzner.com/cloud/api/getting-started/generating-api-token/'
  },
  {
    id: 'openshift-user-token',
    provider: 'Red Hat OpenShift',
    credential: 'user OAuth token',
    keywords: ['sha256~'],
    pattern: prefixed('sha256~', '[A-Za-z0-9_-]{43}', '[A-Za-z0-9_-]'),
    grants: 'the cluster access of the user who logged in',
    revoke:
      'Delete the OAuthAccessToken object (`oc delete oauthaccesstoken`).',
    helpUri:
      'https://docs.redhat.com/en/documentation/openshift_container_platform/4.16/html/authentication_and_authorization/managing-oauth-access-tokens'
  }
]

export const cloudRules = providerRules(CLOUD)
