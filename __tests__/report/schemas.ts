/**
 * Validators for the published schemas the reports must satisfy, compiled
 * with the JSON Schema draft each schema declares.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { ValidateFunction } from 'ajv'

const require = createRequire(import.meta.url)
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}

/**
 * The SARIF 2.1.0 schema as the SARIF SDK's multitool packages ship it
 * (`sarif-2.1.0.json`, JSON Schema 2020-12): no npm package ships OASIS's
 * `sarif-schema-2.1.0.json` file itself.
 */
export function sarifValidator(): ValidateFunction {
  const platform = process.platform === 'win32' ? 'win32' : process.platform
  const schema = readJson(
    require.resolve(`@microsoft/sarif-multitool-${platform}/sarif-2.1.0.json`)
  )
  if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema') {
    throw new Error(`Unexpected SARIF schema draft ${String(schema.$schema)}`)
  }
  return addFormats(new Ajv2020({ strict: false, allErrors: true })).compile(
    schema
  )
}

/** The JSON audit record's schema in docs/, JSON Schema 2020-12. */
export function reportValidator(): ValidateFunction {
  const schema = readJson(
    new URL('../../docs/report.schema.json', import.meta.url).pathname
  )
  return addFormats(new Ajv2020({ strict: true, allErrors: true })).compile(
    schema
  )
}

/** ajv's errors, for a failing expectation to show. */
export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '/'} ${e.message ?? ''}`
  )
}
