import { readFileSync } from 'node:fs'
import { ciConfigRules } from '../../../src/rules/ci-config/index.js'
import { engineFor, scanFile } from './scan.js'

const SAFEGUARDS = [
  '164.312(a)(1)',
  '164.312(b)',
  '164.312(c)(1)',
  '164.312(e)(1)',
  '164.312(e)(2)(ii)'
]

/** Where an example is scanned: workflow YAML for document rules. */
function examplePath(kind: 'text' | 'document'): string {
  return kind === 'document' ? '.github/workflows/example.yml' : 'example.sh'
}

describe('CI configuration rule metadata', () => {
  it.each(ciConfigRules.map(rule => [rule.id, rule] as const))(
    '%s documents itself completely',
    (_id, rule) => {
      expect(rule.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/)
      expect(rule.category).toBe('ci-config')
      expect(SAFEGUARDS).toContain(rule.safeguard)
      expect(rule.summary.length).toBeGreaterThan(10)
      expect(rule.description?.length).toBeGreaterThan(80)
      expect(rule.validation?.length).toBeGreaterThan(10)
      expect(rule.examples?.bad).toBeTruthy()
      expect(rule.examples?.good).toBeTruthy()
    }
  )

  it.each(ciConfigRules.map(rule => [rule.id, rule] as const))(
    '%s reports its bad example and passes its good one',
    (id, rule) => {
      const engine = engineFor(rule)
      const path = examplePath(rule.kind)
      const bad = scanFile(path, rule.examples!.bad, engine)
      const good = scanFile(path, rule.examples!.good, engine)
      expect(bad.map(f => f.ruleId)).toContain(id)
      expect(good).toEqual([])
    }
  )

  it('lists every rule, with its severity and safeguard, in the README', () => {
    const readme = readFileSync(
      new URL('../../../src/rules/ci-config/README.md', import.meta.url),
      'utf8'
    )
    for (const rule of ciConfigRules) {
      const row = readme
        .split('\n')
        .find(line => line.startsWith(`| \`${rule.id}\``))
      expect(row).toContain(rule.severity)
      expect(row).toContain(rule.safeguard)
    }
  })

  it('gives every rule a distinct id', () => {
    const ids = ciConfigRules.map(rule => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
