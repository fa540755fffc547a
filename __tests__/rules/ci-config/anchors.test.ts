import { positions, scanFile } from './scan.js'

describe('CI configuration rules on YAML anchors', () => {
  it('reads steps shared through an anchor and reports them once, at the anchor', () => {
    const text = [
      'on: [push, pull_request]',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps: &setup',
      '      - uses: some-org/setup-tool@v2',
      '      - run: echo "${{ github.event.pull_request.title }}"',
      '  lint:',
      '    runs-on: ubuntu-latest',
      '    steps: *setup'
    ].join('\n')
    // Both jobs run the anchored steps; the text to fix is reported once.
    expect(positions(scanFile('.github/workflows/ci.yml', text))).toEqual([
      'action-not-pinned-to-sha 8:15',
      'untrusted-input-in-script 9:20'
    ])
  })
})

describe('CI configuration rules on anchored permissions', () => {
  it('judges an aliased permissions block for the job that uses it', () => {
    const text = [
      'on: push',
      'x-write: &write',
      '  contents: write',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    permissions: *write',
      '    steps:',
      '      - run: make test'
    ].join('\n')
    expect(positions(scanFile('.github/workflows/ci.yml', text))).toEqual([
      'workflow-permissions-unneeded-write 3:3'
    ])
  })
})
