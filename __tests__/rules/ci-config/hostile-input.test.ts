// Inputs built to make a careless scanner quadratic or crash it. Their
// cost is measured by `npm run bench:ci-config`; here the results are
// checked, so a fix for speed cannot quietly change what is found.
import { MAX_MATCHES_PER_LINE } from '../../../src/rules/ci-config/matches.js'
import { plaintextPackageUrl } from '../../../src/rules/ci-config/plaintext-urls.js'
import { scanFile } from './scan.js'

const PATH = '.github/workflows/big.yml'

describe('CI configuration rules on hostile input', () => {
  it('reports every job of a very large workflow on its own line', () => {
    const jobs = Array.from(
      { length: 1000 },
      (_, i) =>
        `  job${i}:\n    runs-on: ubuntu-latest\n    steps:\n` +
        `      - uses: some-org/tool@v1\n`
    )
    const text = 'on: push\npermissions: {}\njobs:\n' + jobs.join('')
    const findings = scanFile(PATH, text)
    expect(findings).toHaveLength(1000)
    expect(findings[999]).toMatchObject({
      ruleId: 'action-not-pinned-to-sha',
      line: 3 + 999 * 4 + 4
    })
  })

  it('still finds an injection after many expressions that never close', () => {
    const open = '${{ '.repeat(100_000)
    const text =
      'on: push\npermissions: {}\njobs:\n  a:\n    steps:\n' +
      `      - run: echo "${open} \${{ github.head_ref }}"\n`
    const findings = scanFile(PATH, text)
    expect(findings.map(f => [f.ruleId, f.line])).toEqual([
      ['untrusted-input-in-script', 6]
    ])
  })

  it('reads half a megabyte line of command names without a finding', () => {
    expect(scanFile('a.sh', 'curl '.repeat(100_000))).toEqual([])
    expect(scanFile('a.sh', `curl "'`.repeat(70_000))).toEqual([])
  })

  it('caps the findings of one rule on one minified line', () => {
    const line = 'sslmode=disable host=db.example.com '.repeat(10_000)
    const findings = scanFile('.env', line)
    expect(findings).toHaveLength(MAX_MATCHES_PER_LINE)
    expect(new Set(findings.map(f => f.ruleId))).toEqual(
      new Set(['database-tls-disabled'])
    )
  })

  it('survives more matches in one window than a call takes arguments', () => {
    const line = 'curl ' + 'http://a.example/ '.repeat(150_000)
    const matches = [...plaintextPackageUrl.detect(line)]
    expect(matches).toHaveLength(MAX_MATCHES_PER_LINE)
    expect(matches[0]).toMatchObject({ start: 5, kind: 'URL' })
  })

  it('skips deeply nested YAML without throwing', () => {
    const depth = 10_000
    const text = 'on: push\njobs: ' + '['.repeat(depth) + ']'.repeat(depth)
    expect(() => scanFile(PATH, text)).not.toThrow()
    expect(scanFile(PATH, text)).toEqual([])
  })

  it('follows aliases without expanding a "billion laughs" document', () => {
    const levels = Array.from({ length: 9 }, (_, i) => {
      const previous = i === 0 ? 'some-org/tool@v1' : `*l${i - 1}`
      return `  l${i}: &l${i} [${Array(10).fill(previous).join(', ')}]`
    })
    const text = [
      'on: push',
      'permissions: {}',
      'x-bomb:',
      ...levels,
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/github-script@v7',
      '        with:',
      '          script: *l8'
    ].join('\n')
    const findings = scanFile(PATH, text)
    expect(findings.map(f => [f.ruleId, f.line])).toEqual([
      ['action-not-pinned-to-sha', 17]
    ])
  })

  it('skips a workflow that does not parse', () => {
    const text =
      'on: push\njobs:\n  a:\n    steps:\n      - run: echo "a: b\n  - ['
    expect(scanFile(PATH, text)).toEqual([])
  })
})
