/**
 * AI model providers. OpenAI keys carry the marker `T3BlbkFJ` (base64 of
 * "OpenAI") and Anthropic keys a version tag and a fixed `AA` ending; both
 * are required, so look-alike strings stay quiet.
 */
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const OPENAI_URI = 'https://platform.openai.com/api-keys'
const ANTHROPIC_URI =
  'https://docs.anthropic.com/en/api/admin-api/apikeys/update-api-key'
const TAIL = '[A-Za-z0-9_-]'
const MODEL_GRANTS = 'model API calls billed to the account that owns it'

/** A keyed credential of an AI provider that has no prefix of its own. */
function aiKeyed(
  id: string,
  provider: string,
  names: string,
  keywords: readonly string[],
  body: string,
  helpUri: string
): ProviderCredential {
  return {
    id,
    provider,
    credential: 'API key',
    keywords,
    pattern: keyed(`(?:${names})[\\w-]{0,20}(?:api[_-]?)?(?:key|token)`, body),
    grants: MODEL_GRANTS,
    revoke: `Delete the key in the ${provider} console and create a new one.`,
    helpUri
  }
}

const AI: readonly ProviderCredential[] = [
  {
    id: 'openai-api-key',
    provider: 'OpenAI',
    credential: 'API key (project, service account or user)',
    keywords: ['t3blbkfj'],
    pattern: prefixed(
      'sk-(?:(?:proj|svcacct|None)-)?',
      '[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}',
      TAIL
    ),
    grants: `${MODEL_GRANTS}, and the project’s files and assistants`,
    revoke: 'Delete the key under API keys and create a new one.',
    helpUri: OPENAI_URI,
    validation: 'The `sk-` prefix and the `T3BlbkFJ` marker inside the key.'
  },
  {
    id: 'openai-admin-key',
    provider: 'OpenAI',
    credential: 'admin API key',
    keywords: ['sk-admin-'],
    pattern: prefixed(
      'sk-admin-',
      '[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}',
      TAIL
    ),
    grants: 'managing the organization: members, projects, keys and billing',
    revoke: 'Delete the admin key under Organization settings, Admin keys.',
    helpUri: 'https://platform.openai.com/settings/organization/admin-keys',
    validation: 'The `sk-admin-` prefix and the `T3BlbkFJ` marker.'
  },
  {
    id: 'anthropic-api-key',
    provider: 'Anthropic',
    credential: 'API key',
    keywords: ['sk-ant-api'],
    pattern: prefixed('sk-ant-api0[0-9]-', '[A-Za-z0-9_-]{80,100}AA', TAIL),
    grants: MODEL_GRANTS,
    revoke: 'Disable or delete the key in the Console under API keys.',
    helpUri: ANTHROPIC_URI,
    validation: 'The versioned `sk-ant-api0N-` prefix and the `AA` ending.'
  },
  {
    id: 'anthropic-admin-key',
    provider: 'Anthropic',
    credential: 'admin API key',
    keywords: ['sk-ant-admin'],
    pattern: prefixed('sk-ant-admin0[0-9]-', '[A-Za-z0-9_-]{80,100}AA', TAIL),
    grants: 'managing the organization’s members, workspaces and API keys',
    revoke: 'Delete the admin key in the Console under Admin keys.',
    helpUri: ANTHROPIC_URI,
    validation: 'The versioned `sk-ant-admin0N-` prefix and the `AA` ending.'
  },
  {
    id: 'huggingface-access-token',
    provider: 'Hugging Face',
    credential: 'user access token',
    keywords: ['hf_'],
    pattern: prefixed('hf_', '[A-Za-z]{34}'),
    grants:
      'reading (and with write scope, pushing) its user’s models and datasets',
    revoke: 'Invalidate or delete it under Settings, Access Tokens.',
    helpUri: 'https://huggingface.co/docs/hub/security-tokens',
    check: value => /[A-Z]/.test(value) && /[a-z]/.test(value.slice(3))
  },
  {
    id: 'huggingface-organization-token',
    provider: 'Hugging Face',
    credential: 'organization API token (legacy)',
    keywords: ['api_org_'],
    pattern: prefixed('api_org_', '[A-Za-z]{34}'),
    grants: 'access to the organization’s private repositories',
    revoke: 'Delete it in the organization settings.',
    helpUri: 'https://huggingface.co/docs/hub/security-tokens'
  },
  {
    id: 'groq-api-key',
    provider: 'Groq',
    credential: 'API key',
    keywords: ['gsk_'],
    pattern: prefixed('gsk_', '[A-Za-z0-9]{52}'),
    grants: MODEL_GRANTS,
    revoke: 'Delete it in the GroqCloud console under API Keys.',
    helpUri: 'https://console.groq.com/docs/quickstart'
  },
  {
    id: 'replicate-api-token',
    provider: 'Replicate',
    credential: 'API token',
    keywords: ['r8_'],
    pattern: prefixed('r8_', '[A-Za-z0-9]{37}'),
    grants: `${MODEL_GRANTS}, and its private models`,
    revoke: 'Disable it under Account settings, API tokens.',
    helpUri: 'https://replicate.com/docs/topics/security/api-tokens'
  },
  {
    id: 'perplexity-api-key',
    provider: 'Perplexity',
    credential: 'API key',
    keywords: ['pplx-'],
    pattern: prefixed('pplx-', '[A-Za-z0-9]{48}'),
    grants: MODEL_GRANTS,
    revoke: 'Delete it under Settings, API.',
    helpUri: 'https://docs.perplexity.ai/guides/getting-started'
  },
  {
    id: 'xai-api-key',
    provider: 'xAI',
    credential: 'API key',
    keywords: ['xai-'],
    pattern: prefixed('xai-', '[A-Za-z0-9]{80}'),
    grants: MODEL_GRANTS,
    revoke: 'Delete it in the xAI console under API Keys.',
    helpUri: 'https://docs.x.ai/docs/overview'
  },
  {
    id: 'openrouter-api-key',
    provider: 'OpenRouter',
    credential: 'API key',
    keywords: ['sk-or-v1-'],
    pattern: prefixed('sk-or-v1-', '[a-f0-9]{64}'),
    grants: `${MODEL_GRANTS}, across every routed provider`,
    revoke: 'Delete it under Settings, Keys.',
    helpUri: 'https://openrouter.ai/docs/api-reference/authentication'
  },
  {
    id: 'langsmith-api-key',
    provider: 'LangChain LangSmith',
    credential: 'personal or service API key',
    keywords: ['lsv2_'],
    pattern: prefixed('lsv2_(?:pt|sk)_', '[a-f0-9]{32}_[a-f0-9]{10}'),
    grants: 'reading and writing the workspace’s traces, datasets and prompts',
    revoke: 'Delete it under Settings, API Keys.',
    helpUri:
      'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key'
  },
  {
    id: 'pinecone-api-key',
    provider: 'Pinecone',
    credential: 'API key',
    keywords: ['pcsk_'],
    pattern: prefixed('pcsk_', '[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}'),
    grants: 'reading and writing the project’s vector indexes',
    revoke: 'Delete it in the console under API keys.',
    helpUri: 'https://docs.pinecone.io/guides/projects/manage-api-keys'
  },
  aiKeyed(
    'cohere-api-key',
    'Cohere',
    'cohere',
    ['cohere'],
    '[A-Za-z0-9]{40}',
    'https://docs.cohere.com/docs/rate-limits'
  ),
  aiKeyed(
    'mistral-api-key',
    'Mistral AI',
    'mistral',
    ['mistral'],
    '[A-Za-z0-9]{32}',
    'https://docs.mistral.ai/getting-started/quickstart/'
  ),
  aiKeyed(
    'deepseek-api-key',
    'DeepSeek',
    'deepseek',
    ['deepseek'],
    'sk-[a-f0-9]{32}',
    'https://api-docs.deepseek.com/'
  ),
  aiKeyed(
    'wandb-api-key',
    'Weights & Biases',
    'wandb',
    ['wandb'],
    '[a-f0-9]{40}',
    'https://docs.wandb.ai/support/kb-articles/rotate_api_key/'
  ),
  aiKeyed(
    'elevenlabs-api-key',
    'ElevenLabs',
    'elevenlabs|xi',
    ['elevenlabs', 'xi_api_key', 'xi-api-key'],
    'sk_[a-f0-9]{48}',
    'https://elevenlabs.io/docs/api-reference/authentication'
  ),
  aiKeyed(
    'together-api-key',
    'Together AI',
    'together',
    ['together'],
    '(?:tgp_v1_)?[A-Za-z0-9_-]{43,64}',
    'https://docs.together.ai/reference/authentication-1'
  ),
  aiKeyed(
    'assemblyai-api-key',
    'AssemblyAI',
    'assemblyai|assembly',
    ['assembly'],
    '[a-f0-9]{32}',
    'https://www.assemblyai.com/docs/api-reference/overview'
  ),
  aiKeyed(
    'deepgram-api-key',
    'Deepgram',
    'deepgram',
    ['deepgram'],
    '[a-f0-9]{40}',
    'https://developers.deepgram.com/docs/create-additional-api-keys'
  ),
  aiKeyed(
    'voyage-api-key',
    'Voyage AI',
    'voyage',
    ['voyage'],
    'pa-[A-Za-z0-9_-]{43}',
    'https://docs.voyageai.com/docs/api-key-and-installation'
  ),
  aiKeyed(
    'stability-api-key',
    'Stability AI',
    'stability',
    ['stability'],
    'sk-[A-Za-z0-9]{48}',
    'https://platform.stability.ai/account/keys'
  )
]

export const aiRules = providerRules(AI)
