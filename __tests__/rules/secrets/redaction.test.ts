import { Engine } from '../../../src/engine/engine.js'
import { allRules } from '../../../src/rules/index.js'
import { secretRules } from '../../../src/rules/secrets/index.js'
import { SAMPLES } from '../../helpers/credential-samples.js'
import { reseed } from '../../helpers/fake-credentials.js'

describe('credential findings', () => {
  it.each(secretRules.map(rule => rule.id))(
    '%s never carries the planted value into its JSON',
    id => {
      const samples = SAMPLES[id]!
      const seen: string[] = []
      const engine = new Engine(allRules, { onValue: v => seen.push(v) })
      reseed(id)
      const findings = engine.scanText(
        samples.path ?? 'config/app.txt',
        samples.positive()
      )
      expect(findings.length).toBeGreaterThan(0)
      expect(seen.length).toBeGreaterThan(0)
      const json = JSON.stringify(findings)
      for (const value of seen) {
        expect(json).not.toContain(value)
        // The redaction may show a public prefix; nothing after it.
        if (value.length >= 12) expect(json).not.toContain(value.slice(4, 12))
      }
    }
  )
})
