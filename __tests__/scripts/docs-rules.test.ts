import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  DOCUMENTED_RULES,
  formattedRuleDocs,
  renderRuleDocs
} from '../../scripts/docs/render-rules.js'

const DIR = resolve(import.meta.dirname, '..', '..', 'docs', 'rules')

describe('the rule reference in docs/rules', () => {
  const fresh = renderRuleDocs(DOCUMENTED_RULES)

  it('equals a fresh generation (run `npm run docs:rules` if not)', async () => {
    const formatted = await formattedRuleDocs(DOCUMENTED_RULES, DIR)
    const committed = new Map(
      (existsSync(DIR) ? readdirSync(DIR) : [])
        .filter(name => name.endsWith('.md'))
        .map(name => [name, readFileSync(join(DIR, name), 'utf8')])
    )
    expect([...committed.keys()].sort()).toEqual([...formatted.keys()].sort())
    for (const [name, content] of formatted) {
      expect({ name, content: committed.get(name) }).toEqual({ name, content })
    }
  })

  it('lists every rule with its id, severity and safeguard', () => {
    const index = fresh.get('README.md')!
    for (const rule of DOCUMENTED_RULES) {
      expect(index).toContain(
        `| [\`${rule.id}\`](${rule.category}.md#${rule.id}) | ${rule.category} | ${rule.severity} | ${rule.safeguard} |`
      )
      expect(fresh.get(`${rule.category}.md`)).toContain(`## \`${rule.id}\``)
    }
  })
})
