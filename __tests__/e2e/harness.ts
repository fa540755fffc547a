/**
 * Runs the bundled action (dist/index.js) the way the runner does: a
 * process with INPUT_* variables, GITHUB_* variables, an event payload
 * file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, against a temporary
 * git repository with base and head commits.
 */
import { execFileSync, spawn } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir()
}

/** A scratch git repository with helpers to commit files. */
export class TempRepo {
  readonly dir: string

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'hipaa-gate-e2e-'))
    this.git('init', '-q', '-b', 'main')
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...GIT_ENV },
      encoding: 'utf8'
    }).trim()
  }

  /** Writes a file without committing it. */
  write(path: string, text: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true })
    writeFileSync(join(this.dir, path), text)
  }

  /** Writes the files and commits them; returns the commit SHA. */
  commit(files: Record<string, string>, message = 'change'): string {
    for (const [path, text] of Object.entries(files)) this.write(path, text)
    this.git('add', '-A')
    this.git('commit', '-q', '--allow-empty', '-m', message)
    return this.git('rev-parse', 'HEAD')
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

export interface ActionRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  /** Every file the run wrote that a user can read, by name. */
  readonly files: Record<string, string>
}

/** Parses the GITHUB_OUTPUT file (heredoc form `name<<DELIM`). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (m) {
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== m[2]; i++)
        value.push(lines[i]!)
      outputs[m[1]!] = value.join('\n')
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=')
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1)
    }
  }
  return outputs
}

export interface RunOptions {
  readonly repo: TempRepo
  readonly eventName: string
  readonly payload: unknown
  readonly inputs: Record<string, string>
  readonly apiUrl?: string
  readonly sha?: string
}

/** Runs `node dist/index.js` as the runner would and collects its outputs. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'hipaa-gate-runner-'))
  const eventPath = join(scratch, 'event.json')
  const outputPath = join(scratch, 'output.txt')
  const summaryPath = join(scratch, 'summary.md')
  writeFileSync(eventPath, JSON.stringify(options.payload))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...GIT_ENV,
    RUNNER_TEMP: scratch,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: options.repo.dir,
    GITHUB_REPOSITORY: 'octo-org/clinic',
    GITHUB_SHA: options.sha ?? options.repo.git('rev-parse', 'HEAD'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = value
  }

  const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], {
    cwd: options.repo.dir,
    env
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const code = await new Promise<number | null>(done =>
    child.on('close', status => done(status))
  )

  const files: Record<string, string> = {}
  for (const name of ['sarif-file', 'report-file']) {
    const path = options.inputs[name]
    if (path) {
      try {
        files[name] = readFileSync(resolve(options.repo.dir, path), 'utf8')
      } catch {
        // Absent: the test asserts on it.
      }
    }
  }
  const run: ActionRun = {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    files
  }
  rmSync(scratch, { recursive: true, force: true })
  return run
}
