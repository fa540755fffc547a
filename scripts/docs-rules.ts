/**
 * Writes docs/rules/ from the metadata of every rule the gate ships.
 *
 *   npm run docs:rules
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DOCUMENTED_RULES, formattedRuleDocs } from './docs/render-rules.js'

const DIR = resolve(import.meta.dirname, '..', 'docs', 'rules')

const files = await formattedRuleDocs(DOCUMENTED_RULES, DIR)
mkdirSync(DIR, { recursive: true })
for (const [name, content] of files) writeFileSync(join(DIR, name), content)
console.log(
  `Wrote ${files.size} pages for ${DOCUMENTED_RULES.length} rules to docs/rules/`
)
