import { createHash } from 'node:crypto'
import { parseManifest } from '../../../src/artifacts/manifests/index.js'
import { unescapeName } from '../../../src/artifacts/manifests/checksum-lines.js'

const hex = (algorithm: string, data: string) =>
  createHash(algorithm).update(data).digest('hex')
const sri = (algorithm: string, data: string) =>
  `${algorithm}-${createHash(algorithm).update(data).digest('base64')}`

describe('checksum line manifests', () => {
  it('reads GNU text and binary mode lines with any supported digest', () => {
    const text = [
      `${hex('sha256', 'a')}  app-linux.tar.gz`,
      `${hex('sha512', 'b')} *app-windows.zip`,
      `${hex('sha384', 'c')}  docs/read me.txt`,
      ''
    ].join('\n')
    const parsed = parseManifest(text)
    expect(parsed.problems).toEqual([])
    expect(parsed.formats).toEqual(['gnu'])
    expect(parsed.entries).toEqual([
      {
        name: 'app-linux.tar.gz',
        algorithm: 'sha256',
        digest: hex('sha256', 'a'),
        line: 1
      },
      {
        name: 'app-windows.zip',
        algorithm: 'sha512',
        digest: hex('sha512', 'b'),
        line: 2
      },
      {
        name: 'docs/read me.txt',
        algorithm: 'sha384',
        digest: hex('sha384', 'c'),
        line: 3
      }
    ])
  })

  it('reads goreleaser checksums.txt with Windows line endings', () => {
    const text = `${hex('sha256', 'x')}  tool_1.0_linux_amd64.tar.gz\r\n`
    const [entry] = parseManifest(text).entries
    expect(entry).toMatchObject({
      name: 'tool_1.0_linux_amd64.tar.gz',
      line: 1
    })
  })

  it('undoes coreutils escaping of backslashes and newlines in names', () => {
    const text = `\\${hex('sha256', 'x')}  odd\\\\name\\nwith-newline\n`
    const [entry] = parseManifest(text).entries
    expect(entry!.name).toBe('odd\\name\nwith-newline')
    expect(unescapeName('bad\\q')).toBeUndefined()
  })

  it('reads BSD tags, including names with parentheses', () => {
    const text = [
      `SHA256 (app.tgz) = ${hex('sha256', 'a')}`,
      `SHA512 (app (final).zip) = ${hex('sha512', 'b')}`,
      `SHA2-384 (notes.txt) = ${hex('sha384', 'c')}`
    ].join('\n')
    const parsed = parseManifest(text)
    expect(parsed.problems).toEqual([])
    expect(parsed.formats).toEqual(['bsd'])
    expect(parsed.entries.map(e => [e.name, e.algorithm])).toEqual([
      ['app.tgz', 'sha256'],
      ['app (final).zip', 'sha512'],
      ['notes.txt', 'sha384']
    ])
  })

  it('reads SRI strings before or after the file name', () => {
    const text = [
      `${sri('sha512', 'a')}  app-1.0.0.tgz`,
      `lib-2.0.0.tgz ${sri('sha256', 'b')}`
    ].join('\n')
    const parsed = parseManifest(text)
    expect(parsed.problems).toEqual([])
    expect(parsed.entries).toEqual([
      {
        name: 'app-1.0.0.tgz',
        algorithm: 'sha512',
        digest: hex('sha512', 'a'),
        line: 1
      },
      {
        name: 'lib-2.0.0.tgz',
        algorithm: 'sha256',
        digest: hex('sha256', 'b'),
        line: 2
      }
    ])
  })

  it('reads MD5 and SHA-1 lines so that they can be refused as weak', () => {
    const text = `${hex('md5', 'a')}  a.bin\nSHA1 (b.bin) = ${hex('sha1', 'b')}\n`
    expect(parseManifest(text).entries.map(e => e.algorithm)).toEqual([
      'md5',
      'sha1'
    ])
  })

  it('skips blank lines and comments but names every line it cannot read', () => {
    const text = [
      '# release 1.0',
      '',
      `${hex('sha256', 'a')}  good.tgz`,
      'this is not a checksum',
      `${'ab'.repeat(28)}  sha224-is-unsupported.tgz`,
      `SHA256 (short.tgz) = ${'ab'.repeat(16)}`,
      `sha512-${Buffer.from('too short').toString('base64')} bad-sri.tgz`
    ].join('\n')
    const parsed = parseManifest(text)
    expect(parsed.entries.map(e => e.name)).toEqual(['good.tgz'])
    expect(parsed.problems.map(p => p.line)).toEqual([4, 5, 6, 7])
    expect(parsed.problems[0]!.reason).toContain('expected')
  })

  it('stays linear on a long hostile line', () => {
    const hostile = [
      'SHA256 ' + '('.repeat(4000) + ') = ' + 'a'.repeat(130),
      'a'.repeat(4000) + '  ' + 'x'.repeat(4000),
      'x '.repeat(4000) + 'sha512-' + 'A'.repeat(150),
      'a'.repeat(200_000)
    ].join('\n')
    const parsed = parseManifest(hostile)
    expect(parsed.entries).toHaveLength(0)
    expect(parsed.problems.map(p => p.line)).toEqual([1, 2, 3, 4])
    expect(parsed.problems[3]!.reason).toContain('longer than')
  })
})
