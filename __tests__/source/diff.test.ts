import { SourceError } from '../../src/source/errors.js'
import {
  streamDiff,
  streamStagedDiff,
  type ChangedFile
} from '../../src/source/diff.js'
import { cleanup, isolateGit, Repo, tempDir } from '../helpers/git-repo.js'

isolateGit()
afterAll(cleanup)

async function collect(
  files: AsyncIterable<ChangedFile>
): Promise<ChangedFile[]> {
  const out: ChangedFile[] = []
  for await (const file of files) out.push(file)
  return out
}

async function diffOf(
  before: Record<string, string | Buffer | null>,
  after: Record<string, string | Buffer | null>,
  maxFileBytes?: number
): Promise<ChangedFile[]> {
  const repo = new Repo()
  const base = repo.commit(before, 'before')
  const head = repo.commit(after, 'after')
  return collect(streamDiff({ cwd: repo.dir, base, head, maxFileBytes }))
}

describe('streamDiff', () => {
  it('yields only the added lines of a modified file, with their lines', async () => {
    const files = await diffOf(
      { 'app.ts': 'one\ntwo\nthree\n' },
      { 'app.ts': 'one\nTWO\nthree\nfour\n' }
    )
    expect(files).toEqual([
      {
        path: 'app.ts',
        status: 'modified',
        binary: false,
        text: 'TWO\nfour',
        lineNumbers: [2, 4],
        addedBytes: 9
      }
    ])
  })

  it('yields a new file whole and never a deleted one', async () => {
    const files = await diffOf(
      { 'old.txt': 'going away\n' },
      { 'old.txt': null, 'new.txt': 'a\nb\n' }
    )
    expect(files.map(f => [f.path, f.status, f.text])).toEqual([
      ['new.txt', 'added', 'a\nb']
    ])
  })

  it('treats added lines that look like diff headers as content', async () => {
    const tricky = '+++ b/elsewhere\n--- a/x\n@@ -1 +1 @@\ndiff --git a/q b/q\n'
    const [file, ...rest] = await diffOf(
      { 'notes.md': 'top\n' },
      { 'notes.md': `top\n${tricky}` }
    )
    expect(rest).toEqual([])
    expect(file!.path).toBe('notes.md')
    expect(file!.text).toBe(tricky.slice(0, -1))
    expect(file!.lineNumbers).toEqual([2, 3, 4, 5])
  })

  it('keeps names with spaces, tabs, quotes and non-ASCII characters', async () => {
    const names = [
      'with space.txt',
      'tab\there.txt',
      'say "hi".txt',
      'café/naïve ü.txt'
    ]
    const files = await diffOf(
      { keep: 'x\n' },
      Object.fromEntries(names.map(n => [n, `in ${n}\n`]))
    )
    expect(files.map(f => f.path).sort()).toEqual([...names].sort())
    for (const file of files) expect(file.text).toBe(`in ${file.path}`)
  })

  it('yields a pure rename with no added lines, and an edited rename with its new lines', async () => {
    const body = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n')
    const files = await diffOf(
      { 'a/moved.txt': `${body}\n`, 'b/edited.txt': `${body}\n` },
      {
        'a/moved.txt': null,
        'a/moved to.txt': `${body}\n`,
        'b/edited.txt': null,
        'b/edited-new.txt': `${body}\nappended\n`
      }
    )
    const byPath = Object.fromEntries(files.map(f => [f.path, f]))
    expect(byPath['a/moved to.txt']).toMatchObject({
      status: 'renamed',
      oldPath: 'a/moved.txt',
      text: '',
      lineNumbers: []
    })
    expect(byPath['b/edited-new.txt']).toMatchObject({
      status: 'renamed',
      oldPath: 'b/edited.txt',
      text: 'appended',
      lineNumbers: [31]
    })
  })

  it('marks binary files and gives them no text', async () => {
    const [file] = await diffOf(
      { keep: 'x\n' },
      { 'scan.dcm': Buffer.from([0x44, 0, 0x49, 0x43, 0x4d, 0]) }
    )
    expect(file).toMatchObject({
      path: 'scan.dcm',
      binary: true,
      text: '',
      status: 'added'
    })
  })

  it('does not let .gitattributes hide added lines by calling a file binary', async () => {
    const files = await diffOf(
      { keep: 'x\n' },
      {
        '.gitattributes': '*.env -diff\nsecrets/** binary\n',
        'prod.env': 'API_KEY=abc\n',
        'secrets/db one.txt': 'password: hunter\n',
        'real.bin': Buffer.from([0x50, 0, 0x4b, 0])
      }
    )
    const byPath = Object.fromEntries(files.map(f => [f.path, f]))
    expect(byPath['prod.env']).toMatchObject({
      binary: false,
      text: 'API_KEY=abc',
      lineNumbers: [1]
    })
    expect(byPath['secrets/db one.txt']).toMatchObject({
      binary: false,
      text: 'password: hunter'
    })
    expect(byPath['real.bin']).toMatchObject({ binary: true, text: '' })
  })

  it('strips the CR of CRLF lines and reads a last line without a newline', async () => {
    const [file] = await diffOf(
      { 'win.txt': 'a\r\n' },
      { 'win.txt': 'a\r\nkey = value\r\nlast line' }
    )
    expect(file!.text).toBe('key = value\nlast line')
    expect(file!.lineNumbers).toEqual([2, 3])
  })

  it('reports a file whose added text is over the cap as too large', async () => {
    const big = 'x'.repeat(99) + '\n'
    const [large, small] = await diffOf(
      { keep: 'x\n' },
      { 'large.csv': big.repeat(20), 'small.csv': big },
      1000
    )
    expect(large).toMatchObject({
      path: 'large.csv',
      tooLarge: true,
      text: '',
      lineNumbers: [],
      addedBytes: 2000
    })
    expect(small!.tooLarge).toBeUndefined()
    expect(small!.text).toBe(big.trim())
  })

  it('reports a single line longer than the cap as too large', async () => {
    const [file] = await diffOf(
      { keep: 'x\n' },
      { 'min.js': 'y'.repeat(5000) },
      1000
    )
    expect(file).toMatchObject({ tooLarge: true, text: '', addedBytes: 5001 })
  })

  it('yields a mode change with no added lines', async () => {
    const repo = new Repo()
    const base = repo.commit({ 'run.sh': 'echo hi\n' })
    repo.git('update-index', '--chmod=+x', 'run.sh')
    repo.git('commit', '-q', '-m', 'exec')
    const files = await collect(
      streamDiff({ cwd: repo.dir, base, head: repo.head() })
    )
    expect(files).toEqual([
      expect.objectContaining({ path: 'run.sh', status: 'modified', text: '' })
    ])
  })

  it('marks a submodule and does not scan its commit line', async () => {
    const repo = new Repo()
    const base = repo.commit({ keep: 'x\n' })
    repo.git(
      'update-index',
      '--add',
      '--cacheinfo',
      `160000,${base},vendor/lib`
    )
    repo.git('commit', '-q', '-m', 'submodule')
    const [file] = await collect(
      streamDiff({ cwd: repo.dir, base, head: repo.head() })
    )
    expect(file).toMatchObject({
      path: 'vendor/lib',
      submodule: true,
      text: '',
      lineNumbers: []
    })
  })

  it('calls a file that became a symlink type-changed', async () => {
    const repo = new Repo()
    const base = repo.commit({ target: 't\n', link: 'plain\n' })
    repo.write({ link: null })
    repo.git('rm', '-q', '--cached', 'link')
    const { symlinkSync } = await import('node:fs')
    symlinkSync('target', `${repo.dir}/link`)
    const head = repo.commit({})
    const files = await collect(streamDiff({ cwd: repo.dir, base, head }))
    expect(files).toEqual([
      expect.objectContaining({ path: 'link', status: 'type-changed' })
    ])
  })

  it('yields nothing for an empty range without running git', async () => {
    const files = await collect(
      streamDiff({
        cwd: '/nonexistent',
        base: 'a'.repeat(40),
        head: 'a'.repeat(40)
      })
    )
    expect(files).toEqual([])
  })

  it('fails with the git command named when a commit is unknown', async () => {
    const repo = new Repo()
    const base = repo.commit({ a: '1\n' })
    const run = collect(
      streamDiff({ cwd: repo.dir, base, head: 'f'.repeat(40) })
    )
    await expect(run).rejects.toThrow(SourceError)
    await expect(run).rejects.toMatchObject({
      code: 'git-failed',
      message: expect.stringMatching(/^git -c core\.quotePath=false .*diff /)
    })
  })

  it('says not-a-repository when the directory is not a clone', async () => {
    const run = collect(
      streamDiff({ cwd: tempDir(), base: 'a'.repeat(40), head: 'b'.repeat(40) })
    )
    await expect(run).rejects.toMatchObject({ code: 'not-a-repository' })
  })

  it('refuses a revision that git could read as an option', async () => {
    const run = collect(
      streamDiff({ cwd: '.', base: '--output=/tmp/x', head: 'HEAD' })
    )
    await expect(run).rejects.toMatchObject({ code: 'input-invalid' })
  })

  it('lets a consumer stop after the first file', async () => {
    const repo = new Repo()
    const base = repo.commit({ keep: 'x\n' })
    const head = repo.commit({ 'a.txt': 'a\n', 'b.txt': 'b\n' })
    const seen: string[] = []
    for await (const file of streamDiff({ cwd: repo.dir, base, head })) {
      seen.push(file.path)
      break
    }
    expect(seen).toEqual(['a.txt'])
  })
})

describe('streamStagedDiff', () => {
  it('yields the staged lines, before the first commit too', async () => {
    const repo = new Repo()
    repo.write({ 'first.txt': 'hello\n' })
    repo.git('add', 'first.txt')
    expect(await collect(streamStagedDiff({ cwd: repo.dir }))).toEqual([
      expect.objectContaining({
        path: 'first.txt',
        status: 'added',
        text: 'hello'
      })
    ])

    repo.git('commit', '-q', '-m', 'first')
    repo.write({ '.gitattributes': '*.txt binary\n' })
    repo.git('add', '.gitattributes')
    repo.git('commit', '-q', '-m', 'attributes')
    repo.write({ 'first.txt': 'hello\nstaged\n', 'unstaged.txt': 'no\n' })
    repo.git('add', 'first.txt')
    const files = await collect(streamStagedDiff({ cwd: repo.dir }))
    expect(files.map(f => [f.path, f.text, f.lineNumbers])).toEqual([
      ['first.txt', 'staged', [2]]
    ])
  })
})
