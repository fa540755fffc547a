/** Chat, email, SMS and social platforms: tokens and webhook URLs. */
import { decodeBase64Url } from './checks/jwt.js'
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const SLACK_URI = 'https://api.slack.com/authentication/token-types'
const SLACK_WEBHOOK_URI = 'https://api.slack.com/messaging/webhooks'
const TAIL = '[A-Za-z0-9_-]'
const URL_TAIL = '[A-Za-z0-9_/-]'

/** A Discord token's first part is a user id: base64 of decimal digits. */
function isDiscordToken(value: string): boolean {
  const id = decodeBase64Url(value.slice(0, value.indexOf('.')))
  return id !== undefined && /^[0-9]{17,20}$/.test(id)
}

const MESSAGING: readonly ProviderCredential[] = [
  {
    id: 'slack-bot-token',
    provider: 'Slack',
    credential: 'bot token',
    keywords: ['xoxb-'],
    pattern: prefixed(
      'xoxb-',
      '[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}',
      TAIL
    ),
    grants: 'the bot’s scopes in the workspace: reading and posting messages',
    revoke: 'Revoke it with auth.revoke or reinstall the app to rotate it.',
    helpUri: SLACK_URI
  },
  {
    id: 'slack-user-token',
    provider: 'Slack',
    credential: 'user token',
    keywords: ['xoxp-'],
    pattern: prefixed(
      'xoxp-',
      '[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32}',
      TAIL
    ),
    grants: 'acting as the user who installed the app, within its scopes',
    revoke: 'Revoke it with auth.revoke or remove the app from the workspace.',
    helpUri: SLACK_URI
  },
  {
    id: 'slack-app-token',
    provider: 'Slack',
    credential: 'app-level token',
    keywords: ['xapp-'],
    pattern: prefixed(
      'xapp-',
      '[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{64}',
      TAIL
    ),
    grants: 'Socket Mode connections and the app-level scopes it was given',
    revoke: 'Revoke it under Basic Information, App-Level Tokens.',
    helpUri: SLACK_URI
  },
  {
    id: 'slack-config-token',
    provider: 'Slack',
    credential: 'app configuration access token',
    keywords: ['xoxe.xox'],
    pattern: prefixed('xoxe\\.xox[bp]-', '[0-9]-[A-Za-z0-9]{140,200}', TAIL),
    grants:
      'creating and changing the workspace’s apps through the manifest API',
    revoke: 'Revoke it with tooling.tokens.rotate or on the app config page.',
    helpUri: 'https://api.slack.com/authentication/config-tokens'
  },
  {
    id: 'slack-config-refresh-token',
    provider: 'Slack',
    credential: 'app configuration refresh token',
    keywords: ['xoxe-'],
    pattern: prefixed('xoxe-', '[0-9]-[A-Za-z0-9]{140,200}', TAIL),
    grants: 'new app configuration tokens',
    revoke: 'Rotate it with tooling.tokens.rotate; the old one stops working.',
    helpUri: 'https://api.slack.com/authentication/config-tokens'
  },
  {
    id: 'slack-legacy-token',
    provider: 'Slack',
    credential: 'legacy or workspace token',
    keywords: ['xoxa-', 'xoxo-', 'xoxr-', 'xoxs-'],
    pattern: prefixed('xox[aors]-', '[0-9]{1,13}-[A-Za-z0-9-]{10,100}', TAIL),
    grants: 'broad access to the workspace as its user or app',
    revoke: 'Revoke it with auth.revoke; legacy tokens cannot be renewed.',
    helpUri: SLACK_URI
  },
  {
    id: 'slack-webhook-url',
    provider: 'Slack',
    credential: 'incoming webhook URL',
    keywords: ['hooks.slack.com/services/'],
    pattern: prefixed(
      'https://hooks\\.slack\\.com/services/',
      'T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}',
      URL_TAIL
    ),
    grants: 'posting messages to its channel as the app',
    revoke: 'Remove the webhook under the app’s Incoming Webhooks page.',
    helpUri: SLACK_WEBHOOK_URI
  },
  {
    id: 'slack-workflow-webhook-url',
    provider: 'Slack',
    credential: 'workflow webhook URL',
    keywords: ['hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'],
    pattern: prefixed(
      'https://hooks\\.slack\\.com/(?:workflows|triggers)/',
      'T[A-Z0-9]{8,12}/[A-Z0-9]{8,12}/[0-9]{8,20}/[A-Za-z0-9]{32}',
      URL_TAIL
    ),
    grants: 'starting the workflow with the variables the caller sends',
    revoke: 'Delete and recreate the workflow’s webhook trigger.',
    helpUri: 'https://slack.com/help/articles/360041352714'
  },
  {
    id: 'twilio-api-key',
    provider: 'Twilio',
    credential: 'API key SID',
    keywords: ['twilio'],
    pattern: prefixed('SK', '[0-9a-f]{32}'),
    requires: /twilio/i,
    contextLines: 3,
    grants: 'with its secret, the account’s REST API: calls, messages, numbers',
    revoke: 'Delete the API key under Account, API keys & tokens.',
    helpUri: 'https://www.twilio.com/docs/iam/api-keys'
  },
  {
    id: 'twilio-auth-token',
    provider: 'Twilio',
    credential: 'auth token',
    keywords: ['twilio'],
    pattern: keyed('twilio[\\w-]{0,20}(?:auth[_-]?)?token', '[a-f0-9]{32}'),
    grants: 'everything the account can do through the REST API',
    revoke: 'Rotate it under Account, API keys & tokens, Auth tokens.',
    helpUri: 'https://www.twilio.com/docs/iam/api/authtoken'
  },
  {
    id: 'sendgrid-api-key',
    provider: 'Twilio SendGrid',
    credential: 'API key',
    keywords: ['sg.'],
    pattern: prefixed('SG\\.', '[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', TAIL),
    grants: 'sending email as the account’s verified senders, per its scopes',
    revoke: 'Delete the key under Settings, API Keys.',
    helpUri:
      'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys'
  },
  {
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    credential: 'API key',
    keywords: ['key-'],
    pattern: prefixed('key-', '[0-9a-f]{32}'),
    grants: 'sending email from the account’s domains and reading its logs',
    revoke: 'Delete the key under API Security and create a new one.',
    helpUri:
      'https://documentation.mailgun.com/docs/mailgun/user-manual/api-key-mgmt/rbac-mgmt/'
  },
  {
    id: 'mailgun-private-api-key',
    provider: 'Mailgun',
    credential: 'private API key',
    keywords: ['mailgun'],
    pattern: keyed(
      'mailgun[\\w-]{0,20}(?:api[_-]?)?key',
      '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}'
    ),
    grants: 'sending email from the account’s domains and reading its logs',
    revoke: 'Delete the key under API Security and create a new one.',
    helpUri:
      'https://documentation.mailgun.com/docs/mailgun/user-manual/api-key-mgmt/rbac-mgmt/'
  },
  {
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    credential: 'Marketing API key',
    keywords: ['-us'],
    reach: 40,
    pattern: prefixed('', '[0-9a-f]{32}-us[0-9]{1,2}'),
    grants: 'the account’s audiences (contact data) and campaigns',
    revoke: 'Delete the key under Profile, Extras, API keys.',
    helpUri: 'https://mailchimp.com/help/about-api-keys/'
  },
  {
    id: 'brevo-api-key',
    provider: 'Brevo (Sendinblue)',
    credential: 'API or SMTP key',
    keywords: ['xkeysib-', 'xsmtpsib-'],
    pattern: prefixed('x(?:keysib|smtpsib)-', '[a-f0-9]{64}-[A-Za-z0-9]{16}'),
    grants: 'sending email and reading the account’s contacts',
    revoke: 'Delete the key under SMTP & API settings.',
    helpUri: 'https://help.brevo.com/hc/en-us/articles/209467485'
  },
  {
    id: 'postmark-server-token',
    provider: 'Postmark',
    credential: 'server or account API token',
    keywords: ['postmark'],
    pattern: keyed(
      'postmark[\\w-]{0,20}(?:server|account|api)[\\w-]{0,10}(?:token|key)',
      UUID
    ),
    grants: 'sending email from the server and reading its messages',
    revoke: 'Regenerate the token under the server’s API Tokens tab.',
    helpUri:
      'https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens'
  },
  {
    id: 'mailersend-api-token',
    provider: 'MailerSend',
    credential: 'API token',
    keywords: ['mlsn.'],
    pattern: prefixed('mlsn\\.', '[a-f0-9]{64}'),
    grants: 'sending email from the account’s domains',
    revoke: 'Delete the token under Integrations, API tokens.',
    helpUri: 'https://www.mailersend.com/help/managing-api-tokens'
  },
  {
    id: 'resend-api-key',
    provider: 'Resend',
    credential: 'API key',
    keywords: ['re_'],
    pattern: prefixed('re_', '[A-Za-z0-9]{8}_[A-Za-z0-9]{24}'),
    // 're_' ends many identifiers (are_, store_): only one at a word's
    // start can begin a key, and the key is 36 characters from there.
    wordStart: true,
    reach: 40,
    grants: 'sending email from the account’s domains',
    revoke: 'Delete the key under API Keys.',
    helpUri: 'https://resend.com/docs/dashboard/api-keys/introduction'
  },
  {
    id: 'telegram-bot-token',
    provider: 'Telegram',
    credential: 'bot token',
    keywords: [':aa'],
    reach: 60,
    pattern: prefixed('', '[0-9]{8,10}:AA[A-Za-z0-9_-]{33}', TAIL),
    grants: 'full control of the bot: reading its chats and sending as it',
    revoke: 'Send /revoke to @BotFather for the bot.',
    helpUri: 'https://core.telegram.org/bots/features#botfather'
  },
  {
    id: 'discord-bot-token',
    provider: 'Discord',
    credential: 'bot token',
    keywords: ['discord'],
    pattern: prefixed(
      '',
      '[MNO][A-Za-z0-9_-]{23,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}',
      TAIL
    ),
    contextLines: 5,
    grants: 'acting as the bot in every server it has joined',
    revoke: 'Reset the token under the application’s Bot page.',
    helpUri: 'https://discord.com/developers/docs/topics/oauth2#bots',
    validation: 'The first part decodes to a numeric Discord user id.',
    check: isDiscordToken
  },
  {
    id: 'discord-webhook-url',
    provider: 'Discord',
    credential: 'webhook URL',
    keywords: ['/api/webhooks/'],
    pattern: prefixed(
      'https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/',
      '[0-9]{17,20}/[A-Za-z0-9_-]{60,68}',
      URL_TAIL
    ),
    grants: 'posting messages to its channel',
    revoke: 'Delete the webhook under the channel’s Integrations.',
    helpUri: 'https://support.discord.com/hc/en-us/articles/228383668'
  },
  {
    id: 'microsoft-teams-webhook-url',
    provider: 'Microsoft Teams',
    credential: 'incoming webhook URL',
    keywords: ['webhook.office.com'],
    pattern: prefixed(
      'https://[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2/',
      `${UUID}@${UUID}/IncomingWebhook/[0-9a-f]{32}/${UUID}`,
      URL_TAIL
    ),
    grants: 'posting messages to its channel',
    revoke: 'Remove the connector from the channel’s Connectors settings.',
    helpUri:
      'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook'
  },
  {
    id: 'azure-logic-app-trigger-url',
    provider: 'Azure Logic Apps / Power Automate',
    credential: 'signed trigger URL',
    keywords: ['logic.azure.com'],
    pattern:
      /https:\/\/[a-z0-9.-]{1,100}\.logic\.azure\.com(?::443)?\/workflows\/[0-9a-f]{32}\/triggers\/[^\s"'?]{1,200}\?[^\s"']{0,300}?sig=(?<secret>[A-Za-z0-9_-]{43})/g,
    grants: 'starting the workflow with any payload',
    revoke: 'Regenerate the access keys of the workflow.',
    helpUri:
      'https://learn.microsoft.com/azure/logic-apps/logic-apps-securing-a-logic-app'
  },
  {
    id: 'intercom-access-token',
    provider: 'Intercom',
    credential: 'access token',
    keywords: ['intercom'],
    pattern: keyed(
      'intercom[\\w-]{0,20}(?:access[_-]?)?token',
      'dG9rO[A-Za-z0-9+/_-]{40,60}={0,2}'
    ),
    grants: 'reading and changing the workspace’s contacts and conversations',
    revoke:
      'Regenerate the token in the Developer Hub app’s Authentication page.',
    helpUri:
      'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication'
  },
  {
    id: 'zendesk-api-token',
    provider: 'Zendesk',
    credential: 'API token',
    keywords: ['zendesk'],
    pattern: keyed('zendesk[\\w-]{0,20}(?:api[_-]?)?token', '[A-Za-z0-9]{40}'),
    grants: 'the Support API as any agent of the account',
    revoke: 'Delete the token under Admin Center, Apps and integrations, APIs.',
    helpUri: 'https://support.zendesk.com/hc/en-us/articles/4408889192858'
  },
  {
    id: 'mandrill-api-key',
    provider: 'Mailchimp Transactional (Mandrill)',
    credential: 'API key',
    keywords: ['mandrill'],
    pattern: keyed('mandrill[\\w-]{0,20}(?:api[_-]?)?key', '[A-Za-z0-9_-]{22}'),
    grants: 'sending transactional email from the account',
    revoke: 'Delete the key under Settings, SMTP & API Info.',
    helpUri: 'https://mailchimp.com/developer/transactional/guides/quick-start/'
  },
  {
    id: 'twitter-bearer-token',
    provider: 'X (Twitter)',
    credential: 'app bearer token',
    keywords: ['twitter', 'bearer_token'],
    pattern: keyed(
      '(?:twitter|x)[\\w-]{0,20}bearer[\\w-]{0,10}',
      'A{20,22}[A-Za-z0-9%]{30,120}'
    ),
    grants: 'reading public data through the API as the app',
    revoke: 'Regenerate the bearer token in the developer portal.',
    helpUri:
      'https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens'
  },
  {
    id: 'facebook-access-token',
    provider: 'Meta',
    credential: 'Graph API access token',
    keywords: ['facebook', 'fb_', 'whatsapp', 'instagram', 'meta_'],
    pattern: keyed(
      '(?:facebook|fb|meta|whatsapp|instagram)[\\w-]{0,20}(?:access[_-]?)?token',
      'EAA[A-Za-z0-9]{90,400}'
    ),
    grants:
      'the pages, ad accounts or WhatsApp business account it was issued for',
    revoke:
      'Invalidate it by changing the app secret or removing the app’s permission.',
    helpUri:
      'https://developers.facebook.com/docs/facebook-login/guides/access-tokens'
  },
  {
    id: 'firebase-cloud-messaging-server-key',
    provider: 'Firebase',
    credential: 'Cloud Messaging legacy server key',
    keywords: [':apa91b'],
    pattern: prefixed(
      'AAAA',
      '[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
      TAIL
    ),
    grants: 'sending push notifications to every installation of the app',
    revoke: 'Migrate to the HTTP v1 API and delete the legacy server key.',
    helpUri: 'https://firebase.google.com/docs/cloud-messaging/migrate-v1'
  },
  {
    id: 'vonage-api-secret',
    provider: 'Vonage (Nexmo)',
    credential: 'API secret',
    keywords: ['vonage', 'nexmo'],
    pattern: keyed('(?:vonage|nexmo)[\\w-]{0,20}secret', '[A-Za-z0-9]{16}'),
    grants: 'sending SMS and making calls billed to the account',
    revoke: 'Rotate the secret under API Settings.',
    helpUri: 'https://developer.vonage.com/en/account/secret-management'
  },
  {
    id: 'pusher-app-secret',
    provider: 'Pusher',
    credential: 'Channels app secret',
    keywords: ['pusher'],
    pattern: keyed('pusher[\\w-]{0,20}secret', '[a-f0-9]{20}'),
    grants: 'publishing to and authorizing private channels of the app',
    revoke: 'Create a new key pair under App Keys and delete the old one.',
    helpUri:
      'https://pusher.com/docs/channels/library_auth_reference/auth-signatures/'
  }
]

export const messagingRules = providerRules(MESSAGING)
