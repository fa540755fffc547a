/**
 * Running git. Every git command of `src/source/` goes through here, so
 * that error messages name the command the same way and never leak what
 * git may print about remotes and credentials.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync } from 'node:fs'
import { SourceError } from './errors.js'

/** What a finished git command printed and how it exited. */
export interface GitResult {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}

/** Where decisions (fetched, deepened, fell back) are reported. */
export type SourceLog = (message: string) => void

// Keep only the end of stderr: git's last lines say what failed.
const STDERR_KEEP = 2000

/**
 * The environment git runs with. A prompt for a password would hang a CI
 * job, so git is told to fail instead of asking.
 */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0' }
}

/** Starts git with `args` in `cwd`; the caller owns the streams. */
export function spawnGit(
  cwd: string,
  args: readonly string[]
): ChildProcessWithoutNullStreams {
  return spawn('git', args, { cwd, env: gitEnv(), windowsHide: true })
}

/**
 * The command as it appears in messages: `git fetch --depth=1 origin …`.
 * Arguments are revisions, paths and flags the gate chose, never config
 * values or URLs, so they are safe to show.
 */
export function commandLabel(args: readonly string[]): string {
  return ['git', ...args.map(quoteArg)].join(' ')
}

function quoteArg(arg: string): string {
  return /^[\w./:=@^~+-]{1,400}$/.test(arg) ? arg : JSON.stringify(arg)
}

/**
 * Removes what git may echo that must not reach a log: user info in a
 * remote URL (`https://x-access-token:…@github.com`) and header values.
 */
export function scrubGitOutput(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]{0,15}:\/\/)[^\s/@]{1,512}@/gi, '$1***@')
    .replace(/(authorization:[ \t]{0,8})[^\r\n]{1,4096}/gi, '$1***')
    .replace(/(extraheader[ \t=]{0,8})[^\r\n]{1,4096}/gi, '$1***')
}

/** Shortens and scrubs stderr for a one-line error message. */
export function stderrSummary(stderr: string): string {
  const tail = stderr.length > STDERR_KEEP ? stderr.slice(-STDERR_KEEP) : stderr
  const lines = tail.split('\n').map(line => line.trim())
  return scrubGitOutput(lines.filter(line => line.length > 0).join('; '))
}

/** The error for a git process that could not be started. */
export function spawnFailure(
  cwd: string,
  args: readonly string[],
  cause: unknown
): SourceError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code
  // Node reports a missing working directory as a missing executable.
  if (code === 'ENOENT' && !existsSync(cwd)) {
    return new SourceError(
      'not-a-repository',
      `Could not run ${commandLabel(args)}: the directory ${cwd} does not ` +
        'exist.',
      { cause }
    )
  }
  if (code === 'ENOENT') {
    return new SourceError(
      'git-missing',
      `Could not run ${commandLabel(args)}: git is not installed or not ` +
        'on PATH. Install git on the runner.',
      { cause }
    )
  }
  return new SourceError(
    'git-failed',
    `Could not start ${commandLabel(args)}.`,
    {
      cause
    }
  )
}

/**
 * The error for a git command that exited non-zero, with advice for the
 * failures CI jobs meet: no repository, and git refusing a checkout owned
 * by another user (container jobs).
 */
export function exitFailure(
  args: readonly string[],
  result: Pick<GitResult, 'stderr' | 'exitCode'>
): SourceError {
  const detail = stderrSummary(result.stderr)
  const message =
    `${commandLabel(args)} exited with code ${result.exitCode}` +
    (detail ? `: ${detail}` : '.')
  if (/dubious ownership/i.test(result.stderr)) {
    return new SourceError(
      'not-a-repository',
      `${message} The checkout belongs to another user; run ` +
        '`git config --global --add safe.directory <path>` first.'
    )
  }
  if (/not a git repository/i.test(result.stderr)) {
    return new SourceError('not-a-repository', message)
  }
  return new SourceError('git-failed', message)
}

/**
 * Runs git to completion and returns its output, whatever the exit code.
 * For commands with small output only; diffs and trees are streamed.
 */
export function runGit(
  cwd: string,
  args: readonly string[],
  input?: string
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(cwd, args)
    const out: Buffer[] = []
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      err = (err + chunk).slice(-STDERR_KEEP * 2)
    })
    child.on('error', cause => reject(spawnFailure(cwd, args, cause)))
    child.on('close', code =>
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: err,
        exitCode: code ?? -1
      })
    )
    child.stdin.end(input)
  })
}

/** Runs git and returns stdout; a non-zero exit throws `git-failed`. */
export async function git(
  cwd: string,
  args: readonly string[],
  input?: string
): Promise<string> {
  const result = await runGit(cwd, args, input)
  if (result.exitCode !== 0) throw exitFailure(args, result)
  return result.stdout
}

/** True when `cwd` is inside a git work tree. */
export async function isWorkTree(cwd: string): Promise<boolean> {
  const result = await runGit(cwd, ['rev-parse', '--is-inside-work-tree'])
  return result.exitCode === 0 && result.stdout.trim() === 'true'
}

/** Throws `not-a-repository` unless `cwd` is inside a git repository. */
export async function requireRepository(cwd: string): Promise<void> {
  const args = ['rev-parse', '--git-dir']
  const result = await runGit(cwd, args)
  if (result.exitCode === 0) return
  const detail = stderrSummary(result.stderr)
  throw new SourceError(
    'not-a-repository',
    `${cwd} is not a git repository (${commandLabel(args)} failed` +
      (detail ? `: ${detail}` : '') +
      '). Run actions/checkout before the gate, or pass the directory ' +
      'of a clone.'
  )
}
