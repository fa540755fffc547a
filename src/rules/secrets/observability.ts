/** Monitoring, logging and incident-response services. */
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const NEW_RELIC_URI =
  'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/'
const GRAFANA_URI =
  'https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/'
const DATADOG_URI =
  'https://docs.datadoghq.com/account_management/api-app-keys/'
const TAIL = '[A-Za-z0-9_-]'

const OBSERVABILITY: readonly ProviderCredential[] = [
  {
    id: 'datadog-api-key',
    provider: 'Datadog',
    credential: 'API key',
    keywords: ['datadog', 'dd_api_key', 'dd-api-key'],
    pattern: keyed('(?:datadog|dd)[\\w-]{0,20}api[_-]?key', '[a-f0-9]{32}'),
    grants: 'submitting metrics, logs and events to the organization',
    revoke: 'Revoke the key under Organization settings, API keys.',
    helpUri: DATADOG_URI
  },
  {
    id: 'datadog-application-key',
    provider: 'Datadog',
    credential: 'application key',
    keywords: ['datadog', 'dd_app', 'dd-app', 'dd_application'],
    pattern: keyed(
      '(?:datadog|dd)[\\w-]{0,20}app(?:lication)?[_-]?key',
      '[a-f0-9]{40}'
    ),
    grants: 'reading and changing the organization’s data as its user',
    revoke: 'Revoke the key under Organization settings, Application keys.',
    helpUri: DATADOG_URI
  },
  {
    id: 'new-relic-user-api-key',
    provider: 'New Relic',
    credential: 'user API key',
    keywords: ['nrak-'],
    pattern: prefixed('NRAK-', '[A-Z0-9]{27}'),
    grants: 'NerdGraph queries and changes as its user',
    revoke: 'Delete the key on the API keys page.',
    helpUri: NEW_RELIC_URI
  },
  {
    id: 'new-relic-insert-key',
    provider: 'New Relic',
    credential: 'Insights insert key',
    keywords: ['nrii-'],
    pattern: prefixed('NRII-', '[A-Za-z0-9_-]{32}', TAIL),
    grants: 'writing events into the account',
    revoke: 'Delete the key on the API keys page.',
    helpUri: NEW_RELIC_URI
  },
  {
    id: 'new-relic-browser-key',
    provider: 'New Relic',
    credential: 'browser API key',
    keywords: ['nrjs-'],
    pattern: prefixed('NRJS-', '[a-f0-9]{19}'),
    severity: 'warning',
    grants: 'sending browser monitoring data into the account',
    revoke: 'Delete the key on the API keys page.',
    helpUri: NEW_RELIC_URI
  },
  {
    id: 'new-relic-license-key',
    provider: 'New Relic',
    credential: 'ingest license key',
    keywords: ['nral'],
    reach: 48,
    pattern: prefixed('', '[a-f0-9]{36}NRAL'),
    grants: 'sending any telemetry into the account',
    revoke:
      'Create a new license key and delete the old one on the API keys page.',
    helpUri: NEW_RELIC_URI
  },
  {
    id: 'dynatrace-api-token',
    provider: 'Dynatrace',
    credential: 'access token',
    keywords: ['dt0c01.'],
    pattern: prefixed('dt0c01\\.', '[A-Z0-9]{24}\\.[A-Z0-9]{64}'),
    grants: 'the environment’s API within the token’s scopes',
    revoke: 'Delete the token under Access tokens.',
    helpUri:
      'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens'
  },
  {
    id: 'sentry-org-auth-token',
    provider: 'Sentry',
    credential: 'organization auth token',
    keywords: ['sntrys_'],
    pattern: prefixed(
      'sntrys_',
      'eyJ[A-Za-z0-9+/=_-]{60,500}',
      '[A-Za-z0-9+/=_-]'
    ),
    grants: 'uploading releases and source maps for the organization',
    revoke:
      'Revoke it under Settings, Developer Settings, Organization Tokens.',
    helpUri: 'https://docs.sentry.io/account/auth-tokens/'
  },
  {
    id: 'sentry-user-auth-token',
    provider: 'Sentry',
    credential: 'user auth token',
    keywords: ['sntryu_'],
    pattern: prefixed('sntryu_', '[a-f0-9]{64}'),
    grants: 'the API as its user within the chosen scopes',
    revoke: 'Revoke it under User settings, Personal Tokens.',
    helpUri: 'https://docs.sentry.io/account/auth-tokens/'
  },
  {
    id: 'grafana-cloud-token',
    provider: 'Grafana Cloud',
    credential: 'access policy token',
    keywords: ['glc_'],
    pattern: prefixed('glc_', '[A-Za-z0-9+/]{32,400}={0,2}', '[A-Za-z0-9+/=_]'),
    grants: 'the stacks and scopes of its access policy',
    revoke: 'Delete the token under Administration, Cloud access policies.',
    helpUri: GRAFANA_URI
  },
  {
    id: 'grafana-service-account-token',
    provider: 'Grafana',
    credential: 'service account token',
    keywords: ['glsa_'],
    pattern: prefixed('glsa_', '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'),
    grants: 'the roles of the service account in the Grafana instance',
    revoke: 'Delete the token under Administration, Service accounts.',
    helpUri:
      'https://grafana.com/docs/grafana/latest/administration/service-accounts/'
  },
  {
    id: 'grafana-legacy-api-key',
    provider: 'Grafana',
    credential: 'API key (legacy)',
    keywords: ['eyjrijoi'],
    pattern: prefixed(
      'eyJrIjoi',
      '[A-Za-z0-9]{70,400}={0,2}',
      '[A-Za-z0-9+/=]'
    ),
    grants: 'the role of the key in its organization',
    revoke: 'Delete the key and migrate to service accounts.',
    helpUri:
      'https://grafana.com/docs/grafana/latest/administration/service-accounts/migrate-api-keys/'
  },
  {
    id: 'pagerduty-api-key',
    provider: 'PagerDuty',
    credential: 'REST API key',
    keywords: ['pagerduty'],
    pattern: keyed(
      'pagerduty[\\w-]{0,20}(?:api[_-]?)?(?:key|token)',
      '[A-Za-z0-9_+-]{20}'
    ),
    grants: 'changing services, schedules and incidents of the account',
    revoke: 'Delete the key under Integrations, API Access Keys.',
    helpUri: 'https://support.pagerduty.com/main/docs/api-access-keys'
  },
  {
    id: 'opsgenie-api-key',
    provider: 'Opsgenie',
    credential: 'API key',
    keywords: ['opsgenie'],
    pattern: keyed('opsgenie[\\w-]{0,20}(?:api[_-]?)?key', UUID),
    grants: 'creating and closing alerts and changing the configuration',
    revoke: 'Delete the API integration or key in Settings.',
    helpUri: 'https://support.atlassian.com/opsgenie/docs/api-key-management/'
  },
  {
    id: 'rollbar-access-token',
    provider: 'Rollbar',
    credential: 'access token',
    keywords: ['rollbar'],
    pattern: keyed('rollbar[\\w-]{0,20}(?:access[_-]?)?token', '[a-f0-9]{32}'),
    grants: 'posting or reading the project’s items, per its scope',
    revoke: 'Disable the token under Project settings, Access tokens.',
    helpUri: 'https://docs.rollbar.com/docs/access-tokens'
  },
  {
    id: 'bugsnag-api-key',
    provider: 'BugSnag',
    credential: 'data access token',
    keywords: ['bugsnag'],
    pattern: keyed(
      'bugsnag[\\w-]{0,20}(?:auth|access|api)[\\w-]{0,10}(?:token|key)',
      '[a-f0-9]{32}|' + UUID
    ),
    grants: 'reading the organization’s errors through the data access API',
    revoke: 'Revoke it under My account, Personal auth tokens.',
    helpUri: 'https://docs.bugsnag.com/api/data-access/'
  },
  {
    id: 'splunk-hec-token',
    provider: 'Splunk',
    credential: 'HTTP Event Collector token',
    keywords: ['splunk', 'hec_token'],
    pattern: keyed('(?:splunk|hec)[\\w-]{0,20}token', UUID),
    grants: 'writing events into the indexes the token allows',
    revoke:
      'Disable or delete the token under Data inputs, HTTP Event Collector.',
    helpUri:
      'https://docs.splunk.com/Documentation/Splunk/latest/Data/UsetheHTTPEventCollector'
  },
  {
    id: 'honeycomb-api-key',
    provider: 'Honeycomb',
    credential: 'API key',
    keywords: ['honeycomb'],
    pattern: keyed(
      'honeycomb[\\w-]{0,20}(?:api[_-]?)?key',
      'hc[a-z]{3}_[A-Za-z0-9]{20,60}|[A-Za-z0-9]{22}|[a-f0-9]{32}'
    ),
    grants:
      'sending events to (and with config keys, changing) the environment',
    revoke: 'Delete the key under Environment settings, API keys.',
    helpUri: 'https://docs.honeycomb.io/configure/environments/manage-api-keys/'
  }
]

export const observabilityRules = providerRules(OBSERVABILITY)
