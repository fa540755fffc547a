import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import {
  generateChecksums,
  verifyArtifacts
} from '../../src/artifacts/index.js'
import { tempWorkspace, type TempWorkspace } from '../helpers/workspace.js'

const run = promisify(execFile)
const hex = (algorithm: string, data: string) =>
  createHash(algorithm).update(data).digest('hex')

let ws: TempWorkspace
beforeEach(async () => {
  ws = await tempWorkspace()
})
afterEach(() => ws.remove())

describe('checksums generate', () => {
  it('writes GNU lines relative to the manifest folder, in the order given', async () => {
    await ws.write('dist/b.zip', 'bee\n')
    await ws.write('dist/sub/a.tgz', 'ay\n')

    const text = await generateChecksums(
      ['b.zip', `${ws.root}/dist/sub/a.tgz`],
      {
        algorithm: 'sha256',
        cwd: `${ws.root}/dist`
      }
    )

    expect(text).toBe(
      `${hex('sha256', 'bee\n')}  b.zip\n${hex('sha256', 'ay\n')}  sub/a.tgz\n`
    )
  })

  it('writes a manifest that sha512sum -c and the gate both accept', async () => {
    await ws.write('dist/back\\slash.bin', 'odd name\n')
    await ws.write('dist/plain.bin', 'plain\n')
    const text = await generateChecksums(['back\\slash.bin', 'plain.bin'], {
      algorithm: 'sha512',
      cwd: `${ws.root}/dist`
    })
    expect(text.startsWith('\\')).toBe(true)
    await ws.write('dist/SHA512SUMS', text)

    const { stdout } = await run('sha512sum', ['-c', 'SHA512SUMS'], {
      cwd: `${ws.root}/dist`
    })
    expect(stdout).toContain('plain.bin: OK')

    const result = await verifyArtifacts({
      workspace: ws.root,
      artifacts: [],
      checksums: ['dist/SHA512SUMS'],
      requireChecksum: true,
      requireSignature: false,
      bundles: []
    })
    expect(result.findings).toEqual([])
    expect(result.artifacts.map(a => a.path).sort()).toEqual([
      'dist/back\\slash.bin',
      'dist/plain.bin'
    ])
  })

  it('refuses a file outside the manifest folder and one it cannot read', async () => {
    await ws.write('other/x.bin', 'x')
    await expect(
      generateChecksums(['../other/x.bin'], {
        algorithm: 'sha256',
        cwd: `${ws.root}/dist`
      })
    ).rejects.toMatchObject({ code: 'outside-workspace' })
    await expect(
      generateChecksums(['missing.bin'], { algorithm: 'sha256', cwd: ws.root })
    ).rejects.toMatchObject({
      code: 'file-unreadable',
      message: expect.stringContaining('missing.bin')
    })
  })
})
