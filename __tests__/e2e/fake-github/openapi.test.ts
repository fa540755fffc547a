import { Ajv } from 'ajv'
import { findOperation, responseProblems, toJsonSchema } from './openapi.js'

describe("GitHub's OpenAPI description", () => {
  it('matches requests to operations, literal segments first', () => {
    expect(findOperation('PATCH', '/repos/o/r/check-runs/12')).toMatchObject({
      operation: { operationId: 'checks/update' },
      params: { owner: 'o', repo: 'r', check_run_id: '12' }
    })
    expect(
      findOperation('GET', '/repos/o/r/check-runs/12/annotations')?.operation
        .operationId
    ).toBe('checks/list-annotations')
    expect(findOperation('DELETE', '/repos/o/r/check-runs/12')).toBeUndefined()
  })

  it('turns nullable and component references into JSON Schema', () => {
    const schema = toJsonSchema({
      type: 'object',
      properties: {
        when: { type: 'string', nullable: true, example: 'x' },
        level: { type: 'string', enum: ['a'], nullable: true },
        app: { $ref: '#/components/schemas/nullable-integration' }
      }
    })
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(
      schema
    )
    expect(validate({ when: null, level: null, app: null })).toBe(true)
    expect(validate({ when: 3 })).toBe(false)
    expect(schema.definitions).toHaveProperty(['nullable-integration'])
  })

  it('refuses a check run answer that lacks required fields', () => {
    const create = findOperation('POST', '/repos/o/r/check-runs')!.operation
    expect(responseProblems(create, 201, { name: 'x' })).toMatch(
      /must have required property 'id'/
    )
  })
})
