import { verifyArtifacts } from '../../src/artifacts/index.js'
import type { VerifySettings } from '../../src/artifacts/settings.js'
import { pemKey } from '../helpers/fake-values.js'
import { tempWorkspace, type TempWorkspace } from '../helpers/workspace.js'

let ws: TempWorkspace
beforeEach(async () => {
  ws = await tempWorkspace()
  await ws.write('dist/app.tgz', 'build output\n')
})
afterEach(() => ws.remove())

const settings = (extra: Partial<VerifySettings>): VerifySettings => ({
  workspace: ws.root,
  artifacts: ['dist/*'],
  checksums: [],
  requireChecksum: false,
  requireSignature: false,
  bundles: [],
  ...extra
})

describe('verification inputs that stop the gate (usage errors)', () => {
  it('refuses a workspace that is not a folder', async () => {
    await expect(
      verifyArtifacts(settings({ workspace: `${ws.root}/dist/app.tgz` }))
    ).rejects.toMatchObject({
      name: 'ArtifactsError',
      code: 'workspace-invalid'
    })
  })

  it('refuses paths outside the workspace with the input named', async () => {
    await expect(
      verifyArtifacts(settings({ artifacts: ['../elsewhere/*.tgz'] }))
    ).rejects.toMatchObject({
      code: 'outside-workspace',
      message: expect.stringContaining("artifacts: '../elsewhere/*.tgz'")
    })
    await expect(
      verifyArtifacts(settings({ checksums: ['/etc/SHA256SUMS'] }))
    ).rejects.toMatchObject({ code: 'outside-workspace' })
  })

  it('refuses an artifacts glob that matches nothing rather than pass', async () => {
    await expect(
      verifyArtifacts(settings({ artifacts: ['build/**/*.whl'] }))
    ).rejects.toMatchObject({
      code: 'settings-invalid',
      message: expect.stringContaining('build/**/*.whl')
    })
  })

  it('refuses a named file that does not exist', async () => {
    await expect(
      verifyArtifacts(settings({ bundles: ['dist/app.tgz.intoto.jsonl'] }))
    ).rejects.toMatchObject({ code: 'file-unreadable' })
  })

  it('refuses to check signatures without saying whose are trusted', async () => {
    await expect(
      verifyArtifacts(settings({ requireSignature: true }))
    ).rejects.toMatchObject({ code: 'identity-policy-missing' })
  })

  it('names a trusted root that is not one', async () => {
    await ws.write('root.json', '{"mediaType": "something/else"}')
    await expect(
      verifyArtifacts(
        settings({
          requireSignature: true,
          signerRepository: 'acme/app',
          trustedRoot: 'root.json'
        })
      )
    ).rejects.toMatchObject({
      code: 'trusted-root-invalid',
      message: expect.stringContaining("trusted-root 'root.json'")
    })
  })

  it('refuses a private key given as the public key without echoing it', async () => {
    const key = pemKey(9)
    await ws.write('signing.pem', key)
    const attempt = verifyArtifacts(
      settings({ requireSignature: true, publicKey: 'signing.pem' })
    )
    await expect(attempt).rejects.toMatchObject({ code: 'public-key-invalid' })
    const error = await attempt.catch((e: Error) => e)
    const body = key.split('\n')[1]!
    expect(String((error as Error).message)).not.toContain(body)
    expect(JSON.stringify(error)).not.toContain(body)
  })

  it('refuses a threshold that is not a small whole number', async () => {
    await expect(
      verifyArtifacts(settings({ tlogThreshold: -1 }))
    ).rejects.toMatchObject({
      code: 'settings-invalid',
      message: expect.stringContaining('tlog-threshold is -1')
    })
  })

  it('reports a missing signature when one is required', async () => {
    const result = await verifyArtifacts(
      settings({ requireSignature: true, signerRepository: 'acme/app' })
    )
    expect(result.findings.map(f => [f.ruleId, f.file, f.severity])).toEqual([
      ['signature-missing', 'dist/app.tgz', 'error']
    ])
  })
})
