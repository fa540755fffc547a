import { createHash } from 'node:crypto'
import { symlink } from 'node:fs/promises'
import path from 'node:path'
import { verifyArtifacts } from '../../src/artifacts/index.js'
import type { VerifySettings } from '../../src/artifacts/settings.js'
import { tempWorkspace, type TempWorkspace } from '../helpers/workspace.js'

const files = {
  'release/app-linux.tar.gz': 'linux build\n',
  'release/app-windows.zip': 'windows build\n'
}
const hex = (algorithm: string, data: string) =>
  createHash(algorithm).update(data).digest('hex')
const b64 = (algorithm: string, data: string) =>
  createHash(algorithm).update(data).digest('base64')

let ws: TempWorkspace
beforeEach(async () => {
  ws = await tempWorkspace()
  for (const [name, content] of Object.entries(files)) {
    await ws.write(name, content)
  }
})
afterEach(() => ws.remove())

function settings(extra: Partial<VerifySettings> = {}): VerifySettings {
  return {
    workspace: ws.root,
    artifacts: [],
    checksums: ['release/*SUMS*', 'release/*.txt', 'release/*.json'],
    requireChecksum: false,
    requireSignature: false,
    bundles: [],
    ...extra
  }
}

const rules = (result: Awaited<ReturnType<typeof verifyArtifacts>>) =>
  result.findings.map(f => [f.ruleId, f.file, f.line, f.severity])

/** The same two artifacts in each manifest format, names as written. */
const manifests: Record<string, (tamper?: boolean) => string> = {
  'GNU sha256sum': t =>
    `${hex('sha256', t ? 'x' : files['release/app-linux.tar.gz'])}  app-linux.tar.gz\n` +
    `${hex('sha256', files['release/app-windows.zip'])} *app-windows.zip\n`,
  'GNU sha512sum': t =>
    `${hex('sha512', t ? 'x' : files['release/app-linux.tar.gz'])}  app-linux.tar.gz\n` +
    `${hex('sha512', files['release/app-windows.zip'])}  app-windows.zip\n`,
  'BSD tags': t =>
    `SHA256 (app-linux.tar.gz) = ${hex('sha256', t ? 'x' : files['release/app-linux.tar.gz'])}\n` +
    `SHA384 (app-windows.zip) = ${hex('sha384', files['release/app-windows.zip'])}\n`,
  'SRI strings': t =>
    `sha512-${b64('sha512', t ? 'x' : files['release/app-linux.tar.gz'])} app-linux.tar.gz\n` +
    `sha256-${b64('sha256', files['release/app-windows.zip'])} app-windows.zip\n`,
  'in-toto statement': t =>
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [
        {
          name: 'app-linux.tar.gz',
          digest: {
            sha256: hex('sha256', t ? 'x' : files['release/app-linux.tar.gz'])
          }
        },
        {
          name: 'app-windows.zip',
          digest: { sha256: hex('sha256', files['release/app-windows.zip']) }
        }
      ],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {}
    })
}
const manifestName = (format: string) =>
  format === 'in-toto statement'
    ? 'release/provenance.json'
    : format.startsWith('GNU')
      ? 'release/SHA256SUMS'
      : 'release/checksums.txt'

