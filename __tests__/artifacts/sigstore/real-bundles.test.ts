import { copyFile, readFile } from 'node:fs/promises'
import path from 'node:path'
import { verifyArtifacts } from '../../../src/artifacts/index.js'
import type { VerifySettings } from '../../../src/artifacts/settings.js'
import { createMockSigstore } from '../../helpers/sigstore-mock.js'
import {
  githubInstance,
  npmProvenance,
  reusableWorkflow,
  SIGSTORE_FIXTURES,
  sigstoreJs
} from '../../helpers/sigstore-fixtures.js'
import { tempWorkspace } from '../../helpers/workspace.js'

function inFixtures(
  artifact: string,
  bundle: string,
  policy: Partial<VerifySettings>
): VerifySettings {
  return {
    workspace: SIGSTORE_FIXTURES,
    artifacts: [artifact],
    checksums: [],
    requireChecksum: false,
    requireSignature: true,
    bundles: [bundle],
    ...policy
  }
}

/** The checks that failed, in order. */
async function failedChecks(settings: VerifySettings): Promise<unknown[]> {
  const { findings } = await verifyArtifacts(settings)
  expect(findings.every(f => f.severity === 'error')).toBe(true)
  return findings.map(f => f.properties?.['check'])
}

const npmPolicy = {
  certificateIdentity: npmProvenance.identity,
  certificateOidcIssuer: npmProvenance.issuer
}

