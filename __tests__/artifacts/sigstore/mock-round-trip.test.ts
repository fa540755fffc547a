import { createHash, generateKeyPairSync } from 'node:crypto'
import { verifyArtifacts } from '../../../src/artifacts/index.js'
import type { VerifySettings } from '../../../src/artifacts/settings.js'
import {
  createMockSigstore,
  type MockIdentity,
  type MockSigstore
} from '../../helpers/sigstore-mock.js'
import { tempWorkspace, type TempWorkspace } from '../../helpers/workspace.js'

const ISSUER = 'https://token.actions.githubusercontent.com'
const WORKFLOW =
  'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.2.0'
const signer: MockIdentity = {
  identity: WORKFLOW,
  issuer: ISSUER,
  buildSignerUri: WORKFLOW,
  sourceRepositoryUri: 'https://github.com/acme/app',
  sourceRepositoryRef: 'refs/tags/v1.2.0'
}
const SLSA = 'https://slsa.dev/provenance/v1'

let sigstore: MockSigstore
let ws: TempWorkspace
const artifact = Buffer.from('release payload: app 1.2.0\n')

beforeAll(async () => {
  sigstore = await createMockSigstore()
})
beforeEach(async () => {
  ws = await tempWorkspace()
  await ws.write('dist/app.tgz', artifact)
  await ws.write('trusted_root.json', JSON.stringify(sigstore.trustedRoot))
})
afterEach(() => ws.remove())

function settings(extra: Partial<VerifySettings> = {}): VerifySettings {
  return {
    workspace: ws.root,
    artifacts: ['dist/app.tgz'],
    checksums: [],
    requireChecksum: false,
    requireSignature: true,
    bundles: [],
    trustedRoot: 'trusted_root.json',
    signerRepository: 'acme/app',
    ...extra
  }
}

function statementFor(data: Buffer, name = 'app.tgz') {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [
      {
        name,
        digest: { sha256: createHash('sha256').update(data).digest('hex') }
      }
    ],
    predicateType: SLSA,
    predicate: { buildDefinition: {}, runDetails: {} }
  }
}

