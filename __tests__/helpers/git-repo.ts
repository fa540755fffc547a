/**
 * Temporary git repositories for tests: a work repository to commit in, a
 * bare "origin" to push to, and shallow clones like actions/checkout
 * makes. Every commit has fixed author and committer dates, so SHAs are
 * the same on every run.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

// Keep the machine's own git configuration out of the tests.
const ISOLATED: NodeJS.ProcessEnv = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.test'
}

/**
 * Makes git commands the code under test runs see the same isolated
 * configuration. Call once per test file, before any repository is used.
 */
export function isolateGit(): void {
  Object.assign(process.env, {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null'
  })
}

let clock = 0

/** Runs git in `cwd` and returns its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  clock++
  const date = `${1_700_000_000 + clock * 60} +0000`
  return execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      ...ISOLATED,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

/** A fresh temporary directory; `cleanup()` removes all of them. */
const made: string[] = []
export function tempDir(prefix = 'hipaa-gate-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function cleanup(): void {
  for (const dir of made.splice(0)) {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** File contents by path; `null` deletes the file. */
export type Files = Record<string, string | Buffer | null>

/** A work repository with helpers to commit files. */
export class Repo {
  readonly dir: string

  constructor(dir = tempDir()) {
    this.dir = dir
    git(dir, 'init', '-q', '-b', 'main')
  }

  git(...args: string[]): string {
    return git(this.dir, ...args)
  }

  write(files: Files): void {
    for (const [path, content] of Object.entries(files)) {
      const absolute = join(this.dir, path)
      if (content === null) {
        rmSync(absolute, { force: true })
        continue
      }
      mkdirSync(dirname(absolute), { recursive: true })
      writeFileSync(absolute, content)
    }
  }

  /** Writes `files`, stages everything and commits; returns the SHA. */
  commit(files: Files, message = 'change'): string {
    this.write(files)
    this.git('add', '-A')
    this.git('commit', '-q', '--allow-empty', '-m', message)
    return this.head()
  }

  /**
   * Appends `count` commits that change nothing to `branch`, in one
   * `git fast-import` run (a process per commit is slow on a busy
   * machine). The index and work tree are unchanged, as the trees are.
   */
  emptyCommits(branch: string, count: number): string {
    const parent = this.head(branch)
    let stream = ''
    for (let i = 1; i <= count; i++) {
      const message = `empty ${i}`
      stream +=
        `commit refs/heads/${branch}\nmark :${i}\n` +
        `committer Test Committer <committer@example.test> ${1_700_000_000 + i} +0000\n` +
        `data ${Buffer.byteLength(message)}\n${message}\n` +
        `from ${i === 1 ? parent : `:${i - 1}`}\n\n`
    }
    execFileSync('git', ['fast-import', '--quiet'], {
      cwd: this.dir,
      env: { ...process.env, ...ISOLATED },
      input: stream
    })
    return this.head(branch)
  }

  head(rev = 'HEAD'): string {
    return this.git('rev-parse', rev)
  }
}

/**
 * A bare origin holding `repo`'s branches, as GitHub would, with fetching
 * of any reachable commit by SHA allowed (GitHub allows it).
 */
export function bareOrigin(repo: Repo): string {
  const dir = join(tempDir(), 'origin.git')
  git(repo.dir, 'clone', '-q', '--bare', repo.dir, dir)
  git(dir, 'config', 'uploadpack.allowReachableSHA1InWant', 'true')
  git(repo.dir, 'remote', 'add', 'origin', dir)
  return dir
}

/** A depth-1 clone of `origin` at `branch`, like actions/checkout's. */
export function shallowClone(origin: string, branch = 'main'): string {
  const dir = join(tempDir(), 'checkout')
  git(
    tmpdir(),
    'clone',
    '-q',
    '--depth=1',
    '--no-tags',
    '--branch',
    branch,
    `file://${origin}`,
    dir
  )
  return dir
}