describe('real Sigstore bundles, verified offline against public-good', () => {
  it.each([npmProvenance.bundle, npmProvenance.jsonl])(
    'verifies the npm provenance of sigstore 2.1.0 in %s',
    async bundle => {
      const result = await verifyArtifacts(
        inFixtures(npmProvenance.artifact, bundle, {
          ...npmPolicy,
          predicateType: 'https://slsa.dev/provenance/v1'
        })
      )
      expect(result.findings).toEqual([])
      expect(result.artifacts[0]).toMatchObject({
        path: npmProvenance.artifact,
        verified: true,
        bundle,
        signer: {
          identity: npmProvenance.identity,
          issuer: npmProvenance.issuer,
          sourceRepositoryUri: 'https://github.com/sigstore/sigstore-js',
          sourceRepositoryRef: 'refs/heads/main'
        }
      })
      expect(result.artifacts[0]!.digests['sha512']).toMatch(/^[0-9a-f]{128}$/)
    }
  )

  it('verifies by repository and workflow read from the Fulcio extensions', async () => {
    const checks = await failedChecks(
      inFixtures(npmProvenance.artifact, npmProvenance.bundle, {
        signerRepository: 'sigstore/sigstore-js',
        signerWorkflow: '.github/workflows/release.yml@refs/heads/main'
      })
    )
    expect(checks).toEqual([])
  })

  it('refuses the npm provenance under another identity', async () => {
    const checks = await failedChecks(
      inFixtures(npmProvenance.artifact, npmProvenance.bundle, {
        ...npmPolicy,
        certificateIdentity: npmProvenance.identity.replace('main', 'dev')
      })
    )
    expect(checks).toEqual(['identity'])
  })

  it('refuses a prefix of the real identity, given exactly or as a regexp', async () => {
    const prefix = 'https://github.com/sigstore/sigstore'
    for (const policy of [
      { certificateIdentity: prefix },
      { certificateIdentityRegexp: prefix.replace(/[./]/g, '\\$&') }
    ]) {
      const checks = await failedChecks(
        inFixtures(npmProvenance.artifact, npmProvenance.bundle, {
          certificateOidcIssuer: npmProvenance.issuer,
          ...policy
        })
      )
      expect(checks).toEqual(['identity'])
    }
  })

  it('refuses a repository whose name is a prefix of the signer repository', async () => {
    const checks = await failedChecks(
      inFixtures(npmProvenance.artifact, npmProvenance.bundle, {
        signerRepository: 'sigstore/sigstore'
      })
    )
    expect(checks).toEqual(['repository'])
  })

  it('refuses the npm provenance under another OIDC issuer', async () => {
    const checks = await failedChecks(
      inFixtures(npmProvenance.artifact, npmProvenance.bundle, {
        ...npmPolicy,
        certificateOidcIssuer: 'https://accounts.google.com'
      })
    )
    expect(checks).toEqual(['issuer'])
  })

  it('verifies a reusable-workflow attestation by the workflow that signed', async () => {
    const checks = await failedChecks(
      inFixtures(reusableWorkflow.artifact, reusableWorkflow.bundle, {
        signerRepository: reusableWorkflow.repository,
        signerWorkflow: reusableWorkflow.workflow
      })
    )
    expect(checks).toEqual([])
  })

  it('refuses a reusable-workflow attestation when the caller is named as signer', async () => {
    const checks = await failedChecks(
      inFixtures(reusableWorkflow.artifact, reusableWorkflow.bundle, {
        signerWorkflow: reusableWorkflow.callerWorkflow
      })
    )
    expect(checks).toEqual(['workflow'])
  })

  it.each(sigstoreJs.bundles)(
    'verifies %s for sigstore 1.0.0',
    async bundle => {
      const checks = await failedChecks(
        inFixtures(sigstoreJs.artifact, bundle, {
          certificateIdentity: sigstoreJs.identity,
          certificateOidcIssuer: sigstoreJs.issuer
        })
      )
      expect(checks).toEqual([])
    }
  )

  it.each(sigstoreJs.bundles)(
    'refuses %s under a wrong identity and a wrong issuer',
    async bundle => {
      const wrongIdentity = await failedChecks(
        inFixtures(sigstoreJs.artifact, bundle, {
          certificateIdentity: 'brian@dehamer.co',
          certificateOidcIssuer: sigstoreJs.issuer
        })
      )
      const wrongIssuer = await failedChecks(
        inFixtures(sigstoreJs.artifact, bundle, {
          certificateIdentity: sigstoreJs.identity,
          certificateOidcIssuer: 'https://github.com/login/oauth2'
        })
      )
      expect([wrongIdentity, wrongIssuer]).toEqual([['identity'], ['issuer']])
    }
  )

  it('refuses the GitHub-instance bundle against the public-good root', async () => {
    const result = await verifyArtifacts(
      inFixtures(githubInstance.artifact, githubInstance.bundle, {
        signerRepository: 'github/provenance-demo',
        tlogThreshold: 0
      })
    )
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({
      ruleId: 'signature-invalid',
      file: githubInstance.artifact,
      properties: expect.objectContaining({ check: 'timestamp' })
    })
    expect(result.findings[0]!.message).toContain('trusted root')
  })

  it('refuses a public-good bundle against another trusted root', async () => {
    const ws = await tempWorkspace()
    try {
      const mock = await createMockSigstore()
      await ws.write('root.json', JSON.stringify(mock.trustedRoot))
      await copyFile(
        path.join(SIGSTORE_FIXTURES, npmProvenance.artifact),
        path.join(ws.root, 'sigstore-2.1.0.tgz')
      )
      await copyFile(
        path.join(SIGSTORE_FIXTURES, npmProvenance.bundle),
        path.join(ws.root, 'sigstore-2.1.0.tgz.sigstore.json')
      )
      const checks = await failedChecks({
        ...inFixtures(
          'sigstore-2.1.0.tgz',
          'sigstore-2.1.0.tgz.sigstore.json',
          npmPolicy
        ),
        workspace: ws.root,
        trustedRoot: 'root.json'
      })
      expect(checks).toEqual(['certificate-chain'])
    } finally {
      await ws.remove()
    }
  })

  it.each([
    [
      'the npm provenance',
      npmProvenance.artifact,
      npmProvenance.bundle,
      npmPolicy
    ],
    [
      'a sigstore-js bundle',
      sigstoreJs.artifact,
      sigstoreJs.bundles[0]!,
      {
        certificateIdentity: sigstoreJs.identity,
        certificateOidcIssuer: sigstoreJs.issuer
      }
    ]
  ])(
    'refuses %s for a tampered artifact',
    async (_, artifact, bundle, policy) => {
      const ws = await tempWorkspace()
      try {
        const original = await readFile(path.join(SIGSTORE_FIXTURES, artifact))
        const tampered = Buffer.from(original)
        const last = tampered.length - 1
        tampered[last] = tampered[last]! ^ 0x01
        await ws.write('artifact.tgz', tampered)
        await copyFile(
          path.join(SIGSTORE_FIXTURES, bundle),
          path.join(ws.root, 'artifact.tgz.sigstore.json')
        )
        const result = await verifyArtifacts({
          ...inFixtures('artifact.tgz', 'artifact.tgz.sigstore.json', policy),
          workspace: ws.root,
          bundles: []
        })
        expect(
          result.findings.map(f => [f.file, f.properties?.['check']])
        ).toEqual([['artifact.tgz', 'subject-digest']])
        expect(result.artifacts[0]!.verified).toBe(false)
      } finally {
        await ws.remove()
      }
    }
  )
})
