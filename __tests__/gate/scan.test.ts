import { writeFileSync } from 'node:fs'
import { emptyConfig } from '../../src/settings/config.js'
import { scan } from '../../src/gate/scan.js'
import { allRules } from '../../src/rules/index.js'
import { TempRepo } from '../e2e/harness.js'
import { ssn } from '../helpers/fake-values.js'

const scanDiff = (repo: TempRepo, base: string, head: string) =>
  scan({
    cwd: repo.dir,
    scope: { kind: 'diff', base, head, description: 'test' },
    rules: allRules,
    config: emptyConfig(),
    maxFileBytes: 1024 * 1024
  })

describe('the scan loop', () => {
  let repo: TempRepo
  beforeEach(() => (repo = new TempRepo()))
  afterEach(() => repo.remove())

  it('reports one finding for a patient row, not one per identifier', async () => {
    const base = repo.commit({ 'README.md': 'x\n' })
    const head = repo.commit({
      'test/fixtures/patients.csv':
        'first_name,last_name,date_of_birth,ssn,mrn\n' +
        `Maria,Alvarez,1961-04-12,${ssn(8)},MRN-204816\n`
    })
    const { findings } = await scanDiff(repo, base, head)
    const errors = findings.filter(f => f.severity === 'error')
    expect(errors.map(f => f.ruleId)).toEqual(['phi-record-csv'])
    expect(errors[0]!.line).toBe(2)
  })

  it('reads the added lines of a staged CSV with its header from the index', async () => {
    repo.commit({ 'people.csv': 'first_name,last_name,date_of_birth,ssn\n' })
    repo.write(
      'people.csv',
      'first_name,last_name,date_of_birth,ssn\n' +
        `Ana,Ruiz,1970-02-03,${ssn(12)}\n`
    )
    repo.git('add', 'people.csv')
    const { findings } = await scan({
      cwd: repo.dir,
      scope: { kind: 'staged' },
      rules: allRules,
      config: emptyConfig(),
      maxFileBytes: 1024 * 1024
    })
    expect(findings.map(f => `${f.ruleId}:${f.line}`)).toContain(
      'phi-record-csv:2'
    )
  })

  it('lists a binary file over the cap as not scanned, without reading it all', async () => {
    const base = repo.commit({ 'README.md': 'x\n' })
    const big = Buffer.alloc(3 * 1024 * 1024, 0)
    repo.write('blob.bin', '')
    writeFileSync(`${repo.dir}/blob.bin`, big)
    repo.git('add', '-A')
    repo.git('commit', '-qm', 'bin')
    const head = repo.git('rev-parse', 'HEAD')
    const { stats } = await scanDiff(repo, base, head)
    expect(stats.skipped).toEqual([
      expect.objectContaining({ path: 'blob.bin', reason: 'binary' })
    ])
  })
})
