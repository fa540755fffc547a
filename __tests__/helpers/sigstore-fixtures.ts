/**
 * The real Sigstore bundles in `../shared/fixtures/sigstore/` (see its
 * README). They are read in place, never copied into the repository. In
 * a worktree under `wt/` the shared folder sits one level further up.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

const candidates = [
  path.resolve(process.cwd(), '..', 'shared', 'fixtures', 'sigstore'),
  path.resolve(process.cwd(), '..', '..', 'shared', 'fixtures', 'sigstore')
]

/** Absolute path of the fixture folder. */
export const SIGSTORE_FIXTURES =
  candidates.find(folder => existsSync(folder)) ?? candidates[0]!

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

/** The npm provenance of sigstore-js 2.1.0 and its tarball. */
export const npmProvenance = {
  artifact: 'npm-provenance/sigstore-2.1.0.tgz',
  bundle: 'npm-provenance/sigstore-js-2.1.0-bundle.json',
  jsonl: 'npm-provenance/sigstore-js-2.1.0_with_2_bundles.jsonl',
  identity:
    'https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
  issuer: GITHUB_ISSUER
}

/** An attestation made by GitHub's reusable attestation workflow. */
export const reusableWorkflow = {
  artifact: 'github-attestation/reusable-workflow-artifact',
  bundle: 'github-attestation/reusable-workflow-attestation.sigstore.json',
  repository: 'malancas/attest-demo',
  workflow:
    'github/artifact-attestations-workflows/.github/workflows/attest.yml',
  callerWorkflow: 'malancas/attest-demo/.github/workflows/shared.yml'
}

/** A bundle from GitHub's own Sigstore instance (private repositories). */
export const githubInstance = {
  artifact: 'github-attestation/github_provenance_demo-0.0.12-py3-none-any.whl',
  bundle:
    'github-attestation/github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl'
}

/** The nine sigstore-js test bundles (v0.1 to v0.3) for sigstore 1.0.0. */
export const sigstoreJs = {
  artifact: 'sigstore-js-bundles/sigstore-1.0.0.tgz',
  bundles: [
    'bundleV01-dsse-no-proof',
    'bundleV01-dsse-with-proof',
    'bundleV01-full-cert-chain',
    'bundleV01-intoto-no-proof',
    'bundleV01-intoto-with-proof',
    'bundleV02-dsse',
    'bundleV02-intoto',
    'bundleV03-dsse',
    'bundleV03-intoto'
  ].map(name => `sigstore-js-bundles/${name}.sigstore`),
  identity: 'brian@dehamer.com',
  issuer: 'https://github.com/login/oauth'
}
