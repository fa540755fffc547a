import { Engine } from '../../src/engine/engine.js'
import { allRules } from '../../src/rules/index.js'
import { checkRunOutput } from '../../src/report/check-output.js'
import {
  blobUrl,
  escapeMarkdown,
  truncateMarkdown
} from '../../src/report/markdown.js'
import { renderJobSummary } from '../../src/report/summary.js'
import { githubToken } from '../helpers/fake-values.js'
import {
  HEAD_SHA,
  leaks,
  manyFindings,
  plantedResult,
  resultWith
} from './gate-result.js'

describe('job summary', () => {
  it('opens with the verdict and never holds a planted value', () => {
    const { result, planted } = plantedResult()
    const markdown = renderJobSummary(result)
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '## HIPAA Gate',
      '',
      '❌ **Failed**: 4 findings at or above `fail-on: warning` (4 error); 1 suppressed.'
    ])
    expect(leaks(markdown, planted)).toEqual([])
  })

  it('tells a pass with findings below the threshold from a clean pass', () => {
    const { result } = plantedResult()
    const below = renderJobSummary({
      ...result,
      failOn: 'never',
      conclusion: 'success'
    })
    expect(below).toContain(
      '✅ **Passed**: 4 findings below `fail-on: never` (4 error)'
    )
    expect(renderJobSummary(resultWith([]))).toContain(
      '✅ **Passed**: no findings.'
    )
  })

  it('counts only the findings at the threshold as failing it', () => {
    const { result } = plantedResult()
    const findings = result.findings.map((f, i) =>
      i < 2 ? { ...f, severity: 'note' as const } : f
    )
    expect(renderJobSummary(resultWith(findings))).toContain(
      '❌ **Failed**: 2 findings at or above `fail-on: warning` (2 error); ' +
        '2 below it; 1 suppressed.'
    )
  })

  it('counts findings by safeguard and rule', () => {
    const markdown = renderJobSummary(plantedResult().result)
    expect(markdown).toContain(
      '| 164\\.312\\(a\\)\\(1\\) | github\\-classic\\-token | 1 error | 1 |'
    )
    expect(markdown).toContain(
      '| 164\\.514\\(b\\)\\(2\\)\\(i\\)\\(G\\) | us\\-ssn | 1 error | 1 |'
    )
  })

  it('links each finding to its file and line at the head commit', () => {
    const markdown = renderJobSummary(plantedResult().result, {
      serverUrl: 'https://ghe.example.com/'
    })
    expect(markdown).toContain(
      `](https://ghe.example.com/acme/clinic-portal/blob/${HEAD_SHA}/deploy/aws.env#L2)`
    )
  })

  it('says what was scanned and what was not scanned as text', () => {
    const markdown = renderJobSummary(plantedResult().result)
    expect(markdown).toContain('- 5 files, 25 lines, 2.0 KiB')
    expect(markdown).toContain(
      '- Time: 46 ms (source 12 ms, scan 30 ms, report 4 ms)'
    )
    expect(markdown).toContain('### Not scanned as text (1)')
    expect(markdown).toContain('| assets/logo\\.png | binary, 5.0 KiB |')
  })

  it('lists suppressions with how and why', () => {
    const markdown = renderJobSummary(plantedResult().result)
    expect(markdown).toContain('### Suppressed (1)')
    expect(markdown).toMatch(/\| inline marker \| revoked in INC\\-7 \|/)
  })

  it('lists verified and unverified artifacts with their signer', () => {
    const markdown = renderJobSummary(
      resultWith([], {
        artifacts: [
          {
            path: 'dist/app.tgz',
            digests: { sha256: 'ab'.repeat(32) },
            signer: { issuer: 'https://token.actions.githubusercontent.com' },
            verified: true
          },
          { path: 'dist/<b>x.tgz', digests: {}, verified: false }
        ]
      })
    )
    expect(markdown).toContain('### Artifacts (2)')
    expect(markdown).toContain(
      '| dist/app\\.tgz | ✅ verified | `abababababababab` | issuer: https\\:'
    )
    expect(markdown).toContain(
      '| dist/&lt;b&gt;x\\.tgz | ❌ not verified |  |  |'
    )
  })

  it('notes annotations GitHub did not show', () => {
    const markdown = renderJobSummary(plantedResult().result, {
      annotationsNotShown: {
        counts: { failure: 14, warning: 0 },
        reason: 'step-limit'
      }
    })
    expect(markdown).toContain(
      'GitHub shows at most 10 annotations of each level per step: 14 failure annotations are not shown'
    )
  })

  it('keeps a hostile file name from injecting markup or links', () => {
    const name = 'x](https://evil.example)|<img src=x onerror=alert(1)>`*_.ts'
    const findings = new Engine(allRules).scanText(name, githubToken(4))
    const markdown = renderJobSummary(resultWith(findings))
    expect(markdown).not.toContain('<img')
    expect(markdown).not.toContain('](https://evil')
    expect(markdown).toContain('&lt;img')
    // The link target is the encoded path, a single URL without spaces.
    expect(markdown).toContain(
      '/blob/' +
        HEAD_SHA +
        '/x%5D%28https%3A//evil.example%29%7C%3Cimg%20src%3Dx'
    )
  })

  it('lists a bounded number of rows and says how many more there are', () => {
    const { findings } = manyFindings(30)
    const markdown = renderJobSummary(resultWith(findings), { maxRows: 10 })
    expect(markdown).toContain('_20 more findings are not listed here')
  })

  it('cuts a summary over the size limit at a line, with a note', () => {
    const { findings } = manyFindings(200)
    const markdown = renderJobSummary(resultWith(findings), { maxLength: 5000 })
    expect(markdown.length).toBeLessThanOrEqual(5000)
    expect(markdown).toMatch(/_The summary was cut here: \d{1,9} more lines/)
  })
})

describe('check run output', () => {
  it('keeps title, summary and text within the Checks API limits', () => {
    const { findings, planted } = manyFindings(1200)
    const output = checkRunOutput(resultWith(findings))
    expect(output.title).toBe('Failed: 1200 findings')
    expect(output.summary.length).toBeLessThanOrEqual(65_535)
    expect(output.text.length).toBeLessThanOrEqual(65_535)
    expect(output.text).toContain('_Truncated:')
    expect(leaks(JSON.stringify(output), planted)).toEqual([])
  })
})

describe('markdown helpers', () => {
  it('escapes every character that could start markup', () => {
    expect(escapeMarkdown('a*b_c [d](e) <f> & g|h\n@i')).toBe(
      'a\\*b\\_c \\[d\\]\\(e\\) &lt;f&gt; &amp; g\\|h \\@i'
    )
  })

  it('encodes the path of a blob link segment by segment', () => {
    expect(
      blobUrl({
        serverUrl: 'https://github.com',
        repository: 'o/r',
        sha: 'abc',
        path: 'dir with space/(x)#1.ts',
        line: 7
      })
    ).toBe(
      'https://github.com/o/r/blob/abc/dir%20with%20space/%28x%29%231.ts#L7'
    )
  })

  it('truncates at a line boundary and leaves the note within the limit', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n')
    const cut = truncateMarkdown(text, 200, n => `(${n} cut)`)
    expect(cut.length).toBeLessThanOrEqual(200)
    expect(cut).toMatch(/line \d{1,9}\n\n\(\d{1,9} cut\)$/)
    expect(truncateMarkdown('short', 200, () => 'x')).toBe('short')
  })
})
