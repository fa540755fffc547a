import { Engine } from '../../../src/engine/engine.js'
import { createCiConfigRules } from '../../../src/rules/ci-config/index.js'
import { positions, scanFile } from './scan.js'

const text = [
  'on: push',
  'permissions:',
  '  contents: read',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - uses: Some-Org/setup-tool@v2'
].join('\n')
const PATH = '.github/workflows/ci.yml'

describe('CI configuration rule options', () => {
  it('reports GitHub-owned actions as warnings and others as errors by default', () => {
    const findings = scanFile(PATH, text)
    expect(findings.map(f => [f.line, f.severity])).toEqual([
      [8, 'warning'],
      [9, 'error']
    ])
    expect(findings[1]!.message).toContain(
      '`uses: Some-Org/setup-tool@<40-hex sha> # v2`'
    )
  })

  it('lets trusted owners use tags, compared without case', () => {
    const engine = new Engine(
      createCiConfigRules({ trustedActionOwners: ['actions', 'some-org'] })
    )
    expect(positions(scanFile(PATH, text, engine))).toEqual([])
  })
})
