/**
 * GitLab tokens. Every kind has its own `gl…` prefix, documented in GitLab's
 * token overview, so each is matched on its prefix alone.
 */
import { prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const OVERVIEW = 'https://docs.gitlab.com/security/tokens/'
const URL_SAFE = '[A-Za-z0-9_-]'
const TAIL = '[A-Za-z0-9_.-]'

/** A GitLab token: a prefix and a body of URL-safe characters. */
function gitlab(
  id: string,
  credential: string,
  prefix: string,
  body: string,
  grants: string,
  revoke: string
): ProviderCredential {
  return {
    id,
    provider: 'GitLab',
    credential,
    keywords: [prefix.toLowerCase()],
    pattern: prefixed(prefix, body, TAIL),
    grants,
    revoke,
    helpUri: OVERVIEW
  }
}

// Routable tokens (GitLab 17) append `.<version>.<checksum>` to the body.
const ROUTABLE = `(?:\\.[0-9a-z]{2}\\.[0-9a-z]{6,12})?`

const GITLAB: readonly ProviderCredential[] = [
  gitlab(
    'gitlab-personal-access-token',
    'personal, project or group access token',
    'glpat-',
    `${URL_SAFE}{20,300}${ROUTABLE}`,
    'API, Git and registry access with the scopes it was given',
    'Revoke it under Access tokens in the user, project or group settings.'
  ),
  gitlab(
    'gitlab-oauth-application-secret',
    'OAuth application secret',
    'gloas-',
    '[0-9a-f]{64}',
    'acting as the OAuth application toward every user who authorized it',
    'Renew the secret in the application settings.'
  ),
  gitlab(
    'gitlab-deploy-token',
    'deploy token',
    'gldt-',
    `${URL_SAFE}{20,300}${ROUTABLE}`,
    'reading or writing the repository and registries it was scoped to',
    'Revoke it under Settings, Repository, Deploy tokens.'
  ),
  gitlab(
    'gitlab-runner-authentication-token',
    'runner authentication token',
    'glrt-',
    `[A-Za-z0-9_.-]{20,300}`,
    'registering as a runner and picking up jobs, with their secrets',
    'Delete the runner or reset its authentication token.'
  ),
  gitlab(
    'gitlab-runner-registration-token',
    'runner registration token (deprecated)',
    'GR1348941',
    `${URL_SAFE}{20,40}`,
    'registering new runners that receive jobs and their variables',
    'Reset the registration token in the CI/CD runner settings.'
  ),
  gitlab(
    'gitlab-ci-job-token',
    'CI/CD job token',
    'glcbt-',
    `[0-9a-fA-F]{1,5}_${URL_SAFE}{20,60}`,
    'API access as the job while it runs',
    'It expires with its job; to revoke it sooner, cancel the job.'
  ),
  gitlab(
    'gitlab-pipeline-trigger-token',
    'pipeline trigger token',
    'glptt-',
    '[0-9a-f]{40}',
    'starting pipelines, with the variables the caller chooses',
    'Revoke it under Settings, CI/CD, Pipeline trigger tokens.'
  ),
  gitlab(
    'gitlab-feed-token',
    'feed token',
    'glft-',
    `${URL_SAFE}{20,60}`,
    'reading RSS/Atom feeds and calendars of private projects',
    'Reset it under the user preferences, Access tokens.'
  ),
  gitlab(
    'gitlab-incoming-mail-token',
    'incoming email token',
    'glimt-',
    `${URL_SAFE}{25,60}`,
    'creating issues and merge requests by email as its user',
    'Reset it under the user preferences, Access tokens.'
  ),
  gitlab(
    'gitlab-kubernetes-agent-token',
    'agent for Kubernetes token',
    'glagent-',
    `${URL_SAFE}{50,300}`,
    'connecting as the cluster agent and deploying to the cluster',
    'Revoke the agent token in Operate, Kubernetes clusters.'
  ),
  gitlab(
    'gitlab-scim-token',
    'SCIM OAuth token',
    'glsoat-',
    `${URL_SAFE}{20,60}`,
    'provisioning and removing group members through SCIM',
    'Reset the SCIM token in the group SAML SSO settings.'
  ),
  gitlab(
    'gitlab-feature-flags-client-token',
    'feature flags client token',
    'glffct-',
    `${URL_SAFE}{20,60}`,
    'reading the feature flag configuration of a project',
    'Reset it in Deploy, Feature flags, Configure.'
  )
]

export const gitlabRules = providerRules(GITLAB)
