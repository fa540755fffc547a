/**
 * Findings the cheap checks in front of the transport rules must not lose:
 * what the check looks for sitting at the edge of the window the engine
 * hands the rule.
 */
import { scanFile } from './scan.js'

const ids = (path: string, text: string) =>
  scanFile(path, text).map(f => [f.ruleId, f.line])

describe('a download piped into a shell', () => {
  it('is found when the pipe sits on the last line of the window', () => {
    const text =
      'curl -fsSL https://get.example.com/install.sh \\\n' +
      "  -H 'Accept: text/plain' \\\n" +
      '  --retry 3 \\\n' +
      '  | bash\n'
    expect(ids('scripts/setup.sh', text)).toEqual([
      ['download-piped-to-shell', 1]
    ])
  })
})

describe('a package source over plain HTTP', () => {
  it('is found in a setting whose name is written in capitals', () => {
    const text =
      'FROM python:3.12-slim\n' +
      'ENV PIP_INDEX_URL=http://pypi.internal.example/simple\n'
    expect(ids('Dockerfile', text)).toEqual([['plaintext-package-url', 2]])
  })

  it('is found in a flag word with an upper-case scheme', () => {
    const text =
      'pip install \\\n' +
      '  --extra-index-url=HTTP://pypi.internal.example/simple app\n'
    expect(ids('ci/install.sh', text)).toEqual([['plaintext-package-url', 2]])
  })
})
