// The issue asks that this repository's own workflows pass every rule.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { activeFindings } from '../../../src/findings/finding.js'
import { scanFile } from './scan.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const WORKFLOWS = join(ROOT, '.github', 'workflows')

const files = [
  ...(existsSync(WORKFLOWS)
    ? readdirSync(WORKFLOWS)
        .filter(name => /\.ya?ml$/.test(name))
        .map(name => `.github/workflows/${name}`)
    : []),
  ...['action.yml', 'action.yaml'].filter(name => existsSync(join(ROOT, name)))
]

describe("this repository's workflows", () => {
  // Skipped, visibly, until the repository has workflows of its own.
  const test = files.length > 0 ? it.each(files) : it.skip.each(['(none)'])
  test('%s passes every CI configuration rule', path => {
    const text = readFileSync(join(ROOT, path), 'utf8')
    const findings = activeFindings(scanFile(path, text))
    expect(findings.map(f => `${f.ruleId} ${f.line}:${f.column}`)).toEqual([])
  })
})