describe('checksum verification', () => {
  it.each(Object.keys(manifests))(
    'verifies good entries of a %s manifest from its own folder',
    async format => {
      const manifest = manifestName(format)
      await ws.write(manifest, manifests[format]!())

      const result = await verifyArtifacts(settings())

      expect(result.findings).toEqual([])
      expect(result.filesHashed).toBe(2)
      expect(
        result.artifacts.map(a => [a.path, a.verified, a.manifest])
      ).toEqual([
        ['release/app-linux.tar.gz', true, manifest],
        ['release/app-windows.zip', true, manifest]
      ])
    }
  )

  it.each(Object.keys(manifests))(
    'reports a tampered artifact listed in a %s manifest',
    async format => {
      await ws.write(manifestName(format), manifests[format]!(true))

      const result = await verifyArtifacts(settings())

      expect(rules(result)).toEqual([
        ['checksum-mismatch', 'release/app-linux.tar.gz', 1, 'error']
      ])
      expect(result.findings[0]).toMatchObject({
        category: 'integrity',
        safeguard: '164.312(c)(2)',
        properties: expect.objectContaining({ manifest: manifestName(format) })
      })
      expect(result.findings[0]!.message).toContain('release/app-linux.tar.gz')
      expect(
        result.artifacts.find(a => a.path === 'release/app-linux.tar.gz')
      ).toMatchObject({ verified: false })
    }
  )

  it('reports an artifact the manifest lists but the release lacks', async () => {
    await ws.write(
      'release/SHA256SUMS',
      manifests['GNU sha256sum']!() +
        `${hex('sha256', 'gone')}  app-macos.dmg\n`
    )

    const result = await verifyArtifacts(settings())

    expect(rules(result)).toEqual([
      ['checksum-missing-artifact', 'release/app-macos.dmg', 1, 'error']
    ])
    expect(result.findings[0]!.properties).toMatchObject({
      manifest: 'release/SHA256SUMS',
      line: 3
    })
  })

  it('refuses absolute and escaping names without hashing them', async () => {
    await ws.write('secret.txt', 'outside the release folder\n')
    await ws.write(
      'release/SHA256SUMS',
      `${hex('sha256', 'x')}  /etc/passwd\n` +
        `${hex('sha256', 'x')}  ../../../../etc/shadow\n` +
        `${hex('sha256', 'x')}  ../secret.txt\n`
    )

    const result = await verifyArtifacts(settings())

    // `../secret.txt` stays in the workspace, so it is checked (and wrong).
    expect(rules(result)).toEqual([
      ['manifest-path-escape', 'release/SHA256SUMS', 1, 'error'],
      ['manifest-path-escape', 'release/SHA256SUMS', 2, 'error'],
      ['checksum-mismatch', 'secret.txt', 1, 'error']
    ])
    expect(result.artifacts.map(a => a.path)).toEqual(['secret.txt'])
  })

  it('refuses symbolic links that leave the workspace', async () => {
    const outside = await tempWorkspace()
    try {
      const target = await outside.write('host-file', 'not in the workspace\n')
      await symlink(target, path.join(ws.root, 'release/linked.bin'))
      await ws.write(
        'release/SHA256SUMS',
        `${hex('sha256', 'not in the workspace\n')}  linked.bin\n`
      )

      const listed = await verifyArtifacts(settings())
      expect(rules(listed)).toEqual([
        ['manifest-path-escape', 'release/SHA256SUMS', 1, 'error']
      ])

      const globbed = await verifyArtifacts(
        settings({ checksums: [], artifacts: ['release/*.bin'] })
      )
      expect(rules(globbed)).toEqual([
        ['artifact-path-escape', 'release/linked.bin', 1, 'error']
      ])
    } finally {
      await outside.remove()
    }
  })

  it('refuses a manifest that is a symbolic link out of the workspace', async () => {
    const outside = await tempWorkspace()
    try {
      const target = await outside.write(
        'SHA256SUMS',
        manifests['GNU sha256sum']!()
      )
      await symlink(target, path.join(ws.root, 'release/SHA256SUMS'))
      const result = await verifyArtifacts(settings())
      expect(rules(result)).toEqual([
        ['manifest-path-escape', 'release/SHA256SUMS', 1, 'error']
      ])
      expect(result.artifacts).toEqual([])
    } finally {
      await outside.remove()
    }
  })

  it('follows symbolic links that stay inside the workspace', async () => {
    await symlink(
      path.join(ws.root, 'release/app-linux.tar.gz'),
      path.join(ws.root, 'release/latest.tar.gz')
    )
    await ws.write(
      'release/SHA256SUMS',
      `${hex('sha256', files['release/app-linux.tar.gz'])}  latest.tar.gz\n`
    )
    const result = await verifyArtifacts(settings())
    expect(result.findings).toEqual([])
  })

  it('refuses MD5 and SHA-1 entries as too weak to cover an artifact', async () => {
    await ws.write(
      'release/checksums.txt',
      `${hex('md5', files['release/app-linux.tar.gz'])}  app-linux.tar.gz\n` +
        `SHA1 (app-windows.zip) = ${hex('sha1', files['release/app-windows.zip'])}\n`
    )

    const result = await verifyArtifacts(
      settings({ artifacts: ['release/app-*'], requireChecksum: true })
    )

    expect(rules(result)).toEqual([
      ['checksum-weak-algorithm', 'release/app-linux.tar.gz', 1, 'error'],
      ['checksum-weak-algorithm', 'release/app-windows.zip', 1, 'error'],
      ['checksum-not-listed', 'release/app-linux.tar.gz', 1, 'error'],
      ['checksum-not-listed', 'release/app-windows.zip', 1, 'error']
    ])
  })

  it('warns about an unlisted artifact, and fails when a checksum is required', async () => {
    await ws.write('release/extra.bin', 'not in any manifest\n')
    await ws.write('release/SHA256SUMS', manifests['GNU sha256sum']!())

    const lenient = await verifyArtifacts(
      settings({ artifacts: ['release/**'] })
    )
    expect(rules(lenient)).toEqual([
      ['checksum-not-listed', 'release/extra.bin', 1, 'warning']
    ])
    // Nothing vouches for it, so the audit record does not call it verified.
    expect(lenient.artifacts.map(a => [a.path, a.verified]).sort()).toEqual([
      ['release/app-linux.tar.gz', true],
      ['release/app-windows.zip', true],
      ['release/extra.bin', false]
    ])

    const strict = await verifyArtifacts(
      settings({ artifacts: ['release/**'], requireChecksum: true })
    )
    expect(rules(strict)).toEqual([
      ['checksum-not-listed', 'release/extra.bin', 1, 'error']
    ])
  })

  it('names the manifest line it cannot parse', async () => {
    await ws.write(
      'release/SHA256SUMS',
      manifests['GNU sha256sum']!() + 'garbage line\n'
    )
    const result = await verifyArtifacts(settings())
    expect(rules(result)).toEqual([
      ['checksum-manifest-invalid', 'release/SHA256SUMS', 3, 'error']
    ])
    expect(result.findings[0]!.message).toMatch(/^release\/SHA256SUMS line 3: /)
  })

  it('matches package URL subjects of provenance by digest', async () => {
    await ws.write(
      'release/provenance.json',
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v0.1',
        subject: [
          {
            name: 'pkg:generic/app@1.0.0',
            digest: { sha512: hex('sha512', files['release/app-linux.tar.gz']) }
          }
        ],
        predicateType: 'https://slsa.dev/provenance/v0.2',
        predicate: {}
      })
    )
    const result = await verifyArtifacts(
      settings({
        artifacts: ['release/app-linux.tar.gz'],
        requireChecksum: true
      })
    )
    expect(result.findings).toEqual([])
    expect(result.artifacts[0]!.manifest).toBe('release/provenance.json')
  })

  it('records every digest and the size of each artifact', async () => {
    await ws.write('release/SHA256SUMS', manifests['GNU sha512sum']!())
    const result = await verifyArtifacts(settings())
    const content = files['release/app-linux.tar.gz']
    expect(result.artifacts[0]).toMatchObject({
      path: 'release/app-linux.tar.gz',
      bytes: content.length,
      digests: {
        sha256: hex('sha256', content),
        sha512: hex('sha512', content)
      }
    })
    expect(result.bytesHashed).toBe(
      Object.values(files).reduce((n, c) => n + c.length, 0)
    )
  })
})

describe('checksum verification logging', () => {
  let logWs: TempWorkspace
  beforeEach(async () => {
    logWs = await tempWorkspace()
  })
  afterEach(() => logWs.remove())

  it('logs counts and decisions, never digests or file contents', async () => {
    const content = 'artifact contents that must not be logged\n'
    await logWs.write('out/a.bin', content)
    await logWs.write('out/SHA256SUMS', `${hex('sha256', content)}  a.bin\n`)
    const lines: string[] = []

    await verifyArtifacts(
      {
        workspace: logWs.root,
        artifacts: [],
        checksums: ['out/SHA256SUMS'],
        requireChecksum: true,
        requireSignature: false,
        bundles: []
      },
      line => lines.push(line)
    )

    expect(lines).toEqual([
      'checksums: 1 manifest(s), 1 entries',
      `hashing: 1 file(s), ${content.length} bytes`,
      'verified: 1 of 1 artifact(s), 0 finding(s)'
    ])
  })
})
