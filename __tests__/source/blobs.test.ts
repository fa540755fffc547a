import { readBlobs } from '../../src/source/blobs.js'
import { SourceError } from '../../src/source/errors.js'
import { cleanup, isolateGit, Repo } from '../helpers/git-repo.js'

isolateGit()
afterAll(cleanup)

describe('readBlobs', () => {
  it('returns whole files at a revision, text and binary, in any order', async () => {
    const repo = new Repo()
    const bytes = Buffer.from([0x44, 0x49, 0x43, 0x4d, 0, 0xff, 0x0a, 0])
    const first = repo.commit({
      'patients.csv': 'mrn,name\n',
      'scan.dcm': bytes,
      'empty.txt': ''
    })
    repo.commit({ 'patients.csv': 'mrn,name\nrow\n' })
    const reader = readBlobs(repo.dir)
    try {
      const [atHead, atFirst, binary, empty] = await Promise.all([
        reader.read('HEAD', 'patients.csv'),
        reader.read(first, 'patients.csv'),
        reader.read('HEAD', 'scan.dcm'),
        reader.read('HEAD', 'empty.txt')
      ])
      expect(atHead.toString()).toBe('mrn,name\nrow\n')
      expect(atFirst.toString()).toBe('mrn,name\n')
      expect(binary.equals(bytes)).toBe(true)
      expect(empty.length).toBe(0)
    } finally {
      reader.close()
    }
  })

  it('reads names with spaces, non-ASCII characters and line breaks', async () => {
    const repo = new Repo()
    repo.commit({
      'notes/visit summary é.txt': 'one\n',
      'odd\nname.txt': 'two\n'
    })
    const reader = readBlobs(repo.dir)
    try {
      expect(
        (await reader.read('HEAD', 'notes/visit summary é.txt')).toString()
      ).toBe('one\n')
      expect((await reader.read('HEAD', 'odd\nname.txt')).toString()).toBe(
        'two\n'
      )
    } finally {
      reader.close()
    }
  })

  it('throws blob-missing naming the path, and keeps serving later reads', async () => {
    const repo = new Repo()
    repo.commit({ 'src/a.ts': 'a\n' })
    const reader = readBlobs(repo.dir)
    try {
      const missing = reader.read('HEAD', 'src/nope.ts')
      await expect(missing).rejects.toThrow(SourceError)
      await expect(missing).rejects.toMatchObject({
        code: 'blob-missing',
        message: expect.stringContaining('"src/nope.ts" at HEAD')
      })
      await expect(reader.read('HEAD', 'src')).rejects.toMatchObject({
        code: 'blob-missing',
        message: expect.stringContaining('is a tree')
      })
      expect((await reader.read('HEAD', 'src/a.ts')).toString()).toBe('a\n')
    } finally {
      reader.close()
    }
  })

  it('keeps only the first bytes of an object when given a limit', async () => {
    const repo = new Repo()
    repo.commit({ 'big.txt': 'z'.repeat(100_000) })
    const reader = readBlobs(repo.dir)
    try {
      const head = await reader.readObject('HEAD:big.txt', 10)
      expect(head.toString()).toBe('z'.repeat(10))
      const whole = await reader.read('HEAD', 'big.txt')
      expect(whole.length).toBe(100_000)
    } finally {
      reader.close()
    }
  })

  it('starts again after being closed', async () => {
    const repo = new Repo()
    repo.commit({ a: 'a\n' })
    const reader = readBlobs(repo.dir)
    await reader.read('HEAD', 'a')
    reader.close()
    expect((await reader.read('HEAD', 'a')).toString()).toBe('a\n')
    reader.close()
  })
})
