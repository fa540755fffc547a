import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { listTree, type TreeFile } from '../../src/source/tree.js'
import { cleanup, isolateGit, Repo, tempDir } from '../helpers/git-repo.js'

isolateGit()
afterAll(cleanup)

async function list(
  opts: Parameters<typeof listTree>[0]
): Promise<Map<string, TreeFile>> {
  const files = new Map<string, TreeFile>()
  for await (const file of listTree(opts)) files.set(file.path, file)
  return files
}

describe('listTree in a git work tree', () => {
  function workTree(): Repo {
    const repo = new Repo()
    repo.commit({
      '.gitignore': 'build/\n*.log\n',
      'src/app.ts': 'export {}\n',
      'src/removed.ts': 'gone soon\n',
      'data/scan one.dcm': Buffer.from([1, 0, 2]),
      'docs/naïve.md': '# hi\n'
    })
    repo.write({
      'src/removed.ts': null,
      'untracked.txt': 'new\n',
      'build/out.js': 'ignored\n',
      'debug.log': 'ignored\n'
    })
    symlinkSync('src/app.ts', join(repo.dir, 'link.ts'))
    return repo
  }

  it('lists tracked and untracked files that .gitignore does not exclude', async () => {
    const repo = workTree()
    const files = await list({ cwd: repo.dir, mode: 'worktree' })
    expect([...files.keys()].sort()).toEqual([
      '.gitignore',
      'data/scan one.dcm',
      'docs/naïve.md',
      'src/app.ts',
      'untracked.txt'
    ])
  })

  it('tells binary files by a NUL byte and reads them whole', async () => {
    const repo = workTree()
    const files = await list({ cwd: repo.dir, mode: 'worktree' })
    const dicom = files.get('data/scan one.dcm')!
    expect(dicom).toMatchObject({ binary: true, size: 3, tooLarge: false })
    expect([...(await dicom.read())]).toEqual([1, 0, 2])
    expect(files.get('src/app.ts')!.binary).toBe(false)
  })

  it('limits the listing to the given paths', async () => {
    const repo = workTree()
    const files = await list({
      cwd: repo.dir,
      mode: 'worktree',
      paths: ['src']
    })
    expect([...files.keys()]).toEqual(['src/app.ts'])
  })

  it('names a path that does not exist instead of listing nothing', async () => {
    const repo = workTree()
    await expect(
      list({ cwd: repo.dir, mode: 'worktree', paths: ['src/typo.ts'] })
    ).rejects.toMatchObject({
      code: 'file-unreadable',
      message: expect.stringContaining('"src/typo.ts"')
    })
  })

  it('marks files over the cap as too large', async () => {
    const repo = workTree()
    repo.write({ 'huge.txt': 'x'.repeat(5000) })
    const files = await list({
      cwd: repo.dir,
      mode: 'worktree',
      maxFileBytes: 1000
    })
    expect(files.get('huge.txt')).toMatchObject({
      tooLarge: true,
      size: 5000,
      binary: false
    })
    expect(files.get('src/app.ts')!.tooLarge).toBe(false)
  })
})

describe('listTree outside a git work tree', () => {
  it('walks the directories, skipping .git and symlinks', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'a/b'), { recursive: true })
    mkdirSync(join(dir, '.git'))
    writeFileSync(join(dir, '.git/config'), '[core]\n')
    writeFileSync(join(dir, 'a/b/deep file.txt'), 'deep\n')
    writeFileSync(join(dir, 'top.txt'), 'top\n')
    symlinkSync(dir, join(dir, 'a/loop'))
    symlinkSync(join(dir, 'top.txt'), join(dir, 'alias.txt'))
    const files = await list({ cwd: dir, mode: 'worktree' })
    expect([...files.keys()]).toEqual(['a/b/deep file.txt', 'top.txt'])
    expect((await files.get('top.txt')!.read()).toString()).toBe('top\n')
  })

  it('names a path that does not exist', async () => {
    const dir = tempDir()
    await expect(
      list({ cwd: dir, mode: 'worktree', paths: ['missing/dir'] })
    ).rejects.toMatchObject({
      code: 'file-unreadable',
      message: expect.stringContaining('"missing/dir"')
    })
  })
})

describe('listTree at HEAD', () => {
  it('lists the committed regular files, not the work tree', async () => {
    const repo = new Repo()
    const first = repo.commit({ 'a.txt': 'a\n', 'bin/tool': Buffer.from([0]) })
    symlinkSync('a.txt', join(repo.dir, 'link'))
    repo.commit({ 'big.txt': 'y'.repeat(3000) })
    // A gitlink goes in through the index: `add -A` would drop it.
    repo.git('update-index', '--add', '--cacheinfo', `160000,${first},sub`)
    repo.git('commit', '-q', '-m', 'submodule')
    repo.write({ 'uncommitted.txt': 'not in HEAD\n' })

    const committed = repo.git('ls-tree', '-r', '--name-only', 'HEAD')
    expect(committed.split('\n')).toEqual(
      expect.arrayContaining(['sub', 'link'])
    )

    const files = await list({
      cwd: repo.dir,
      mode: 'head',
      maxFileBytes: 1000
    })
    expect([...files.keys()].sort()).toEqual(['a.txt', 'big.txt', 'bin/tool'])
    expect(files.get('bin/tool')!.binary).toBe(true)
    expect(files.get('big.txt')).toMatchObject({ size: 3000, tooLarge: true })
    expect((await files.get('a.txt')!.read()).toString()).toBe('a\n')
    expect((await files.get('big.txt')!.read()).length).toBe(3000)
  })

  it('lists the tree of an earlier commit when given its ref', async () => {
    const repo = new Repo()
    const first = repo.commit({ 'old.txt': 'old\n' })
    repo.commit({ 'old.txt': null, 'new.txt': 'new\n' })
    const files = await list({ cwd: repo.dir, mode: 'head', ref: first })
    expect([...files.keys()]).toEqual(['old.txt'])
    expect((await files.get('old.txt')!.read()).toString()).toBe('old\n')
  })
})
