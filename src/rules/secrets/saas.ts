/** Productivity and developer SaaS: issue trackers, docs, design, identity. */
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const ATLASSIAN_URI =
  'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/'
const TAIL = '[A-Za-z0-9_-]'

const SAAS: readonly ProviderCredential[] = [
  {
    id: 'atlassian-api-token',
    provider: 'Atlassian',
    credential: 'API token',
    keywords: ['atatt3'],
    pattern: prefixed('ATATT3', '[A-Za-z0-9_=-]{180,200}', '[A-Za-z0-9_=-]'),
    grants: 'Jira and Confluence access as its user',
    revoke: 'Revoke it under Account settings, Security, API tokens.',
    helpUri: ATLASSIAN_URI
  },
  {
    id: 'atlassian-admin-api-key',
    provider: 'Atlassian',
    credential: 'organization admin API key',
    keywords: ['atctt3'],
    pattern: prefixed('ATCTT3', '[A-Za-z0-9_=-]{180,200}', '[A-Za-z0-9_=-]'),
    grants: 'administering the organization: users, domains, policies',
    revoke: 'Revoke the key in admin.atlassian.com under Settings, API keys.',
    helpUri:
      'https://support.atlassian.com/organization-administration/docs/manage-an-organization-with-the-admin-apis/'
  },
  {
    id: 'bitbucket-app-password',
    provider: 'Atlassian Bitbucket',
    credential: 'app password',
    keywords: ['atbb'],
    pattern: prefixed('ATBB', '[A-Za-z0-9_=.-]{32}', '[A-Za-z0-9_=.-]'),
    grants: 'repository and API access as its user, per its permissions',
    revoke: 'Revoke it under Personal settings, App passwords.',
    helpUri: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/'
  },
  {
    id: 'okta-api-token',
    provider: 'Okta',
    credential: 'API token',
    keywords: ['okta'],
    pattern: keyed(
      'okta[\\w-]{0,20}(?:api[_-]?)?(?:token|key)',
      '00[A-Za-z0-9_-]{40}'
    ),
    grants: 'the Okta API with the admin roles of the user who created it',
    revoke: 'Revoke it under Security, API, Tokens.',
    helpUri: 'https://developer.okta.com/docs/guides/create-an-api-token/main/'
  },
  {
    id: 'auth0-client-secret',
    provider: 'Auth0',
    credential: 'application client secret',
    keywords: ['auth0'],
    pattern: keyed(
      'auth0[\\w-]{0,20}(?:client[_-]?)?secret',
      '[A-Za-z0-9_-]{64}'
    ),
    grants:
      'tokens as the application, including Management API access it holds',
    revoke: 'Rotate the secret under Applications, Settings.',
    helpUri:
      'https://auth0.com/docs/get-started/applications/rotate-client-secret'
  },
  {
    id: 'postman-api-key',
    provider: 'Postman',
    credential: 'API key',
    keywords: ['pmak-'],
    pattern: prefixed('PMAK-', '[a-f0-9]{24}-[a-f0-9]{34}'),
    grants: 'the workspaces, collections and environments of its user',
    revoke: 'Delete the key under Settings, API keys.',
    helpUri:
      'https://learning.postman.com/docs/developer/postman-api/authentication/'
  },
  {
    id: 'linear-api-key',
    provider: 'Linear',
    credential: 'personal API key',
    keywords: ['lin_api_'],
    pattern: prefixed('lin_api_', '[A-Za-z0-9]{40}'),
    grants: 'the workspace’s issues and projects as its user',
    revoke: 'Revoke it under Settings, Security & access, API keys.',
    helpUri: 'https://linear.app/developers/graphql#personal-api-keys'
  },
  {
    id: 'linear-oauth-token',
    provider: 'Linear',
    credential: 'OAuth access token',
    keywords: ['lin_oauth_'],
    pattern: prefixed('lin_oauth_', '[a-f0-9]{64}'),
    grants: 'the scopes granted to the OAuth application',
    revoke: 'Revoke it with the OAuth revoke endpoint.',
    helpUri: 'https://linear.app/developers/oauth-2-0-authentication'
  },
  {
    id: 'notion-integration-token',
    provider: 'Notion',
    credential: 'integration token',
    keywords: ['ntn_'],
    pattern: prefixed('ntn_', '[0-9]{11}[A-Za-z0-9]{35}'),
    grants: 'the pages and databases shared with the integration',
    revoke: 'Refresh the secret under the integration’s Configuration.',
    helpUri: 'https://developers.notion.com/docs/authorization'
  },
  {
    id: 'notion-legacy-token',
    provider: 'Notion',
    credential: 'integration token (legacy form)',
    keywords: ['notion'],
    pattern: keyed(
      'notion[\\w-]{0,20}(?:token|key|secret)',
      'secret_[A-Za-z0-9]{43}'
    ),
    grants: 'the pages and databases shared with the integration',
    revoke: 'Refresh the secret under the integration’s Configuration.',
    helpUri: 'https://developers.notion.com/docs/authorization'
  },
  {
    id: 'airtable-personal-access-token',
    provider: 'Airtable',
    credential: 'personal access token',
    // `pat` alone occurs in every other line of code; the dot and 64 hex
    // digits that follow it are what the prefilter cannot see.
    keywords: ['airtable'],
    contextLines: 2,
    pattern: prefixed('pat', '[A-Za-z0-9]{14}\\.[a-f0-9]{64}'),
    grants: 'the bases and scopes chosen for the token',
    revoke: 'Delete the token in the developer hub.',
    helpUri: 'https://airtable.com/developers/web/guides/personal-access-tokens'
  },
  {
    id: 'hubspot-private-app-token',
    provider: 'HubSpot',
    credential: 'private app access token',
    keywords: ['pat-na1-', 'pat-eu1-'],
    pattern: prefixed(
      'pat-(?:na|eu)[0-9]-',
      '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      TAIL
    ),
    grants: 'CRM data (contacts, deals) within the private app’s scopes',
    revoke: 'Rotate the token on the private app’s Auth tab.',
    helpUri:
      'https://developers.hubspot.com/docs/guides/apps/private-apps/overview'
  },
  {
    id: 'asana-personal-access-token',
    provider: 'Asana',
    credential: 'personal access token',
    keywords: ['asana'],
    pattern: keyed(
      'asana[\\w-]{0,20}(?:token|pat|key)',
      '[0-9]/[0-9]{10,20}:[a-f0-9]{32}'
    ),
    grants: 'the workspaces, projects and tasks of its user',
    revoke: 'Revoke it in the developer console.',
    helpUri: 'https://developers.asana.com/docs/personal-access-token'
  },
  {
    id: 'figma-access-token',
    provider: 'Figma',
    credential: 'personal access token',
    keywords: ['figd_'],
    pattern: prefixed('figd_', '[A-Za-z0-9_-]{40}', TAIL),
    grants: 'reading the files its user can see, per its scopes',
    revoke: 'Revoke it under Settings, Security, Personal access tokens.',
    helpUri: 'https://www.figma.com/developers/api#access-tokens'
  },
  {
    id: 'typeform-access-token',
    provider: 'Typeform',
    credential: 'personal access token',
    keywords: ['tfp_'],
    pattern: prefixed('tfp_', '[A-Za-z0-9_.=-]{44,60}', '[A-Za-z0-9_.=-]'),
    grants: 'the forms and responses of the account',
    revoke: 'Delete it under Account, Personal tokens.',
    helpUri:
      'https://www.typeform.com/developers/get-started/personal-access-token/'
  },
  {
    id: 'contentful-management-token',
    provider: 'Contentful',
    credential: 'personal access token',
    keywords: ['cfpat-'],
    pattern: prefixed('CFPAT-', '[A-Za-z0-9_-]{43}', TAIL),
    grants: 'the Content Management API of every space its user can edit',
    revoke: 'Revoke it under Settings, CMA tokens.',
    helpUri:
      'https://www.contentful.com/developers/docs/references/authentication/'
  },
  {
    id: 'mapbox-secret-token',
    provider: 'Mapbox',
    credential: 'secret access token',
    keywords: ['sk.eyj'],
    pattern: prefixed(
      'sk\\.',
      'eyJ[A-Za-z0-9_-]{50,300}\\.[A-Za-z0-9_-]{20,40}',
      TAIL
    ),
    grants: 'the secret scopes of the account: uploads, styles, tokens',
    revoke: 'Delete the token on the account’s Access tokens page.',
    helpUri: 'https://docs.mapbox.com/accounts/guides/tokens/'
  },
  {
    id: 'dropbox-access-token',
    provider: 'Dropbox',
    credential: 'short-lived access token',
    keywords: ['sl.'],
    pattern: prefixed('sl\\.', '[A-Za-z0-9_-]{130,1400}', TAIL),
    grants: 'the files of the user who authorized the app, within its scopes',
    revoke: 'Revoke it with /2/auth/token/revoke.',
    helpUri: 'https://developers.dropbox.com/oauth-guide'
  },
  {
    id: 'clickup-api-token',
    provider: 'ClickUp',
    credential: 'personal API token',
    keywords: ['pk_'],
    pattern: prefixed('pk_', '[0-9]{6,10}_[A-Z0-9]{32}'),
    grants: 'the workspaces and tasks of its user',
    revoke: 'Regenerate it under Settings, Apps.',
    helpUri: 'https://developer.clickup.com/docs/authentication'
  },
  {
    id: 'readme-api-key',
    provider: 'ReadMe',
    credential: 'API key',
    keywords: ['rdme_'],
    pattern: prefixed('rdme_', '[a-z0-9]{70}'),
    grants: 'changing the project’s documentation',
    revoke: 'Delete the key in the project’s API Keys.',
    helpUri: 'https://docs.readme.com/main/reference/intro/authentication'
  },
  {
    id: 'frameio-api-token',
    provider: 'Frame.io',
    credential: 'developer token',
    keywords: ['fio-u-'],
    pattern: prefixed('fio-u-', '[A-Za-z0-9_=-]{64}', '[A-Za-z0-9_=-]'),
    grants: 'the assets and reviews of its user',
    revoke: 'Delete the token in the developer site.',
    helpUri: 'https://developer.frame.io/docs/getting-started/authentication'
  },
  {
    id: 'prefect-api-key',
    provider: 'Prefect',
    credential: 'API key',
    keywords: ['pnu_'],
    pattern: prefixed('pnu_', '[A-Za-z0-9]{36}'),
    grants: 'the workspaces, flows and blocks (with their secrets) of its user',
    revoke: 'Delete it under Account settings, API keys.',
    helpUri: 'https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys'
  },
  {
    id: 'algolia-admin-key',
    provider: 'Algolia',
    credential: 'admin API key',
    keywords: ['algolia'],
    pattern: keyed(
      'algolia[\\w-]{0,20}(?:admin|write)[\\w-]{0,10}key',
      '[a-f0-9]{32}'
    ),
    grants: 'changing and deleting every index and the other API keys',
    revoke: 'Regenerate the admin API key in the dashboard.',
    helpUri: 'https://www.algolia.com/doc/guides/security/api-keys/'
  },
  {
    id: 'cloudinary-url',
    provider: 'Cloudinary',
    credential: 'API environment URL with secret',
    keywords: ['cloudinary://'],
    pattern:
      /cloudinary:\/\/[0-9]{10,20}:(?<secret>[A-Za-z0-9_-]{20,40})@[a-z0-9_-]{1,60}/g,
    grants:
      'uploading, changing and deleting every asset of the product environment',
    revoke: 'Generate a new API key pair under Settings, API Keys.',
    helpUri:
      'https://cloudinary.com/documentation/how_to_integrate_cloudinary#api_keys'
  },
  {
    id: 'segment-write-key',
    provider: 'Twilio Segment',
    credential: 'public API token',
    keywords: ['sgp_'],
    pattern: prefixed('sgp_', '[A-Za-z0-9]{64}'),
    grants: 'the workspace’s Public API: sources, destinations, tracking plans',
    revoke: 'Delete the token under Settings, Access Management, Tokens.',
    helpUri: 'https://docs.segmentapis.com/tag/Getting-Started'
  }
]

export const saasRules = providerRules(SAAS)
