import { Engine } from '../../../src/engine/engine.js'
import type { Finding } from '../../../src/findings/finding.js'
import { allRules } from '../../../src/rules/index.js'
import { secretRules } from '../../../src/rules/secrets/index.js'
import { SAMPLES } from '../../helpers/credential-samples.js'
import { reseed } from '../../helpers/fake-credentials.js'

const engine = new Engine(allRules)
const ids = secretRules.map(rule => rule.id)
const DEFAULT_PATH = 'config/app.txt'

function scan(id: string, which: 'positive' | 'nearMiss'): Finding[] {
  const samples = SAMPLES[id]!
  reseed(id)
  return engine.scanText(samples.path ?? DEFAULT_PATH, samples[which]())
}

describe('credential rules', () => {
  it('ship at least 150 provider rules plus the generic ones', () => {
    const providers = secretRules.filter(
      rule => rule.provider && !rule.provider.startsWith('Any')
    )
    expect(providers.length).toBeGreaterThanOrEqual(150)
    expect(ids).toEqual(expect.arrayContaining(['generic-secret-assignment']))
  })

  it('have a positive and a near-miss sample each', () => {
    expect(ids.filter(id => SAMPLES[id] === undefined)).toEqual([])
  })

  it.each(ids)('%s reports a value built to its format', id => {
    const findings = scan(id, 'positive')
    expect(findings.map(f => f.ruleId)).toContain(id)
  })

  it.each(ids)('%s stays quiet on its near miss', id => {
    const findings = scan(id, 'nearMiss')
    expect(findings.map(f => f.ruleId)).not.toContain(id)
  })

  it.each(ids)(
    '%s names the provider, what it grants and where to revoke',
    id => {
      const rule = secretRules.find(r => r.id === id)!
      const finding = scan(id, 'positive').find(f => f.ruleId === id)!
      expect(rule.helpUri).toMatch(/^https:\/\//)
      expect(rule.keywords.length).toBeGreaterThan(0)
      expect(finding.message).toMatch(/grant/i)
      expect(finding.message).toMatch(
        /revoke|rotate|delete|change|reset|renew|regenerate|roll|remove|disable|invalidate|replace|uninstall|migrate|generate|refresh/i
      )
      expect(finding.redacted).toMatch(/…\(\d+ chars\)$/)
    }
  )
})
