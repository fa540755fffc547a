/**
 * Microsoft Azure and Entra ID credentials: storage keys and the connection
 * strings that carry them, SAS URLs, client secrets, DevOps tokens.
 */
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const STORAGE_URI =
  'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage'
const ACCOUNT_KEY = '[A-Za-z0-9+/]{86}=='

const AZURE: readonly ProviderCredential[] = [
  {
    id: 'azure-storage-connection-string',
    provider: 'Azure',
    credential: 'storage account connection string',
    keywords: ['defaultendpointsprotocol'],
    // The emulator's account (devstoreaccount1) has a published key.
    pattern: new RegExp(
      'DefaultEndpointsProtocol=https?;AccountName=(?!devstoreaccount1;)' +
        `[a-z0-9]{3,24};AccountKey=(?<secret>${ACCOUNT_KEY})`,
      'gi'
    ),
    grants: 'full control of every blob, file, queue and table in the account',
    revoke:
      'Rotate the account key it names (Security + networking, Access ' +
      'keys) and move clients to Entra ID authentication.',
    helpUri: STORAGE_URI,
    minEntropy: 4
  },
  {
    id: 'azure-storage-account-key',
    provider: 'Azure',
    credential: 'storage account key',
    keywords: ['accountkey', 'account_key', 'storage_key', 'storagekey'],
    // Inside a connection string (after `;`) the rule above reports it.
    pattern: new RegExp(
      '(?<![;\\w])(?:azure[\\w-]{0,20})?(?:storage[_-]?)?(?:account[_-]?key|' +
        'storage[_-]?key)["\'`]{0,2}\\s{0,4}[=:]\\s{0,4}["\'`]?' +
        `(?<secret>${ACCOUNT_KEY})`,
      'gi'
    ),
    grants: 'full control of every blob, file, queue and table in the account',
    revoke: 'Rotate the key under Security + networking, Access keys.',
    helpUri: STORAGE_URI,
    minEntropy: 4
  },
  {
    id: 'azure-sas-token',
    provider: 'Azure',
    credential: 'shared access signature (SAS) URL',
    keywords: ['sig='],
    pattern: /[?&]sig=(?<secret>[A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})/gi,
    requires: /[?&]sv=\d{4}-\d{2}-\d{2}/,
    grants:
      'the permissions (sp=) on the resources it names until its expiry (se=)',
    revoke:
      'Rotate the account key that signed it, or revoke the stored access ' +
      'policy or user delegation key it depends on.',
    helpUri:
      'https://learn.microsoft.com/azure/storage/common/storage-sas-overview',
    validation: 'A `sig=` signature in a URL that also has a `sv=` version.'
  },
  {
    id: 'azure-entra-client-secret',
    provider: 'Microsoft Entra ID',
    credential: 'application client secret',
    keywords: ['q~'],
    reach: 50,
    pattern: new RegExp(
      '(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}[0-9]Q~' +
        '[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])',
      'g'
    ),
    grants:
      'signing in as the application with every API permission it was granted',
    revoke:
      'Delete the secret under App registrations, Certificates & secrets, ' +
      'and prefer a certificate or federated credential.',
    helpUri:
      'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials'
  },
  {
    id: 'azure-devops-pat',
    provider: 'Azure DevOps',
    credential: 'personal access token',
    keywords: ['azdo'],
    reach: 100,
    pattern: prefixed('', '[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}'),
    grants: 'Azure DevOps access as its user within the scopes chosen',
    revoke: 'Revoke it under User settings, Personal access tokens.',
    helpUri:
      'https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate'
  },
  {
    id: 'azure-devops-legacy-pat',
    provider: 'Azure DevOps',
    credential: 'personal access token (52-character form)',
    keywords: ['devops', 'azdo', 'ado_'],
    pattern: keyed(
      '(?:azure[_-]?devops|azdo|ado)[\\w-]{0,12}(?:pat|token)',
      '[a-z2-7]{52}'
    ),
    grants: 'Azure DevOps access as its user within the scopes chosen',
    revoke: 'Revoke it under User settings, Personal access tokens.',
    helpUri:
      'https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate'
  },
  {
    id: 'azure-service-bus-connection-string',
    provider: 'Azure',
    credential: 'Service Bus, Event Hubs or IoT Hub shared access key',
    keywords: ['sharedaccesskey='],
    pattern:
      /SharedAccessKeyName=[^;\s"']{1,100};SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42,44}={0,2})/gi,
    grants: 'the send, listen or manage rights of the named access policy',
    revoke: 'Regenerate the policy’s keys under Shared access policies.',
    helpUri:
      'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas',
    minEntropy: 4
  },
  {
    id: 'azure-cosmosdb-connection-string',
    provider: 'Azure',
    credential: 'Cosmos DB account key',
    keywords: ['accountendpoint='],
    pattern: new RegExp(
      'AccountEndpoint=https://[a-z0-9.-]{1,100}\\.documents\\.azure\\.com' +
        `[:0-9/]{0,10};AccountKey=(?<secret>${ACCOUNT_KEY})`,
      'gi'
    ),
    grants: 'full read and write access to every database in the account',
    revoke: 'Rotate the primary or secondary key under Keys.',
    helpUri:
      'https://learn.microsoft.com/azure/cosmos-db/database-security#primary-keys',
    minEntropy: 4
  },
  {
    id: 'azure-app-configuration-connection-string',
    provider: 'Azure',
    credential: 'App Configuration access key',
    keywords: ['.azconfig.io'],
    pattern:
      /Endpoint=https:\/\/[a-z0-9-]{1,60}\.azconfig\.io;Id=[^;\s"']{1,60};Secret=(?<secret>[A-Za-z0-9+/]{40,60}={0,2})/gi,
    grants: 'reading (and with a read-write key, changing) every setting',
    revoke: 'Regenerate the key under Access settings.',
    helpUri:
      'https://learn.microsoft.com/azure/azure-app-configuration/howto-disable-access-key-authentication',
    minEntropy: 4
  },
  {
    id: 'azure-openai-api-key',
    provider: 'Azure OpenAI',
    credential: 'API key',
    keywords: ['azure_openai', 'azureopenai', 'azure-openai'],
    pattern: keyed('azure[_-]?openai[\\w-]{0,20}key', '[a-f0-9]{32}'),
    grants: 'calling the deployed models, billed to the resource',
    revoke: 'Regenerate the key under Resource Management, Keys and Endpoint.',
    helpUri:
      'https://learn.microsoft.com/azure/ai-services/authentication#rotate-keys'
  }
]

export const azureRules = providerRules(AZURE)
