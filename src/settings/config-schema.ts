/**
 * The JSON Schema of `.github/hipaa-gate.yml`. Unknown keys are errors: a
 * misspelt `ignore-path` that silently did nothing would hide findings.
 */
export const SEVERITY_OR_OFF = ['error', 'warning', 'note', 'off'] as const

const pathIgnore = {
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'reason'],
      properties: {
        path: { type: 'string', minLength: 1 },
        reason: { type: 'string', minLength: 1 }
      }
    }
  ]
}

export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'HIPAA Gate configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    'fail-on': { enum: ['error', 'warning', 'note', 'never'] },
    baseline: { type: 'string', minLength: 1 },
    'ignore-paths': { type: 'array', items: pathIgnore },
    'max-file-bytes': { type: 'integer', minimum: 1024 },
    'ci-config': {
      type: 'object',
      additionalProperties: false,
      properties: {
        'trusted-action-owners': {
          type: 'array',
          items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,38}$' }
        }
      }
    },
    rules: {
      type: 'object',
      additionalProperties: {
        oneOf: [
          { enum: [...SEVERITY_OR_OFF] },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              severity: { enum: [...SEVERITY_OR_OFF] },
              'ignore-paths': { type: 'array', items: pathIgnore }
            }
          }
        ]
      }
    }
  }
} as const
