import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ciConfigRules } from '../../../src/rules/ci-config/index.js'
import { isActionsPath } from '../../../src/rules/ci-config/paths.js'
import { readWorkflow } from '../../../src/rules/ci-config/workflow.js'
import {
  FIXTURES,
  caseFiles,
  expectedFindings,
  folders,
  scanCase
} from './fixture-cases.js'

const RULES = join(FIXTURES, 'rules')
const WORKFLOWS = join(FIXTURES, 'workflows')

const allCases = [
  ...folders(RULES).flatMap(id => ['bad', 'good'].map(c => join(RULES, id, c))),
  ...folders(WORKFLOWS).map(name => join(WORKFLOWS, name))
]

describe('CI configuration rule fixtures', () => {
  // A workflow that does not parse yields no findings, which would make a
  // good case pass for the wrong reason.
  it('holds only workflow files that parse', () => {
    const unreadable = allCases.flatMap(folder =>
      caseFiles(folder)
        .filter(isActionsPath)
        .filter(path => {
          const text = readFileSync(join(folder, path), 'utf8')
          const document = { path, text, fullScan: true, isChanged: () => true }
          return readWorkflow(document) === undefined
        })
        .map(path => `${folder}/${path}`)
    )
    expect(unreadable).toEqual([])
  })

  it.each(ciConfigRules.map(rule => rule.id))(
    'has a bad and a good case for %s',
    id => {
      expect(existsSync(join(RULES, id, 'bad', 'expected.txt'))).toBe(true)
      expect(existsSync(join(RULES, id, 'good', 'expected.txt'))).toBe(true)
    }
  )

  describe.each(folders(RULES))('%s', id => {
    it('reports the bad case on exactly the expected lines', () => {
      const folder = join(RULES, id, 'bad')
      const found = scanCase(folder)
      expect(found).toEqual(expectedFindings(folder))
      expect(found.some(line => line.endsWith(` ${id}`))).toBe(true)
    })

    it('passes the good case', () => {
      const folder = join(RULES, id, 'good')
      const found = scanCase(folder)
      expect(found).toEqual(expectedFindings(folder))
      expect(found.filter(line => line.endsWith(` ${id}`))).toEqual([])
    })
  })
})

describe('realistic workflows', () => {
  it.each(folders(WORKFLOWS))(
    '%s produces exactly the expected findings',
    name => {
      const folder = join(WORKFLOWS, name)
      expect(scanCase(folder)).toEqual(expectedFindings(folder))
    }
  )
})
