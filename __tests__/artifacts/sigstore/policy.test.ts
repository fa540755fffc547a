import { ArtifactsError } from '../../../src/artifacts/errors.js'
import type { VerifySettings } from '../../../src/artifacts/settings.js'
import {
  buildIdentityPolicy,
  checkSigner
} from '../../../src/artifacts/sigstore/policy.js'
import type { CertificateSigner } from '../../../src/artifacts/sigstore/signer.js'

const base: VerifySettings = {
  workspace: '.',
  artifacts: [],
  checksums: [],
  requireChecksum: false,
  requireSignature: true,
  bundles: []
}
const GITHUB = 'https://token.actions.githubusercontent.com'
const signer: CertificateSigner = {
  identity:
    'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v2',
  issuer: GITHUB,
  sourceRepositoryUri: 'https://github.com/acme/app',
  buildSignerUri:
    'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v2',
  sourceRepositoryRef: 'refs/tags/v2'
}
const check = (extra: Partial<VerifySettings>) =>
  checkSigner(buildIdentityPolicy({ ...base, ...extra }), signer)?.check

describe('identity policy', () => {
  it('compares a plain identity exactly, never as a pattern', () => {
    expect(
      check({
        certificateIdentity: signer.identity,
        certificateOidcIssuer: GITHUB
      })
    ).toBeUndefined()
    expect(
      check({
        certificateIdentity:
          'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v',
        certificateOidcIssuer: GITHUB
      })
    ).toBe('identity')
    expect(
      check({
        certificateIdentity: 'https://github.com/acme/app/.*',
        certificateOidcIssuer: GITHUB
      })
    ).toBe('identity')
  })

  it('anchors an identity regular expression at both ends', () => {
    const matches = (re: string) =>
      check({ certificateIdentityRegexp: re, certificateOidcIssuer: GITHUB })
    expect(
      matches('https://github\\.com/acme/app/.+@refs/tags/v[0-9]+')
    ).toBeUndefined()
    expect(matches('https://github\\.com/acme/ap')).toBe('identity')
    expect(matches('acme/app')).toBe('identity')
  })

  it('requires the exact issuer', () => {
    expect(
      check({
        certificateIdentity: signer.identity,
        certificateOidcIssuer: GITHUB + '/'
      })
    ).toBe('issuer')
  })

  it('requires an issuer with an identity, since any provider could claim it', () => {
    expect(() =>
      buildIdentityPolicy({ ...base, certificateIdentity: 'a@b.example' })
    ).toThrow(expect.objectContaining({ code: 'identity-policy-missing' }))
  })

  it('defaults the issuer to GitHub Actions for a repository policy', () => {
    expect(
      buildIdentityPolicy({ ...base, signerRepository: 'acme/app' }).issuer
    ).toBe(GITHUB)
  })

  it('matches the repository exactly and without case, never a prefix', () => {
    expect(check({ signerRepository: 'Acme/App' })).toBeUndefined()
    expect(check({ signerRepository: 'acme/ap' })).toBe('repository')
    expect(check({ signerRepository: 'acme/app-extra' })).toBe('repository')
    expect(
      check({ signerRepository: 'https://github.com/acme/app' })
    ).toBeUndefined()
  })

  it('matches the signer workflow by path, repository and optional ref', () => {
    expect(
      check({ signerWorkflow: 'acme/app/.github/workflows/release.yml' })
    ).toBeUndefined()
    expect(
      check({
        signerRepository: 'acme/app',
        signerWorkflow: '.github/workflows/release.yml@refs/tags/v2'
      })
    ).toBeUndefined()
    expect(
      check({ signerWorkflow: '.github/workflows/release.yml@refs/heads/main' })
    ).toBe('workflow')
    expect(
      check({ signerWorkflow: 'acme/other/.github/workflows/release.yml' })
    ).toBe('workflow')
    expect(
      check({ signerWorkflow: 'acme/app/.github/workflows/release.yaml' })
    ).toBe('workflow')
  })

  it('refuses malformed policy inputs with the input named', () => {
    const attempts: Partial<VerifySettings>[] = [
      {
        certificateIdentity: 'a',
        certificateIdentityRegexp: 'b',
        certificateOidcIssuer: GITHUB
      },
      { certificateIdentityRegexp: '(unclosed', certificateOidcIssuer: GITHUB },
      { signerRepository: 'not a repository' },
      { signerWorkflow: 'release.yml' }
    ]
    const messages = attempts.map(extra => {
      try {
        buildIdentityPolicy({ ...base, ...extra })
        return 'accepted'
      } catch (error) {
        expect(error).toBeInstanceOf(ArtifactsError)
        return (error as ArtifactsError).code
      }
    })
    expect(messages).toEqual([
      'settings-invalid',
      'identity-regexp-invalid',
      'settings-invalid',
      'settings-invalid'
    ])
  })
})
