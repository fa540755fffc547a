/**
 * The sample table: rule id → a positive and a near miss, every value
 * built by the generators in fake-credentials.ts at test time.
 */
import {
  ageKey,
  ALNUM,
  awsKeyIdValid,
  awsSecret,
  b64,
  B64,
  discordToken,
  digits,
  githubToken,
  hex,
  jwt,
  kubeconfig,
  LOWER,
  npmToken,
  pemKey,
  PRIVATE_KEY,
  puttyKey,
  pypiToken,
  rc,
  type RuleSamples,
  secretManifest,
  serviceAccountJson,
  UPDIG,
  URL_SAFE,
  uuid
} from './fake-credentials.js'

type Make = () => string

/** Same shape, the near miss one character short of the body. */
function sized(prefix: string, n: number, alphabet = ALNUM, suffix = '') {
  return pair(
    () => prefix + rc(n, alphabet) + suffix,
    () => prefix + rc(n - 1, alphabet) + suffix
  )
}

function pair(positive: Make, nearMiss: Make, path?: string): RuleSamples {
  return path ? { positive, nearMiss, path } : { positive, nearMiss }
}

/** `NAME=value` for a keyed rule, the near miss one character short. */
function keyed(name: string, n: number, alphabet = ALNUM, head = '') {
  return pair(
    () => `${name}=${head}${rc(n, alphabet)}`,
    () => `${name}=${head}${rc(n - 1, alphabet)}`
  )
}

const keyedUuid = (name: string) =>
  pair(
    () => `${name}=${uuid()}`,
    () => `${name}=${uuid().slice(0, -1)}`
  )

const HEXS = '0123456789abcdef'
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const LOWDIG = LOWER + '0123456789'
const p = (...parts: string[]) => parts.join('')

const OPENAI_MARK = 'T3Blbk' + 'FJ'
const brokenGithub = () => {
  const token = githubToken(41)
  return token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
}
const brokenNpm = () => {
  const token = npmToken()
  return token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
}
const brokenAge = () => {
  const key = ageKey()
  return key.slice(0, -1) + (key.endsWith('Q') ? 'P' : 'Q')
}

