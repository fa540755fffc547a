import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeJobSummary } from '../../src/report/step-summary.js'
import { leaks, plantedResult } from './gate-result.js'

describe('step summary', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hipaa-gate-summary-'))
  })
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = saved
    rmSync(dir, { recursive: true, force: true })
  })

  it('appends the summary to the file GitHub names, without values', async () => {
    const file = join(dir, 'summary.md')
    writeFileSync(file, 'earlier step\n')
    process.env.GITHUB_STEP_SUMMARY = file
    const { result, planted } = plantedResult()

    await writeJobSummary(result)

    const written = readFileSync(file, 'utf8')
    expect(written.startsWith('earlier step\n## HIPAA Gate\n')).toBe(true)
    expect(written).toContain('❌ **Failed**')
    expect(leaks(written, planted)).toEqual([])
  })
})