describe('Sigstore round trips with a mock instance', () => {
  it('verifies a blob signed beside the artifact and records the signer', async () => {
    const bundle = await sigstore.signBlob(artifact, signer)
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))

    const result = await verifyArtifacts(settings())

    expect(result.findings).toEqual([])
    expect(result.artifacts).toEqual([
      expect.objectContaining({
        path: 'dist/app.tgz',
        verified: true,
        bundle: 'dist/app.tgz.sigstore.json',
        signer: expect.objectContaining({
          identity: WORKFLOW,
          issuer: ISSUER,
          sourceRepositoryUri: 'https://github.com/acme/app',
          sourceRepositoryRef: 'refs/tags/v1.2.0'
        })
      })
    ])
  })

  it('treats a bundle beside its artifact as its signature, not an artifact', async () => {
    const bundle = await sigstore.signBlob(artifact, signer)
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))
    const gitBundle = Buffer.from('a git bundle shipped as an artifact\n')
    await ws.write('dist/source.bundle', gitBundle)
    await ws.write(
      'dist/source.bundle.sigstore.json',
      JSON.stringify(await sigstore.signBlob(gitBundle, signer))
    )

    const result = await verifyArtifacts(settings({ artifacts: ['dist/**'] }))

    expect(result.findings).toEqual([])
    expect(result.artifacts.map(a => [a.path, a.verified])).toEqual([
      ['dist/app.tgz', true],
      ['dist/source.bundle', true]
    ])
  })

  it('verifies an attestation given by input and checks its predicate type', async () => {
    const bundle = await sigstore.attest(statementFor(artifact), signer)
    await ws.write('attestations.jsonl', JSON.stringify(bundle) + '\n')

    const result = await verifyArtifacts(
      settings({
        bundles: ['attestations.jsonl'],
        signerWorkflow: '.github/workflows/release.yml@refs/tags/v1.2.0',
        predicateType: SLSA
      })
    )

    expect(result.findings).toEqual([])
    expect(result.artifacts[0]).toMatchObject({
      verified: true,
      bundle: 'attestations.jsonl'
    })
  })

  it('verifies every artifact a multi-subject provenance covers', async () => {
    const other = Buffer.from('release payload: app 1.2.0 for windows\n')
    await ws.write('dist/app.zip', other)
    const statement = statementFor(artifact)
    statement.subject.push(statementFor(other, 'app.zip').subject[0]!)
    const bundle = await sigstore.attest(statement, signer)
    await ws.write('provenance.sigstore.json', JSON.stringify(bundle))

    const result = await verifyArtifacts(
      settings({
        artifacts: ['dist/*'],
        bundles: ['provenance.sigstore.json'],
        predicateType: SLSA
      })
    )

    expect(result.findings).toEqual([])
    expect(result.artifacts.map(a => [a.path, a.verified, a.bundle])).toEqual([
      ['dist/app.tgz', true, 'provenance.sigstore.json'],
      ['dist/app.zip', true, 'provenance.sigstore.json']
    ])
  })

  it('refuses an attestation whose predicate type is not the one required', async () => {
    const bundle = await sigstore.attest(statementFor(artifact), signer)
    await ws.write('dist/app.tgz.sigstore', JSON.stringify(bundle))

    const result = await verifyArtifacts(
      settings({ predicateType: 'https://spdx.dev/Document' })
    )

    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({
      ruleId: 'signature-invalid',
      severity: 'error',
      file: 'dist/app.tgz',
      properties: expect.objectContaining({ check: 'predicate-type' })
    })
  })

  it('refuses a valid attestation for another file beside the artifact', async () => {
    const other = Buffer.from('some other build\n')
    const bundle = await sigstore.attest(statementFor(other), signer)
    await ws.write('dist/app.tgz.bundle', JSON.stringify(bundle))

    const result = await verifyArtifacts(settings())

    expect(result.findings.map(f => f.properties?.['check'])).toEqual([
      'subject-digest'
    ])
    expect(result.artifacts[0]!.verified).toBe(false)
  })

  it('refuses a blob signature when the artifact changed after signing', async () => {
    const bundle = await sigstore.signBlob(artifact, signer)
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))
    await ws.write('dist/app.tgz', Buffer.from('release payload: app 1.2.1\n'))

    const result = await verifyArtifacts(settings())

    expect(result.findings[0]).toMatchObject({
      ruleId: 'signature-invalid',
      properties: expect.objectContaining({ check: 'subject-digest' })
    })
  })

  it('refuses a bundle signed by a workflow of another repository', async () => {
    const bundle = await sigstore.signBlob(artifact, {
      ...signer,
      sourceRepositoryUri: 'https://github.com/acme/app-fork'
    })
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))

    const result = await verifyArtifacts(settings())

    expect(result.findings[0]).toMatchObject({
      ruleId: 'signature-invalid',
      safeguard: '164.312(d)',
      properties: expect.objectContaining({ check: 'repository' })
    })
    expect(result.findings[0]!.message).toContain("'acme/app-fork'")
  })

  it('refuses a bundle whose certificate comes from another Sigstore instance', async () => {
    const stranger = await createMockSigstore()
    const bundle = await stranger.signBlob(artifact, signer)
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))

    const result = await verifyArtifacts(settings())

    expect(result.findings[0]!.properties?.['check']).toBe('certificate-chain')
  })

  it('verifies a keyed signature with the public key given by input', async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const pem = keys.publicKey.export({ type: 'spki', format: 'pem' })
    const bundle = await sigstore.signBlobWithKey(
      artifact,
      keys.privateKey,
      pem.toString()
    )
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))
    await ws.write('cosign.pub', pem)

    const result = await verifyArtifacts(
      settings({ signerRepository: undefined, publicKey: 'cosign.pub' })
    )

    expect(result.findings).toEqual([])
    expect(result.artifacts[0]!.signer).toEqual({
      publicKey: expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
    })
  })

  it('refuses a certificate-signed bundle when only a public key is trusted', async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    await ws.write(
      'cosign.pub',
      keys.publicKey.export({ type: 'spki', format: 'pem' })
    )
    const bundle = await sigstore.signBlob(artifact, signer)
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))

    const result = await verifyArtifacts(
      settings({ signerRepository: undefined, publicKey: 'cosign.pub' })
    )

    expect(result.findings[0]).toMatchObject({
      safeguard: '164.312(d)',
      properties: expect.objectContaining({ check: 'identity' })
    })
  })

  it('refuses a keyed signature made with a key other than the one given', async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const pem = keys.publicKey.export({ type: 'spki', format: 'pem' })
    const bundle = await sigstore.signBlobWithKey(
      artifact,
      keys.privateKey,
      pem.toString()
    )
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))
    await ws.write(
      'cosign.pub',
      other.publicKey.export({ type: 'spki', format: 'pem' })
    )

    const result = await verifyArtifacts(
      settings({ signerRepository: undefined, publicKey: 'cosign.pub' })
    )

    expect(result.findings[0]!.properties?.['check']).toBe('signature')
  })

  it('requires a transparency log entry unless the threshold is lowered', async () => {
    const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const pem = keys.publicKey.export({ type: 'spki', format: 'pem' })
    const bundle = await sigstore.signBlobWithKey(
      artifact,
      keys.privateKey,
      pem.toString()
    )
    const material = bundle['verificationMaterial'] as Record<string, unknown>
    material['tlogEntries'] = []
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))
    await ws.write('cosign.pub', pem)
    const keyed = settings({
      signerRepository: undefined,
      publicKey: 'cosign.pub'
    })

    const strict = await verifyArtifacts(keyed)
    expect(strict.findings[0]!.properties?.['check']).toBe('transparency-log')

    const lenient = await verifyArtifacts({
      ...keyed,
      tlogThreshold: 0,
      timestampThreshold: 0
    })
    expect(lenient.findings).toEqual([])
  })

  it('refuses a certificate-signed bundle with no timestamp at all', async () => {
    const bundle = await sigstore.signBlob(artifact, signer)
    const material = bundle['verificationMaterial'] as Record<string, unknown>
    material['tlogEntries'] = []
    await ws.write('dist/app.tgz.sigstore.json', JSON.stringify(bundle))

    const result = await verifyArtifacts(
      settings({ tlogThreshold: 0, timestampThreshold: 0 })
    )

    expect(result.findings[0]!.properties?.['check']).toBe('timestamp')
  })
})
