import { scanFile } from './scan.js'

const PATH = '.github/workflows/ci.yml'

describe('advice on unneeded writes', () => {
  it('says to remove id-token, which has no read level', () => {
    const text = [
      'on: push',
      'permissions:',
      '  id-token: write',
      '  contents: write',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: make test'
    ].join('\n')
    const messages = scanFile(PATH, text).map(f => f.message)
    expect(messages[0]).toContain('Remove `id-token: write` at the top')
    expect(messages[1]).toContain('Set `contents: read` (or remove it)')
  })
})
