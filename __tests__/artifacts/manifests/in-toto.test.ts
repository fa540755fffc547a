import { createHash } from 'node:crypto'
import { parseManifest } from '../../../src/artifacts/manifests/index.js'

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex')

function statement(subject: unknown[]) {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject,
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {}
  }
}

describe('in-toto statement manifests', () => {
  it('reads the subjects of a statement, each on its own line', () => {
    const text = JSON.stringify(
      statement([
        { name: 'app.tgz', digest: { sha256: sha256('a') } },
        { name: 'app.zip', digest: { sha256: sha256('b'), gitCommit: 'abc' } }
      ]),
      null,
      2
    )
    const parsed = parseManifest(text)
    expect(parsed.problems).toEqual([])
    expect(parsed.formats).toEqual(['in-toto'])
    expect(parsed.entries.map(e => [e.name, e.algorithm, e.line])).toEqual([
      ['app.tgz', 'sha256', 5],
      ['app.zip', 'sha256', 11]
    ])
  })

  it('reads SLSA provenance wrapped in a DSSE envelope, one per line', () => {
    const envelope = (name: string) =>
      JSON.stringify({
        payloadType: 'application/vnd.in-toto+json',
        payload: Buffer.from(
          JSON.stringify(
            statement([{ name, digest: { sha256: sha256(name) } }])
          )
        ).toString('base64'),
        signatures: []
      })
    const parsed = parseManifest(`${envelope('a.tgz')}\n${envelope('b.tgz')}\n`)
    expect(parsed.entries.map(e => [e.name, e.line])).toEqual([
      ['a.tgz', 1],
      ['b.tgz', 2]
    ])
  })

  it('marks package URL subjects as matched by digest alone', () => {
    const text = JSON.stringify(
      statement([
        { name: 'pkg:npm/app@1.0.0', digest: { sha512: 'ab'.repeat(64) } }
      ])
    )
    expect(parseManifest(text).entries[0]).toMatchObject({
      digestOnly: true,
      algorithm: 'sha512'
    })
  })

  it('names a truncated document and malformed subjects as problems', () => {
    const truncated = JSON.stringify(statement([])).slice(0, 40)
    expect(parseManifest(truncated).problems[0]).toMatchObject({ line: 1 })

    const bad = JSON.stringify(
      statement([
        { name: 'a.tgz', digest: { sha256: 'not-hex' } },
        { name: 'b.tgz', digest: { gitCommit: 'abc' } },
        { digest: { sha256: sha256('c') } }
      ])
    )
    const parsed = parseManifest(bad)
    expect(parsed.entries).toEqual([])
    expect(parsed.problems.map(p => p.reason)).toEqual([
      "subject 'a.tgz' has a malformed sha256 digest",
      "subject 'b.tgz' has no SHA-256, SHA-384 or SHA-512 digest",
      'a subject needs a `name` and a `digest` object'
    ])
  })

  it('refuses JSON that is not an in-toto statement', () => {
    const parsed = parseManifest('{"name": "app", "version": "1.0.0"}')
    expect(parsed.problems[0]!.reason).toContain('in-toto statement')
  })
})
