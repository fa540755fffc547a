/** The CLI as a user runs it: arguments in, output and exit code out. */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/run.js'
import type { CliIO } from '../../src/cli/io.js'
import { VERSION } from '../../src/version.js'
import { ROOT, TempRepo } from '../e2e/harness.js'
import { githubToken, ssn } from '../helpers/fake-values.js'
import {
  npmProvenance,
  SIGSTORE_FIXTURES
} from '../helpers/sigstore-fixtures.js'

async function cli(cwd: string, ...args: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    cwd,
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    interactive: false
  }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

describe('hipaa-gate', () => {
  let repo: TempRepo
  beforeEach(() => {
    repo = new TempRepo()
  })
  afterEach(() => repo.remove())

  it('prints its version and its help', async () => {
    expect(await cli(repo.dir, '--version')).toMatchObject({
      code: 0,
      stdout: `${VERSION}\n`
    })
    const help = await cli(repo.dir, '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('scan [PATH...]')
  })

  it('exits 2 naming the flag when a flag is unknown', async () => {
    const result = await cli(repo.dir, 'scan', '--formt', 'json')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("'--formt'")
  })

  it('exits 1 and lists findings, redacted, when files hold a token', async () => {
    const token = githubToken(77)
    repo.commit({
      'app/settings.py': `GITHUB = "${token}"\n`,
      'ok.txt': 'hi\n'
    })
    const result = await cli(repo.dir, 'scan')
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('app/settings.py:1:11')
    expect(result.stdout).toContain('github-classic-token')
    expect(result.stdout + result.stderr).not.toContain(token)
  })

  it('exits 0 when nothing reaches --fail-on', async () => {
    repo.commit({ 'a.txt': `id: ${ssn(5)}\n` })
    expect((await cli(repo.dir, 'scan', '--fail-on', 'never')).code).toBe(0)
    expect((await cli(repo.dir, 'scan')).code).toBe(1)
  })

  it('skips what .gitignore ignores inside a work tree', async () => {
    repo.commit({ '.gitignore': 'secrets/\n', 'x.txt': 'x\n' })
    repo.write('secrets/t.env', `T=${githubToken(2)}\n`)
    repo.write('untracked.env', `T=${githubToken(3)}\n`)
    const result = await cli(repo.dir, 'scan')
    expect(result.stdout).toContain('untracked.env')
    expect(result.stdout).not.toContain('secrets/t.env')
  })

  it('scans only what a commit range adds with --diff', async () => {
    const base = repo.commit({ 'old.env': `T=${githubToken(9)}\n` })
    repo.commit({ 'new.txt': 'clean\n' })
    const result = await cli(repo.dir, 'scan', '--diff', `${base}..HEAD`)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/0 findings|no findings/i)
  })

  it('scans the staged lines with --staged', async () => {
    repo.commit({ 'a.txt': 'a\n' })
    repo.write('b.env', `T=${githubToken(12)}\n`)
    repo.git('add', 'b.env')
    const result = await cli(repo.dir, 'scan', '--staged')
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('b.env:1:3')
  })

  it('writes a JSON report to --output and one summary line to stdout', async () => {
    repo.commit({ 'k.env': `K=${githubToken(31)}\n` })
    const result = await cli(
      repo.dir,
      'scan',
      '--format',
      'json',
      '--output',
      'report.json'
    )
    expect(result.code).toBe(1)
    expect(result.stdout.trim().split('\n')).toHaveLength(1)
    const report = JSON.parse(
      readFileSync(join(repo.dir, 'report.json'), 'utf8')
    )
    expect(report.schemaVersion).toBe(1)
    expect(report.findings[0]).toMatchObject({
      ruleId: 'github-classic-token',
      file: 'k.env',
      line: 1
    })
  })

  it('exits 2 and names the line of a bad config file', async () => {
    repo.commit({ 'cfg.yml': 'rules:\n  no-such-rule: off\n' })
    const result = await cli(repo.dir, 'scan', '--config', 'cfg.yml')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'cfg.yml:2:3: unknown rule id "no-such-rule"'
    )
  })

  it("lets a trusted owner's actions be used by tag", async () => {
    const workflow = [
      'on: push',
      'permissions: { contents: read }',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: my-org/setup-tool@v2',
      ''
    ].join('\n')
    repo.commit({ '.github/workflows/ci.yml': workflow })
    const ruleIds = (stdout: string): string[] =>
      (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map(
        f => f.ruleId
      )
    const strict = await cli(repo.dir, 'scan', '--format', 'json')
    expect(ruleIds(strict.stdout)).toContain('action-not-pinned-to-sha')
    repo.commit({
      '.github/hipaa-gate.yml':
        'ci-config:\n  trusted-action-owners: [my-org]\n'
    })
    const trusted = await cli(repo.dir, 'scan', '--format', 'json')
    expect(ruleIds(trusted.stdout)).not.toContain('action-not-pinned-to-sha')
  })

  it('writes a baseline that makes the same findings pass', async () => {
    repo.commit({ 'k.env': `K=${githubToken(41)}\n` })
    const written = await cli(repo.dir, 'baseline', '--output', 'base.json')
    expect(written.code).toBe(0)
    const result = await cli(repo.dir, 'scan', '--baseline', 'base.json')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('suppressed')
  })

  it('verifies a real npm provenance bundle, and refuses a wrong signer', async () => {
    copyFileSync(
      join(SIGSTORE_FIXTURES, npmProvenance.artifact),
      join(repo.dir, 'sigstore-2.1.0.tgz')
    )
    copyFileSync(
      join(SIGSTORE_FIXTURES, npmProvenance.bundle),
      join(repo.dir, 'sigstore-2.1.0.tgz.sigstore.json')
    )
    const good = await cli(
      repo.dir,
      'verify',
      'sigstore-2.1.0.tgz',
      '--require-signature',
      '--certificate-identity',
      npmProvenance.identity,
      '--certificate-oidc-issuer',
      npmProvenance.issuer
    )
    expect(good.stderr).toBe('')
    expect(good.code).toBe(0)

    const prefix = npmProvenance.identity.replace('sigstore-js', 'sigstore')
    const wrong = await cli(
      repo.dir,
      'verify',
      'sigstore-2.1.0.tgz',
      '--require-signature',
      '--certificate-identity',
      prefix,
      '--certificate-oidc-issuer',
      npmProvenance.issuer
    )
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain('signature-invalid')
  })

  it('generates a manifest that verify then accepts', async () => {
    repo.commit({ 'dist/app.tar': 'payload\n' })
    const made = await cli(
      repo.dir,
      'checksums',
      'generate',
      'dist/app.tar',
      '--output',
      'dist/SHA256SUMS'
    )
    expect(made.code).toBe(0)
    expect(readFileSync(join(repo.dir, 'dist/SHA256SUMS'), 'utf8')).toMatch(
      /^[0-9a-f]{64} {2}app\.tar\n$/
    )
    const checked = await cli(
      repo.dir,
      'verify',
      '--checksums',
      'dist/SHA256SUMS'
    )
    expect(checked.code).toBe(0)
    repo.write('dist/app.tar', 'tampered\n')
    const tampered = await cli(
      repo.dir,
      'verify',
      '--checksums',
      'dist/SHA256SUMS'
    )
    expect(tampered.code).toBe(1)
    expect(tampered.stdout).toContain('checksum-mismatch')
  })
})

describe('the bundled CLI (dist/cli.js)', () => {
  it('runs with nothing but Node and keeps the exit-code contract', () => {
    const repo = new TempRepo()
    try {
      repo.commit({ 't.env': `T=${githubToken(61)}\n` })
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'dist', 'cli.js'), 'scan', '--format', 'sarif'],
        { cwd: repo.dir, encoding: 'utf8' }
      )
      expect(run.status).toBe(1)
      const sarif = JSON.parse(run.stdout)
      expect(sarif.version).toBe('2.1.0')
      expect(sarif.runs[0].results[0].ruleId).toBe('github-classic-token')
      expect(
        execFileSync(
          process.execPath,
          [join(ROOT, 'dist', 'cli.js'), '--version'],
          { encoding: 'utf8' }
        )
      ).toBe(`${VERSION}\n`)
    } finally {
      repo.remove()
    }
  })
})
