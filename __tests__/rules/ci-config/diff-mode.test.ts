import { positions, scanChange, scanFile } from './scan.js'

const PATH = '.github/workflows/preview.yml'
const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683'

/** A workflow on `trigger` whose job checks out the pull request head. */
function preview(trigger: string): string {
  return [
    'name: Preview', //                                               1
    'on:', //                                                         2
    `  ${trigger}:`, //                                               3
    'permissions:', //                                                4
    '  contents: read', //                                            5
    'jobs:', //                                                       6
    '  build:', //                                                    7
    '    runs-on: ubuntu-latest', //                                  8
    '    steps:', //                                                  9
    `      - uses: actions/checkout@${SHA} # v4.2.2`, //              10
    '        with:', //                                               11
    '          ref: ${{ github.event.pull_request.head.sha }}', //    12
    '      - run: npm ci && npm run build', //                        13
    '      - run: echo done' //                                       14
  ].join('\n')
}

describe('CI configuration rules in diff mode', () => {
  it('does not report an old checkout of the PR head when the change is elsewhere', () => {
    const findings = scanChange(PATH, preview('pull_request_target'), [14])
    expect(positions(findings)).toEqual([])
  })

  it('reports the old checkout when the change adds the pull_request_target trigger', () => {
    const findings = scanChange(PATH, preview('pull_request_target'), [3])
    expect(positions(findings)).toEqual(['untrusted-code-checkout 12:16'])
    expect(findings[0]!.message).toContain('`pull_request_target`')
  })

  it('reports the checkout when the change edits its ref line', () => {
    const findings = scanChange(PATH, preview('pull_request_target'), [12])
    expect(positions(findings)).toEqual(['untrusted-code-checkout 12:16'])
  })

  it('reports nothing for the same checkout under a pull_request trigger', () => {
    expect(scanFile(PATH, preview('pull_request'))).toEqual([])
  })

  it('reports an old checkout that keeps its token once the change adds an upload', () => {
    const text = [
      'on: push',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  docs:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - uses: actions/checkout@${SHA} # v4.2.2`,
      '      - run: make docs',
      `      - uses: actions/upload-artifact@${SHA} # v4.6.2`,
      '        with:',
      '          path: .',
      '          include-hidden-files: true'
    ].join('\n')
    expect(positions(scanChange(PATH, text, [9]))).toEqual([])
    expect(positions(scanChange(PATH, text, [10, 11, 12, 13]))).toEqual([
      'checkout-credentials-persisted 8:15'
    ])
  })

  it('reports an old self-hosted job once the change adds a pull_request trigger', () => {
    const text = [
      'on:',
      '  push:',
      '  pull_request:',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  test:',
      '    runs-on: [self-hosted, linux]',
      '    steps:',
      '      - run: make test'
    ].join('\n')
    expect(positions(scanChange(PATH, text, [10]))).toEqual([])
    expect(positions(scanChange(PATH, text, [3]))).toEqual([
      'self-hosted-runner-on-pull-request 8:15'
    ])
  })

  it('reports an old workflow-wide write once the change adds a job that does not use it', () => {
    const text = [
      'on: push',
      'permissions:',
      '  contents: write',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: git push origin HEAD:refs/tags/v1',
      '  lint:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: make lint'
    ].join('\n')
    expect(positions(scanChange(PATH, text, [8]))).toEqual([])
    expect(positions(scanChange(PATH, text, [9, 10, 11, 12]))).toEqual([
      'workflow-permissions-unneeded-write 3:3'
    ])
  })

  it('reports an unpinned action only when the change touches its line', () => {
    const text = [
      'on: push',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: some-org/setup-tool@v2',
      '      - run: make test'
    ].join('\n')
    expect(positions(scanChange(PATH, text, [9]))).toEqual([])
    expect(positions(scanChange(PATH, text, [8]))).toEqual([
      'action-not-pinned-to-sha 8:15'
    ])
  })

  it('checks only the added lines of a run block, at their lines in the file', () => {
    const text = [
      'on: push',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  fetch:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: |',
      '          curl -k https://old.example.com/a -o a',
      '          make',
      '          wget --no-check-certificate https://new.example.com/b'
    ].join('\n')
    expect(positions(scanChange(PATH, text, [10]))).toEqual([])
    expect(positions(scanChange(PATH, text, [11]))).toEqual([
      'tls-verification-disabled 11:16'
    ])
    expect(positions(scanFile(PATH, text))).toEqual([
      'tls-verification-disabled 9:16',
      'tls-verification-disabled 11:16'
    ])
  })
})
