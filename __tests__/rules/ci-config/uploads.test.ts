import { uploadsHiddenFiles } from '../../../src/rules/ci-config/uploads.js'
import { readWorkflow } from '../../../src/rules/ci-config/workflow.js'

const SHA = 'ea165f8d65b6e75b540449e92b4886f43607fa02'

/** Whether the upload step `uses` (with `extra` inputs) includes `.git`. */
function includesGit(uses: string, ...extra: string[]): boolean {
  const text = [
    'on: push',
    'jobs:',
    '  a:',
    '    steps:',
    `      - uses: ${uses}`,
    '        with:',
    '          path: .',
    ...extra.map(line => `          ${line}`)
  ].join('\n')
  const path = '.github/workflows/a.yml'
  const file = readWorkflow({
    path,
    text,
    fullScan: true,
    isChanged: () => true
  })
  return uploadsHiddenFiles(file!.jobs[0]!.steps[0]!, text)
}

describe('uploadsHiddenFiles', () => {
  it('knows upload-artifact left hidden files out from v4.4', () => {
    expect(includesGit('actions/upload-artifact@v4')).toBe(false)
    expect(includesGit('actions/upload-artifact@v4.4.0')).toBe(false)
    expect(includesGit(`actions/upload-artifact@${SHA} # v4.6.2`)).toBe(false)
    expect(includesGit('actions/upload-artifact@v4.3.6')).toBe(true)
    expect(includesGit('actions/upload-artifact@v3')).toBe(true)
    expect(includesGit(`actions/upload-artifact@${SHA} # v3.1.0`)).toBe(true)
  })

  it('assumes hidden files when it cannot tell the version', () => {
    expect(includesGit('actions/upload-artifact@main')).toBe(true)
    expect(includesGit(`actions/upload-artifact@${SHA}`)).toBe(true)
  })

  it('honours include-hidden-files and knows pages artifacts skip .git', () => {
    expect(
      includesGit('actions/upload-artifact@v4', 'include-hidden-files: true')
    ).toBe(true)
    expect(includesGit('actions/upload-pages-artifact@v3')).toBe(false)
  })
})