export const SAMPLES: Record<string, RuleSamples> = {
  'github-classic-token': pair(() => githubToken(31), brokenGithub),
  'github-fine-grained-token': pair(
    () => p('github_', 'pat_', rc(22), '_', rc(59)),
    () => p('github_', 'pat_', rc(22), '_', rc(58))
  ),
  'github-app-installation-token': pair(
    () => p('gh', 's_', digits(7), '_', jwt()),
    () =>
      p('gh', 's_', digits(7), '_', 'eyJ', rc(60), '.eyJ', rc(60), '.', rc(40))
  ),
  'github-oauth-client-secret': keyed('GITHUB_CLIENT_SECRET', 40, HEXS),
  'gitlab-personal-access-token': sized('gl' + 'pat-', 20),
  'gitlab-oauth-application-secret': sized('gl' + 'oas-', 64, HEXS),
  'gitlab-deploy-token': sized('gl' + 'dt-', 20),
  'gitlab-runner-authentication-token': sized('gl' + 'rt-', 20),
  'gitlab-runner-registration-token': sized('GR13' + '48941', 20),
  'gitlab-ci-job-token': sized('gl' + 'cbt-' + '4_', 20),
  'gitlab-pipeline-trigger-token': sized('gl' + 'ptt-', 40, HEXS),
  'gitlab-feed-token': sized('gl' + 'ft-', 20),
  'gitlab-incoming-mail-token': sized('gl' + 'imt-', 25),
  'gitlab-kubernetes-agent-token': sized('gl' + 'agent-', 50),
  'gitlab-scim-token': sized('gl' + 'soat-', 20),
  'gitlab-feature-flags-client-token': sized('gl' + 'ffct-', 20),
  'aws-access-key-id': pair(
    () => `key_id: ${awsKeyIdValid()}`,
    () => `key_id: ${'AK' + 'IA'}${rc(9, B32)}EXAMPLE`
  ),
  'aws-secret-access-key': pair(
    () => `aws_secret_access_key = ${awsSecret()}`,
    () => `aws_secret_access_key = ${rc(39, B64)}`
  ),
  'aws-session-token': pair(
    () => `AWS_SESSION_TOKEN=${rc(200, B64)}`,
    () => `AWS_SESSION_TOKEN=${rc(99, B64)}`
  ),
  'aws-mws-auth-token': pair(
    () => p('amzn.', 'mws.', uuid()),
    () => p('amzn.', 'mws.', uuid().slice(0, -1))
  ),
  'google-api-key': sized('AI' + 'za', 35, URL_SAFE),
  'google-oauth-access-token': sized('ya' + '29.', 30, URL_SAFE),
  'google-oauth-refresh-token': sized('1/' + '/0', 40, URL_SAFE),
  'google-oauth-client-secret': sized('GOC' + 'SPX-', 28, URL_SAFE),
  'google-service-account-key': pair(
    () => serviceAccountJson(),
    () => serviceAccountJson('authorized_user')
  ),
  'azure-storage-connection-string': pair(
    () =>
      `DefaultEndpointsProtocol=https;AccountName=acct42;AccountKey=${rc(86, B64)}==`,
    () =>
      `DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=${rc(86, B64)}==`
  ),
  'azure-storage-account-key': pair(
    () => `AZURE_STORAGE_KEY=${rc(86, B64)}==`,
    () => `AZURE_STORAGE_KEY=${rc(85, B64)}==`
  ),
  'azure-sas-token': pair(
    () =>
      `https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&se=2030-01-01&sig=${rc(44, ALNUM)}%3D`,
    () =>
      `https://acct.blob.core.windows.net/c/b.txt?sp=r&se=2030-01-01&sig=${rc(44, ALNUM)}%3D`
  ),
  'azure-entra-client-secret': pair(
    () => `${rc(3)}8Q~${rc(34, ALNUM + '_~.-')}`,
    () => `${rc(3)}xQ~${rc(34, ALNUM + '_~.-')}`
  ),
  'azure-devops-pat': pair(
    () => `${rc(76)}AZDO${rc(4)}`,
    () => `${rc(75)}AZDO${rc(4)}`
  ),
  'azure-devops-legacy-pat': keyed(
    'AZURE_DEVOPS_PAT',
    52,
    'abcdefghijklmnopqrstuvwxyz234567'
  ),
  'azure-service-bus-connection-string': pair(
    () =>
      `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${rc(43, B64)}=`,
    () =>
      `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${rc(30, B64)}=`
  ),
  'azure-cosmosdb-connection-string': pair(
    () =>
      `AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=${rc(86, B64)}==;`,
    () =>
      `AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=${rc(80, B64)}==;`
  ),
  'azure-app-configuration-connection-string': pair(
    () =>
      `Endpoint=https://cfg.azconfig.io;Id=Ab1-l0-s0:x;Secret=${rc(43, B64)}=`,
    () =>
      `Endpoint=https://cfg.azconfig.io;Id=Ab1-l0-s0:x;Secret=${rc(20, B64)}=`
  ),
  'azure-openai-api-key': keyed('AZURE_OPENAI_API_KEY', 32, HEXS),
  'digitalocean-personal-access-token': sized('dop_' + 'v1_', 64, HEXS),
  'digitalocean-oauth-token': sized('doo_' + 'v1_', 64, HEXS),
  'digitalocean-refresh-token': sized('dor_' + 'v1_', 64, HEXS),
  'heroku-api-key': sized('HRKU-' + 'AA', 58, URL_SAFE),
  'heroku-legacy-api-key': keyedUuid('HEROKU_API_KEY'),
  'cloudflare-api-token': keyed('CLOUDFLARE_API_TOKEN', 40, URL_SAFE),
  'cloudflare-global-api-key': keyed('CLOUDFLARE_API_KEY', 37, HEXS),
  'cloudflare-origin-ca-key': pair(
    () => p('v1.', '0-', hex(24), '-', hex(146)),
    () => p('v1.', '0-', hex(24), '-', hex(145))
  ),
  'alibaba-access-key-id': pair(
    () => 'LT' + 'AI' + rc(20),
    () => 'LT' + 'AI' + rc(11)
  ),
  'alibaba-access-key-secret': keyed('ALIBABA_CLOUD_ACCESS_KEY_SECRET', 30),
  'tencent-cloud-secret-id': sized('AK' + 'ID', 32),
  'scaleway-access-key': pair(
    () => 'SC' + 'W' + 'A1B' + rc(14, UPDIG),
    () => 'SC' + 'W' + 'A1B' + rc(13, UPDIG)
  ),
  'scaleway-secret-key': keyedUuid('SCW_SECRET_KEY'),
  'ibm-cloud-api-key': keyed('IBM_CLOUD_API_KEY', 44, URL_SAFE),
  'databricks-access-token': sized('da' + 'pi', 32, HEXS),
  'databricks-oauth-secret': sized('do' + 'se', 32, HEXS),
  'flyio-access-token': pair(
    () => 'fo1' + '_' + rc(43, URL_SAFE),
    () => 'fo1' + '_' + rc(39, URL_SAFE)
  ),
  'supabase-personal-access-token': sized('sb' + 'p_', 40, HEXS),
  'supabase-secret-key': pair(
    () => 'sb_' + 'secret_' + rc(31),
    () => 'sb_' + 'secret_' + rc(29)
  ),
  'planetscale-service-token': pair(
    () => 'pscale_' + 'tkn_' + rc(43),
    () => 'pscale_' + 'tkn_' + rc(31)
  ),
  'planetscale-password': pair(
    () => 'pscale_' + 'pw_' + rc(43),
    () => 'pscale_' + 'pw_' + rc(31)
  ),
  'vercel-access-token': keyed('VERCEL_TOKEN', 24),
  'netlify-access-token': pair(
    () => `NETLIFY_AUTH_TOKEN=${rc(43, URL_SAFE)}`,
    () => `NETLIFY_AUTH_TOKEN=${rc(39, URL_SAFE)}`
  ),
  'linode-api-token': keyed('LINODE_TOKEN', 64, HEXS),
  'vultr-api-key': keyed('VULTR_API_KEY', 36, UPDIG),
  'hetzner-cloud-token': keyed('HCLOUD_TOKEN', 64),
  'openshift-user-token': sized('sha256' + '~', 43, URL_SAFE),
  'vault-service-token': pair(
    () => 'hv' + 's.' + rc(90, URL_SAFE),
    () => 'hv' + 's.' + rc(23, URL_SAFE)
  ),
  'vault-batch-token': pair(
    () => 'hv' + 'b.' + rc(140, URL_SAFE),
    () => 'hv' + 'b.' + rc(99, URL_SAFE)
  ),
  'vault-recovery-token': pair(
    () => 'hv' + 'r.' + rc(30, URL_SAFE),
    () => 'hv' + 'r.' + rc(23, URL_SAFE)
  ),
  'terraform-cloud-token': pair(
    () => p(rc(14), '.atlas', 'v1.', rc(67, URL_SAFE)),
    () => p(rc(14), '.atlas', 'v1.', rc(59, URL_SAFE))
  ),
  'pulumi-access-token': sized('pu' + 'l-', 40, HEXS),
  'doppler-token': pair(
    () => 'dp.' + 'pt.' + rc(43),
    () => 'dp.' + 'pt.' + rc(39)
  ),
  'onepassword-service-account-token': pair(
    () => 'ops' + '_eyJ' + rc(200, B64),
    () => 'ops' + '_eyJ' + rc(99, B64)
  ),
  'onepassword-secret-key': pair(
    () =>
      p(
        'A3',
        '-',
        rc(6, UPDIG),
        '-',
        rc(11, UPDIG),
        '-',
        rc(5, UPDIG),
        '-',
        rc(5, UPDIG),
        '-',
        rc(5, UPDIG)
      ),
    () =>
      p(
        'A3',
        '-',
        rc(6, UPDIG),
        '-',
        rc(11, UPDIG),
        '-',
        rc(5, UPDIG),
        '-',
        rc(5, UPDIG),
        '-',
        rc(4, UPDIG)
      )
  ),
  'age-secret-key': pair(ageKey, brokenAge),
  'tailscale-key': pair(
    () => p('tskey-', 'auth-', rc(12), '-', rc(30)),
    () => p('tskey-', 'other-', rc(12), '-', rc(30))
  ),
  'ngrok-authtoken': pair(
    () => `NGROK_AUTHTOKEN=${rc(27)}_${rc(21)}`,
    () => `NGROK_AUTHTOKEN=${rc(27)}`
  ),
  'buildkite-agent-or-api-token': sized('bk' + 'ua_', 40, HEXS),
  'circleci-personal-token': pair(
    () => p('CCI', 'PAT_', rc(22), '_', hex(40)),
    () => p('CCI', 'PAT_', rc(22), '_', hex(39))
  ),
  'sonarqube-token': sized('sq' + 'u_', 40, HEXS),
  'sourcegraph-access-token': pair(
    () => p('sg', 'p_', hex(16), '_', hex(40)),
    () => p('sg', 'p_', hex(39))
  ),
  'jfrog-api-key': sized('AK' + 'Cp', 69),
  'jfrog-reference-token': pair(
    () => 'cmVmdG' + 'tu' + rc(64),
    () => 'cmVmdG' + 'tu' + rc(55)
  ),
  'snyk-api-token': keyedUuid('SNYK_TOKEN'),
  'octopus-deploy-api-key': pair(
    () => 'API' + '-' + 'A1' + rc(24, UPDIG),
    () => 'API' + '-' + 'A1' + rc(23, UPDIG)
  ),
  'harness-access-token': pair(
    () => p('pat.', rc(22, URL_SAFE), '.', hex(24), '.', rc(20)),
    () => p('pat.', rc(22, URL_SAFE), '.', hex(24), '.', rc(19))
  ),
  'infracost-api-key': sized('ico' + '-', 32),
  'launchdarkly-access-token': pair(
    () => `LAUNCHDARKLY_ACCESS_TOKEN=api-${uuid()}`,
    () => `LAUNCHDARKLY_ACCESS_TOKEN=${uuid()}`
  ),
  'openai-api-key': pair(
    () => p('sk-', 'proj-', rc(74, URL_SAFE), OPENAI_MARK, rc(74, URL_SAFE)),
    () => p('sk-', 'proj-', rc(156, URL_SAFE))
  ),
  'openai-admin-key': pair(
    () => p('sk-', 'admin-', rc(60, URL_SAFE), OPENAI_MARK, rc(60, URL_SAFE)),
    () => p('sk-', 'admin-', rc(128, URL_SAFE))
  ),
  'anthropic-api-key': pair(
    () => p('sk-ant-', 'api03-', rc(93, URL_SAFE), 'AA'),
    () => p('sk-ant-', 'api03-', rc(93, URL_SAFE), 'Ab')
  ),
  'anthropic-admin-key': pair(
    () => p('sk-ant-', 'admin01-', rc(93, URL_SAFE), 'AA'),
    () => p('sk-ant-', 'admin01-', rc(93, URL_SAFE), 'Ab')
  ),
  'huggingface-access-token': sized(
    'hf' + '_',
    34,
    'aBcDeFgHiJkLmNoPqRsTuVwXyZ'
  ),
  'huggingface-organization-token': sized(
    'api_' + 'org_',
    34,
    'aBcDeFgHiJkLmNoPqRsTuVwXyZ'
  ),
  'groq-api-key': sized('gs' + 'k_', 52),
  'replicate-api-token': sized('r8' + '_', 37),
  'perplexity-api-key': sized('pplx' + '-', 48),
  'xai-api-key': sized('xa' + 'i-', 80),
  'openrouter-api-key': sized('sk-or-' + 'v1-', 64, HEXS),
  'langsmith-api-key': pair(
    () => p('lsv2_', 'pt_', hex(32), '_', hex(10)),
    () => p('lsv2_', 'pt_', hex(32), '_', hex(9))
  ),
  'pinecone-api-key': pair(
    () => p('pc', 'sk_', rc(5), '_', rc(60)),
    () => p('pc', 'sk_', rc(5), '_', rc(40))
  ),
  'cohere-api-key': keyed('COHERE_API_KEY', 40),
  'mistral-api-key': keyed('MISTRAL_API_KEY', 32),
  'deepseek-api-key': keyed('DEEPSEEK_API_KEY', 32, HEXS, 'sk-'),
  'wandb-api-key': keyed('WANDB_API_KEY', 40, HEXS),
  'elevenlabs-api-key': keyed('ELEVENLABS_API_KEY', 48, HEXS, 'sk_'),
  'together-api-key': pair(
    () => `TOGETHER_API_KEY=${rc(64)}`,
    () => `TOGETHER_API_KEY=${rc(42)}`
  ),
  'assemblyai-api-key': keyed('ASSEMBLYAI_API_KEY', 32, HEXS),
  'deepgram-api-key': keyed('DEEPGRAM_API_KEY', 40, HEXS),
  'voyage-api-key': keyed('VOYAGE_API_KEY', 43, URL_SAFE, 'pa-'),
  'stability-api-key': keyed('STABILITY_API_KEY', 48, ALNUM, 'sk-'),
  'slack-bot-token': pair(
    () => p('xox', 'b-', digits(12), '-', digits(13), '-', rc(24)),
    () => p('xox', 'b-', digits(12), '-', digits(13), '-', rc(23))
  ),
  'slack-user-token': pair(
    () =>
      p(
        'xox',
        'p-',
        digits(12),
        '-',
        digits(12),
        '-',
        digits(12),
        '-',
        hex(32)
      ),
    () =>
      p('xox', 'p-', digits(12), '-', digits(12), '-', digits(12), '-', hex(31))
  ),
  'slack-app-token': pair(
    () => p('xa', 'pp-1-', rc(11, UPDIG), '-', digits(13), '-', hex(64)),
    () => p('xa', 'pp-1-', rc(11, UPDIG), '-', digits(13), '-', hex(63))
  ),
  'slack-config-token': pair(
    () => p('xoxe.', 'xoxp-1-', rc(160)),
    () => p('xoxe.', 'xoxp-1-', rc(139))
  ),
  'slack-config-refresh-token': pair(
    () => p('xo', 'xe-1-', rc(160)),
    () => p('xo', 'xe-1-', rc(139))
  ),
  'slack-legacy-token': pair(
    () => p('xox', 's-', digits(12), '-', rc(40)),
    () => p('xox', 's-', 'ab', '-', rc(40))
  ),
  'slack-webhook-url': pair(
    () =>
      p(
        'https://hooks.',
        'slack.com/services/T',
        rc(10, UPDIG),
        '/B',
        rc(10, UPDIG),
        '/',
        rc(24)
      ),
    () =>
      p(
        'https://hooks.',
        'slack.com/services/T',
        rc(10, UPDIG),
        '/B',
        rc(10, UPDIG),
        '/',
        rc(23)
      )
  ),
  'slack-workflow-webhook-url': pair(
    () =>
      p(
        'https://hooks.',
        'slack.com/workflows/T',
        rc(10, UPDIG),
        '/A',
        rc(10, UPDIG),
        '/',
        digits(18),
        '/',
        rc(32)
      ),
    () =>
      p(
        'https://hooks.',
        'slack.com/workflows/T',
        rc(10, UPDIG),
        '/A',
        rc(10, UPDIG),
        '/',
        digits(18),
        '/',
        rc(31)
      )
  ),
  'twilio-api-key': keyed('TWILIO_API_KEY', 32, HEXS, 'SK'),
  'twilio-auth-token': keyed('TWILIO_AUTH_TOKEN', 32, HEXS),
  'sendgrid-api-key': pair(
    () => p('SG', '.', rc(22, URL_SAFE), '.', rc(43, URL_SAFE)),
    () => p('SG', '.', rc(22, URL_SAFE), '.', rc(42, URL_SAFE))
  ),
  'mailgun-api-key': sized('ke' + 'y-', 32, HEXS),
  'mailgun-private-api-key': pair(
    () => `MAILGUN_API_KEY=${hex(32)}-${hex(8)}-${hex(8)}`,
    () => `MAILGUN_API_KEY=${hex(32)}-${hex(8)}-${hex(7)}`
  ),
  'mailchimp-api-key': pair(
    () => hex(32) + '-us' + '12',
    () => hex(31) + '-us' + '12'
  ),
  'brevo-api-key': pair(
    () => p('xkey', 'sib-', hex(64), '-', rc(16)),
    () => p('xkey', 'sib-', hex(64), '-', rc(15))
  ),
  'postmark-server-token': keyedUuid('POSTMARK_SERVER_TOKEN'),
  'mailersend-api-token': sized('ml' + 'sn.', 64, HEXS),
  'resend-api-key': pair(
    () => p('re', '_', rc(8), '_', rc(24)),
    () => p('re', '_', rc(8), '_', rc(23))
  ),
  'telegram-bot-token': pair(
    () => p(digits(10), ':', 'AA', rc(33, URL_SAFE)),
    () => p(digits(10), ':', 'AA', rc(32, URL_SAFE))
  ),
  'discord-bot-token': pair(
    () => `DISCORD_TOKEN=${discordToken()}`,
    () => `DISCORD_TOKEN=${discordToken('1' + rc(17, LOWER))}`
  ),
  'discord-webhook-url': pair(
    () =>
      p(
        'https://discord.com/api/',
        'webhooks/',
        digits(18),
        '/',
        rc(68, URL_SAFE)
      ),
    () =>
      p(
        'https://discord.com/api/',
        'webhooks/',
        digits(18),
        '/',
        rc(59, URL_SAFE)
      )
  ),
  'microsoft-teams-webhook-url': pair(
    () =>
      p(
        'https://contoso.',
        'webhook.office.com/webhookb2/',
        uuid(),
        '@',
        uuid(),
        '/IncomingWebhook/',
        hex(32),
        '/',
        uuid()
      ),
    () =>
      p(
        'https://contoso.',
        'webhook.office.com/webhookb2/',
        uuid(),
        '@',
        uuid(),
        '/IncomingWebhook/',
        hex(31),
        '/',
        uuid()
      )
  ),
  'azure-logic-app-trigger-url': pair(
    () =>
      p(
        'https://prod-01.westus.',
        'logic.azure.com:443/workflows/',
        hex(32),
        '/triggers/manual/paths/invoke?api-version=2016-06-01&sv=1.0&sig=',
        rc(43, URL_SAFE)
      ),
    () =>
      p(
        'https://prod-01.westus.',
        'logic.azure.com:443/workflows/',
        hex(32),
        '/triggers/manual/paths/invoke?api-version=2016-06-01&sv=1.0&sig=',
        rc(42, URL_SAFE)
      )
  ),
  'intercom-access-token': pair(
    () => `INTERCOM_ACCESS_TOKEN=${'dG9r' + 'Oj'}${rc(50, URL_SAFE)}=`,
    () => `INTERCOM_ACCESS_TOKEN=${rc(56, URL_SAFE)}=`
  ),
  'zendesk-api-token': keyed('ZENDESK_API_TOKEN', 40),
  'mandrill-api-key': keyed('MANDRILL_API_KEY', 22, URL_SAFE),
  'twitter-bearer-token': pair(
    () => `TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${rc(80)}`,
    () => `TWITTER_BEARER_TOKEN=${rc(102)}`
  ),
  'facebook-access-token': pair(
    () => `FACEBOOK_ACCESS_TOKEN=EA${'A'}${rc(150)}`,
    () => `FACEBOOK_ACCESS_TOKEN=EA${'B'}${rc(150)}`
  ),
  'firebase-cloud-messaging-server-key': pair(
    () => p('AAAA', rc(7, URL_SAFE), ':APA', '91b', rc(134, URL_SAFE)),
    () => p('AAAA', rc(7, URL_SAFE), ':APA', '91b', rc(133, URL_SAFE))
  ),
  'vonage-api-secret': keyed('VONAGE_API_SECRET', 16),
  'pusher-app-secret': keyed('PUSHER_APP_SECRET', 20, HEXS),
  'stripe-secret-key': pair(
    () => p('sk_', 'live_', rc(99)),
    () => p('sk_', 'live_', rc(23))
  ),
  'stripe-restricted-key': pair(
    () => p('rk_', 'live_', rc(99)),
    () => p('rk_', 'live_', rc(23))
  ),
  'stripe-test-secret-key': pair(
    () => p('sk_', 'test_', rc(99)),
    () => p('sk_', 'test_', rc(23))
  ),
  'stripe-webhook-secret': sized('wh' + 'sec_', 32),
  'square-access-token': pair(
    () => 'EA' + 'AA' + rc(60, URL_SAFE),
    () => 'EA' + 'AA' + rc(40, URL_SAFE)
  ),
  'square-oauth-secret': sized('sq0' + 'csp-', 43, URL_SAFE),
  'braintree-access-token': pair(
    () => p('access_token$', 'production$', rc(16, LOWDIG), '$', hex(32)),
    () => p('access_token$', 'production$', rc(16, LOWDIG), '$', hex(31))
  ),
  'paypal-client-secret': keyed('PAYPAL_CLIENT_SECRET', 80, URL_SAFE),
  'razorpay-key-secret': keyed('RAZORPAY_KEY_SECRET', 24),
  'flutterwave-secret-key': pair(
    () => p('FLW', 'SECK-', hex(32), '-X'),
    () => p('FLW', 'SECK-', hex(31), '-X')
  ),
  'plaid-secret': keyed('PLAID_SECRET', 30, HEXS),
  'plaid-access-token': pair(
    () => p('access-', 'production-', uuid()),
    () => p('access-', 'sandbox-', uuid())
  ),
  'coinbase-api-secret': pair(
    () => `COINBASE_API_SECRET=${rc(64, B64)}`,
    () => `COINBASE_API_SECRET=${rc(31, B64)}`
  ),
  'adyen-api-key': pair(
    () => `ADYEN_API_KEY=AQ${'E'}${rc(100, B64)}`,
    () => `ADYEN_API_KEY=AQ${'F'}${rc(100, B64)}`
  ),
  'shopify-access-token': sized('shp' + 'at_', 32, HEXS),
  'shopify-shared-secret': sized('shp' + 'ss_', 32, HEXS),
  'shippo-api-token': sized('shippo_' + 'live_', 40, HEXS),
  'easypost-api-key': sized('EZ' + 'AK', 54, HEXS),
  'duffel-api-token': sized('duffel_' + 'live_', 43, URL_SAFE),
  'npm-access-token': pair(npmToken, brokenNpm),
  'pypi-api-token': pair(
    () => pypiToken(),
    () => pypiToken('pypi.com')
  ),
  'rubygems-api-key': sized('rubygems' + '_', 48, HEXS),
  'nuget-api-key': sized('oy' + '2', 43, LOWDIG),
  'docker-hub-access-token': sized('dckr_' + 'pat_', 27, URL_SAFE),
  'docker-hub-organization-token': sized('dckr_' + 'oat_', 32, URL_SAFE),
  'crates-io-api-token': pair(
    () => 'ci' + 'o' + 'A1' + rc(30),
    () => 'ci' + 'o' + 'A1' + rc(29)
  ),
  'packagist-token': sized('packagist_' + 'uut_', 68, HEXS),
  'clojars-deploy-token': sized('CLOJARS' + '_', 60, LOWDIG),
  'hex-pm-api-key': keyed('HEX_API_KEY', 32, HEXS),
  'gradle-plugin-portal-key': keyed('gradle.publish.key', 32),
  'atlassian-api-token': pair(
    () => 'ATATT' + '3' + rc(186, URL_SAFE),
    () => 'ATATT' + '3' + rc(170, URL_SAFE)
  ),
  'atlassian-admin-api-key': pair(
    () => 'ATCTT' + '3' + rc(186, URL_SAFE),
    () => 'ATCTT' + '3' + rc(170, URL_SAFE)
  ),
  'bitbucket-app-password': sized('AT' + 'BB', 32),
  'okta-api-token': keyed('OKTA_API_TOKEN', 40, URL_SAFE, '00'),
  'auth0-client-secret': keyed('AUTH0_CLIENT_SECRET', 64, URL_SAFE),
  'postman-api-key': pair(
    () => p('PM', 'AK-', hex(24), '-', hex(34)),
    () => p('PM', 'AK-', hex(24), '-', hex(33))
  ),
  'linear-api-key': sized('lin_' + 'api_', 40),
  'linear-oauth-token': sized('lin_' + 'oauth_', 64, HEXS),
  'notion-integration-token': pair(
    () => p('nt', 'n_', digits(11), rc(35)),
    () => p('nt', 'n_', digits(11), rc(34))
  ),
  'notion-legacy-token': keyed('NOTION_TOKEN', 43, ALNUM, 'secret_'),
  'airtable-personal-access-token': pair(
    () => `AIRTABLE_PAT=${'pa' + 't'}${rc(14)}.${hex(64)}`,
    () => `AIRTABLE_PAT=${'pa' + 't'}${rc(14)}.${hex(63)}`
  ),
  'hubspot-private-app-token': pair(
    () => p('pat-', 'na1-', uuid()),
    () => p('pat-', 'xx1-', uuid())
  ),
  'asana-personal-access-token': pair(
    () => `ASANA_PAT=1/${digits(16)}:${hex(32)}`,
    () => `ASANA_PAT=1/${digits(16)}:${hex(31)}`
  ),
  'figma-access-token': sized('fig' + 'd_', 40, URL_SAFE),
  'typeform-access-token': pair(
    () => 'tf' + 'p_' + rc(50, URL_SAFE),
    () => 'tf' + 'p_' + rc(43, URL_SAFE)
  ),
  'contentful-management-token': sized('CF' + 'PAT-', 43, URL_SAFE),
  'mapbox-secret-token': pair(
    () => p('sk', '.eyJ', rc(80, URL_SAFE), '.', rc(22, URL_SAFE)),
    () => p('pk', '.eyJ', rc(80, URL_SAFE), '.', rc(22, URL_SAFE))
  ),
  'dropbox-access-token': pair(
    () => 'sl' + '.' + rc(140, URL_SAFE),
    () => 'sl' + '.' + rc(129, URL_SAFE)
  ),
  'clickup-api-token': pair(
    () => p('pk', '_', digits(8), '_', rc(32, UPDIG)),
    () => p('pk', '_', digits(8), '_', rc(31, UPDIG))
  ),
  'readme-api-key': sized('rd' + 'me_', 70, LOWDIG),
  'frameio-api-token': sized('fio-' + 'u-', 64, URL_SAFE),
  'prefect-api-key': sized('pn' + 'u_', 36),
  'algolia-admin-key': pair(
    () => `ALGOLIA_ADMIN_KEY=${hex(32)}`,
    () => `ALGOLIA_SEARCH_KEY=${hex(32)}`
  ),
  'cloudinary-url': pair(
    () => p('cloudinary://', digits(15), ':', rc(27, URL_SAFE), '@democloud'),
    () => p('cloudinary://', digits(15), ':', rc(19, URL_SAFE), '@democloud')
  ),
  'segment-write-key': sized('sg' + 'p_', 64),
  'datadog-api-key': keyed('DD_API_KEY', 32, HEXS),
  'datadog-application-key': keyed('DD_APP_KEY', 40, HEXS),
  'new-relic-user-api-key': sized('NR' + 'AK-', 27, UPDIG),
  'new-relic-insert-key': sized('NR' + 'II-', 32, URL_SAFE),
  'new-relic-browser-key': sized('NR' + 'JS-', 19, HEXS),
  'new-relic-license-key': pair(
    () => hex(36) + 'NR' + 'AL',
    () => hex(35) + 'NR' + 'AL'
  ),
  'dynatrace-api-token': pair(
    () => p('dt0', 'c01.', rc(24, UPDIG), '.', rc(64, UPDIG)),
    () => p('dt0', 'c01.', rc(24, UPDIG), '.', rc(63, UPDIG))
  ),
  'sentry-org-auth-token': pair(
    () => 'sntry' + 's_eyJ' + rc(120, B64),
    () => 'sntry' + 's_eyJ' + rc(50, B64)
  ),
  'sentry-user-auth-token': sized('sntry' + 'u_', 64, HEXS),
  'grafana-cloud-token': pair(
    () => 'gl' + 'c_' + rc(100, B64),
    () => 'gl' + 'c_' + rc(31, B64)
  ),
  'grafana-service-account-token': pair(
    () => p('gl', 'sa_', rc(32), '_', hex(8)),
    () => p('gl', 'sa_', rc(32), '_', hex(7))
  ),
  'grafana-legacy-api-key': pair(
    () => 'eyJrIj' + 'oi' + rc(100),
    () => 'eyJrIj' + 'oi' + rc(69)
  ),
  'pagerduty-api-key': keyed('PAGERDUTY_API_KEY', 20, URL_SAFE),
  'opsgenie-api-key': keyedUuid('OPSGENIE_API_KEY'),
  'rollbar-access-token': keyed('ROLLBAR_ACCESS_TOKEN', 32, HEXS),
  'bugsnag-api-key': keyed('BUGSNAG_AUTH_TOKEN', 32, HEXS),
  'splunk-hec-token': keyedUuid('SPLUNK_HEC_TOKEN'),
  'honeycomb-api-key': keyed('HONEYCOMB_API_KEY', 22),
  'pem-private-key': pair(
    () => pemKey(77),
    () => pemKey(77).split('\n').slice(0, -1).join('\n')
  ),
  'putty-private-key': pair(
    () => puttyKey(),
    () => puttyKey(false)
  ),
  'json-web-token': pair(
    () => `Authorization: Bearer ${jwt()}`,
    () => `Authorization: Bearer ${jwt(-3600)}`
  ),
  'database-url-password': pair(
    () => `DATABASE_URL=postgres://app:${rc(16)}@db.internal:5432/app`,
    () => `DATABASE_URL=postgres://app:password@db.internal:5432/app`
  ),
  'url-basic-auth-password': pair(
    () => `https://deploy:${rc(20)}@registry.internal/repo.git`,
    () => `https://deploy:${rc(20)}@example.com/repo.git`
  ),
  'jdbc-password': pair(
    () =>
      `jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${rc(16)}`,
    () =>
      'jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${DB_PASSWORD}'
  ),
  'ado-net-connection-string-password': pair(
    () =>
      `Server=tcp:db.internal,1433;Database=app;User ID=app;Password=${rc(16)};`,
    () =>
      'Server=tcp:db.internal,1433;Database=app;User ID=app;Password=changeme;'
  ),
  'npmrc-auth-token': pair(
    () => `//registry.internal/:_authToken=${rc(36)}`,
    () => '//registry.internal/:_authToken=${NPM_TOKEN}'
  ),
  'pypirc-password': pair(
    () => `[pypi]\nusername = deploy\npassword = ${rc(30)}\n`,
    () => '[pypi]\nusername = deploy\npassword = <your token>\n',
    '.pypirc'
  ),
  'netrc-password': pair(
    () => `machine api.internal login deploy password ${rc(20)}`,
    () => 'machine api.internal login deploy password xxxxxxxx'
  ),
  'docker-config-auth': pair(
    () =>
      `{"auths":{"registry.internal":{"auth":"${b64('deploy:' + rc(20))}"}}}`,
    () => `{"auths":{"registry.internal":{"auth":"${b64('deploy:')}"}}}`
  ),
  'kubeconfig-user-token': pair(
    () => kubeconfig(rc(60, URL_SAFE)),
    () => kubeconfig(rc(60, URL_SAFE), false)
  ),
  'kubeconfig-client-key': pair(
    () =>
      `    client-key-data: ${b64(`-----BEGIN RSA ${PRIVATE_KEY}-----\n` + rc(120, B64))}`,
    () =>
      `    client-key-data: ${b64('-----BEGIN CERTIFICATE-----\n' + rc(120, B64))}`
  ),
  'generic-secret-assignment': pair(
    () => `const dbPassword = "${rc(18, ALNUM + '!@#%')}7x"`,
    () => `const dbPassword = "${'correct' + 'horsebatterystaple'}"`
  ),
  'generic-config-secret': pair(
    () => `DB_PASSWORD=${rc(18, ALNUM + '!@#%')}7x`,
    () => 'DB_PASSWORD=${DB_PASSWORD}',
    '.env'
  ),
  'kubernetes-secret-manifest': pair(
    () => secretManifest(githubToken(57)),
    () => secretManifest('change' + 'me')
  )
}
