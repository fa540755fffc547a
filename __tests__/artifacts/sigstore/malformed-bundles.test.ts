import { copyFile, readFile } from 'node:fs/promises'
import path from 'node:path'
import { verifyArtifacts } from '../../../src/artifacts/index.js'
import type { VerifySettings } from '../../../src/artifacts/settings.js'
import { githubToken } from '../../helpers/fake-values.js'
import {
  npmProvenance,
  SIGSTORE_FIXTURES
} from '../../helpers/sigstore-fixtures.js'
import { tempWorkspace, type TempWorkspace } from '../../helpers/workspace.js'

let ws: TempWorkspace
let realBundle: string
beforeAll(async () => {
  realBundle = await readFile(
    path.join(SIGSTORE_FIXTURES, npmProvenance.bundle),
    'utf8'
  )
})
beforeEach(async () => {
  ws = await tempWorkspace()
  await copyFile(
    path.join(SIGSTORE_FIXTURES, npmProvenance.artifact),
    path.join(ws.root, 'app.tgz')
  )
})
afterEach(() => ws.remove())

const settings = (extra: Partial<VerifySettings> = {}): VerifySettings => ({
  workspace: ws.root,
  artifacts: ['app.tgz'],
  checksums: [],
  requireChecksum: false,
  requireSignature: true,
  bundles: [],
  certificateIdentity: npmProvenance.identity,
  certificateOidcIssuer: npmProvenance.issuer,
  ...extra
})

async function checksFor(bundleText: string, extra?: Partial<VerifySettings>) {
  await ws.write('app.tgz.sigstore.json', bundleText)
  const result = await verifyArtifacts(settings(extra))
  expect(result.findings.every(f => f.ruleId === 'signature-invalid')).toBe(
    true
  )
  expect(result.artifacts[0]!.verified).toBe(false)
  return result.findings.map(f => f.properties?.['check'])
}

describe('malformed and truncated bundles', () => {
  it('reports a truncated bundle as a failed format check, not a crash', async () => {
    expect(await checksFor(realBundle.slice(0, realBundle.length / 2))).toEqual(
      ['bundle-format']
    )
  })

  it('reports an empty bundle file and one that is not an object', async () => {
    expect(await checksFor('')).toEqual(['bundle-format'])
    expect(await checksFor('[1, 2, 3]')).toEqual(['bundle-format'])
  })

  it('reports an unknown media type', async () => {
    const bundle = JSON.parse(realBundle)
    bundle.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=9.9'
    expect(await checksFor(JSON.stringify(bundle))).toEqual(['media-type'])
  })

  it('reports a bundle missing its verification material', async () => {
    const bundle = JSON.parse(realBundle)
    delete bundle.verificationMaterial
    expect(await checksFor(JSON.stringify(bundle))).toEqual(['bundle-format'])
  })

  it('reports a corrupted certificate', async () => {
    const bundle = JSON.parse(realBundle)
    bundle.verificationMaterial.certificate.rawBytes =
      Buffer.from('not a certificate').toString('base64')
    expect(await checksFor(JSON.stringify(bundle))).toEqual(['bundle-format'])
  })

  it('reports a signature that does not verify', async () => {
    const bundle = JSON.parse(realBundle)
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64')
    const last = sig.length - 1
    sig[last] = sig[last]! ^ 0xff
    bundle.dsseEnvelope.signatures[0].sig = sig.toString('base64')
    const checks = await checksFor(JSON.stringify(bundle))
    // The log entry records the original signature, so either check may
    // catch it first; both mean the signature is not the one logged.
    expect(['signature', 'transparency-log']).toContain(checks[0])
  })

  it('reports a broken transparency log inclusion proof', async () => {
    const bundle = JSON.parse(realBundle)
    const proof = bundle.verificationMaterial.tlogEntries[0].inclusionProof
    proof.hashes[0] = Buffer.alloc(32, 7).toString('base64')
    expect(await checksFor(JSON.stringify(bundle))).toEqual([
      'transparency-log'
    ])
  })

  it('names the line of a bad bundle in a JSON Lines file given by input', async () => {
    await ws.write(
      'attestations.jsonl',
      `${JSON.stringify(JSON.parse(realBundle))}\n{"mediaType": \n`
    )
    const result = await verifyArtifacts(
      settings({ bundles: ['attestations.jsonl'] })
    )
    expect(
      result.findings.map(f => [f.file, f.line, f.properties?.['check']])
    ).toEqual([['attestations.jsonl', 2, 'bundle-format']])
    expect(result.findings[0]!.message).toContain('attestations.jsonl:2')
  })

  it('never repeats untrusted bundle text in findings', async () => {
    const token = githubToken(41)
    const bundle = JSON.parse(realBundle)
    bundle.mediaType = token
    await ws.write('app.tgz.sigstore.json', JSON.stringify(bundle))
    const keyed = JSON.parse(realBundle)
    keyed.verificationMaterial = {
      publicKey: { hint: token },
      tlogEntries: keyed.verificationMaterial.tlogEntries
    }
    await ws.write('app.tgz.bundle', JSON.stringify(keyed))

    const result = await verifyArtifacts(settings())

    expect(result.findings).toHaveLength(2)
    const output = JSON.stringify(result)
    expect(output).not.toContain(token)
    expect(output).not.toContain(token.slice(4, 20))
    expect(output).not.toMatch(/\n\s+at /)
  })
})
