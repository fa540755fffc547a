import { githubToken } from '../../helpers/fake-values.js'
import { scanFile } from './scan.js'

const PATH = '.github/workflows/ci.yml'

function workflow(...steps: string[]): string {
  return [
    'on: push',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    ...steps.map(step => `      ${step}`)
  ].join('\n')
}

describe('inline suppression of CI configuration findings', () => {
  it('suppresses an unpinned action with a reasoned marker on its line', () => {
    const text = workflow(
      '- uses: some-org/setup-tool@v2 # hipaa-gate:allow vendored, reviewed in SEC-12'
    )
    const [finding, ...rest] = scanFile(PATH, text)
    expect(rest).toEqual([])
    expect(finding).toMatchObject({
      ruleId: 'action-not-pinned-to-sha',
      line: 8,
      suppression: { kind: 'inline', reason: 'vendored, reviewed in SEC-12' }
    })
  })

  it('suppresses a TLS finding inside a run block by the marker on that line', () => {
    const text = workflow(
      '- run: |',
      '    make',
      '    curl -k https://localhost.test:8443/ready # hipaa-gate:allow self-signed test server',
      '    curl -k https://downloads.example.com/x'
    )
    const findings = scanFile(PATH, text)
    expect(
      findings.map(f => [f.ruleId, f.line, f.suppression?.reason])
    ).toEqual([
      ['tls-verification-disabled', 10, 'self-signed test server'],
      ['tls-verification-disabled', 11, undefined]
    ])
  })

  it('suppresses a write scope with the reason given on the scope line', () => {
    const text = [
      'on: push',
      'permissions:',
      '  contents: write # hipaa-gate:allow make release pushes the tag',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: make release'
    ].join('\n')
    const [finding] = scanFile(PATH, text)
    expect(finding).toMatchObject({
      ruleId: 'workflow-permissions-unneeded-write',
      line: 3,
      suppression: { reason: 'make release pushes the tag' }
    })
  })

  it('does not suppress on a marker without a reason, and says so', () => {
    const text = workflow('- uses: some-org/setup-tool@v2 # hipaa-gate:allow')
    const [finding] = scanFile(PATH, text)
    expect(finding!.suppression).toBeUndefined()
    expect(finding!.message).toContain('without a reason does not suppress')
  })
})

describe('what CI configuration findings reveal', () => {
  it('never repeats a credential from a URL or command line', () => {
    const token = githubToken(41)
    const script = [
      `curl -k -H "Authorization: Bearer ${token}" https://api.example.com/x`,
      `curl -fsSL http://deploy:${token}@pkgs.example.com/tool.tgz -o t.tgz`,
      `psql "postgres://app:${token}@db.example.com/app?sslmode=disable"`,
      `pip install -i http://ci:${token}@pypi.example.com/simple app`
    ].join('\n')
    const findings = scanFile('scripts/fetch.sh', script)
    expect(findings.map(f => f.ruleId)).toEqual([
      'tls-verification-disabled',
      'plaintext-package-url',
      'database-tls-disabled',
      'plaintext-package-url'
    ])
    expect(JSON.stringify(findings)).not.toContain(token)
    expect(JSON.stringify(findings)).not.toContain(token.slice(4, 20))
  })

  it('leaves credentials in image references out of the message', () => {
    const token = githubToken(42)
    const text = [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      `    container: registry.example.com/u:${token}@x/builder:1`,
      '    steps:',
      `      - uses: docker://ci:${token}@registry.example.com/tool:2`
    ].join('\n')
    const findings = scanFile(PATH, text)
    expect(findings.map(f => f.ruleId)).toEqual([
      'container-image-not-pinned',
      'container-image-not-pinned'
    ])
    expect(JSON.stringify(findings)).not.toContain(token.slice(4, 20))
  })
})
