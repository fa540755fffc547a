/**
 * GitHub's published REST API description (from `@octokit/openapi`), turned
 * into request matchers and ajv validators. The description is 13 MB, so it
 * is read once per process, and only the schemas an operation uses are
 * converted and compiled, once each.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

type Json = Record<string, unknown>

/** One operation of the description: a method on a path template. */
export interface Operation {
  readonly method: string
  readonly template: string
  readonly operationId: string
  readonly spec: Json
  readonly pattern: RegExp
  readonly paramNames: readonly string[]
}

interface Description {
  readonly components: Json
  readonly operations: readonly Operation[]
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options']

let description: Description | undefined

function load(): Description {
  if (description) return description
  const require = createRequire(import.meta.url)
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, Json>>
    components: Json
  }
  const operations: Operation[] = []
  for (const [template, item] of Object.entries(doc.paths)) {
    const paramNames: string[] = []
    const source = template
      .split(/(\{[^}/]{1,64}\})/)
      .map(part => {
        if (part.startsWith('{')) {
          paramNames.push(part.slice(1, -1))
          return '([^/]{1,1024})'
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('')
    const pattern = new RegExp(`^${source}$`)
    for (const method of METHODS) {
      const spec = item[method]
      if (!spec) continue
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: String(spec.operationId),
        spec,
        pattern,
        paramNames
      })
    }
  }
  // Literal segments beat parameters: `/a/annotations` before `/a/{id}`.
  operations.sort((a, b) => a.paramNames.length - b.paramNames.length)
  description = { components: doc.components, operations }
  return description
}

/** The operation a request addresses, and its path parameters. */
export function findOperation(
  method: string,
  path: string
): { operation: Operation; params: Record<string, string> } | undefined {
  for (const operation of load().operations) {
    if (operation.method !== method) continue
    const match = operation.pattern.exec(path)
    if (!match) continue
    const params: Record<string, string> = {}
    operation.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1]!)
    })
    return { operation, params }
  }
  return undefined
}

/** Resolves a `#/components/...` reference to the object it names. */
export function resolveRef(ref: string): Json {
  const parts = ref.replace(/^#\/components\//, '').split('/')
  let node: unknown = load().components
  for (const part of parts) node = (node as Json)[part]
  if (!node) throw new Error(`Unresolvable reference ${ref} in the description`)
  return node as Json
}

// Formats ajv-formats checks; others in the description (int64, repo.nwo…)
// are documentation and are dropped.
const CHECKED_FORMATS = new Set(['date-time', 'uri', 'email', 'date'])
const DROPPED = new Set([
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs'
])

/**
 * Turns an OpenAPI 3.0 schema into JSON Schema (draft-07): `nullable`
 * becomes a `null` type, and component references become `definitions`
 * gathered into the returned root.
 */
export function toJsonSchema(schema: Json): Json {
  const definitions: Json = {}
  const pending: string[] = []
  const convert = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(convert)
    if (node === null || typeof node !== 'object') return node
    const source = node as Json
    if (typeof source.$ref === 'string') {
      const name = source.$ref.replace(/^#\/components\/schemas\//, '')
      if (!(name in definitions)) {
        definitions[name] = true
        pending.push(name)
      }
      return { $ref: `#/definitions/${name}` }
    }
    const out: Json = {}
    for (const [key, value] of Object.entries(source)) {
      if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable')
        continue
      if (key === 'format' && !CHECKED_FORMATS.has(String(value))) continue
      if (key === 'properties' || key === 'patternProperties') {
        out[key] = Object.fromEntries(
          Object.entries(value as Json).map(([k, v]) => [k, convert(v)])
        )
      } else out[key] = convert(value)
    }
    if (source.nullable !== true) return out
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null']
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null]
      return out
    }
    return { anyOf: [out, { type: 'null' }] }
  }
  const root = convert(schema) as Json
  while (pending.length > 0) {
    const name = pending.pop()!
    definitions[name] = convert(resolveRef(`#/components/schemas/${name}`))
  }
  return { ...root, definitions }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }))
const compiled = new Map<string, ValidateFunction>()

/** A validator for `schema`, compiled once per `key`. */
export function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = compiled.get(key)
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema))
    compiled.set(key, validate)
  }
  return validate
}

/** ajv's errors as one readable line. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map(e => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ')
}

/** The JSON schema of an operation's request body, if it takes one. */
export function requestBodySchema(operation: Operation): Json | undefined {
  let body = operation.spec.requestBody as Json | undefined
  if (body && typeof body.$ref === 'string') body = resolveRef(body.$ref)
  const content = body?.content as Record<string, Json> | undefined
  return content?.['application/json']?.schema as Json | undefined
}

/** Whether the operation requires a body. */
export function requiresBody(operation: Operation): boolean {
  return (operation.spec.requestBody as Json | undefined)?.required === true
}

/** The JSON schema of the operation's response with `status`, if any. */
export function responseSchema(
  operation: Operation,
  status: number
): Json | undefined {
  const responses = operation.spec.responses as Record<string, Json>
  let response = responses[String(status)]
  if (!response) return undefined
  if (typeof response.$ref === 'string') response = resolveRef(response.$ref)
  const content = response.content as Record<string, Json> | undefined
  return content?.['application/json']?.schema as Json | undefined
}

/** The schema of each path parameter the operation declares. */
export function pathParameterSchemas(operation: Operation): Map<string, Json> {
  const schemas = new Map<string, Json>()
  for (const raw of (operation.spec.parameters as Json[] | undefined) ?? []) {
    const param = typeof raw.$ref === 'string' ? resolveRef(raw.$ref) : raw
    if (param.in === 'path') {
      schemas.set(String(param.name), param.schema as Json)
    }
  }
  return schemas
}

/**
 * What is wrong with `body` as the operation's answer with `status`, or
 * undefined when it matches (or the operation declares no such answer).
 */
export function responseProblems(
  operation: Operation,
  status: number,
  body: unknown
): string | undefined {
  const schema = responseSchema(operation, status)
  if (!schema) return undefined
  const validate = validatorFor(`${operation.operationId}#${status}`, schema)
  return validate(body) ? undefined : describeErrors(validate)
}
