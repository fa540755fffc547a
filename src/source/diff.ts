/**
 * Streaming the added lines of a change out of `git diff`, file by file.
 * Git's output is parsed as it arrives and never held whole, so memory
 * stays flat however large the diff.
 */
import { BINARY_SNIFF_BYTES, looksBinary } from './binary.js'
import { readBlobs, type BlobReader } from './blobs.js'
import {
  DEFAULT_MAX_FILE_BYTES,
  DiffParser,
  type ChangedFile
} from './diff-parser.js'
import { SourceError } from './errors.js'
import {
  commandLabel,
  exitFailure,
  requireRepository,
  spawnFailure,
  spawnGit
} from './git.js'
import { LineSplitter, type Line } from './line-splitter.js'
import { checkRevision } from './revision.js'

export type { ChangedFile }

/** Options of `streamDiff`. */
export interface DiffOptions {
  /** The repository work tree. */
  readonly cwd: string
  /** The commit to compare from (the merge base of a scan target). */
  readonly base: string
  readonly head: string
  /** Cap on one file's added text (default 2 MiB); over it, `tooLarge`. */
  readonly maxFileBytes?: number
}

/**
 * The flags every diff runs with, each overriding a user setting that
 * would change the output the parser reads:
 * - `core.quotePath=false`: non-ASCII names raw, not as octal escapes;
 * - `-U0`: only changed lines (context would be scanned as added);
 * - `--no-color`, `--no-ext-diff`, `--no-textconv`: git's own patch text
 *   of the stored bytes, whatever drivers `.gitattributes` names;
 * - `-M`: renames as renames, so a moved file adds no lines;
 * - `--diff-filter=d`: deletions add nothing;
 * - fixed `a/` `b/` prefixes, `--no-relative` paths from the top level,
 *   `--submodule=short` for gitlinks (`diff.submodule=log` would print
 *   commit subjects as if they were lines).
 */
const DIFF_FLAGS = [
  '-U0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '-M',
  '--diff-filter=d',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--no-relative',
  '--submodule=short'
]

/**
 * The files `head` adds or modifies relative to `base`, with their added
 * lines. Pure renames and mode changes are yielded with empty text, so the
 * gate can still apply path rules to them; deleted files are not yielded.
 * `base === head` yields nothing without running git (an empty range).
 */
export async function* streamDiff(
  opts: DiffOptions
): AsyncGenerator<ChangedFile> {
  const base = checkRevision(opts.base, 'base')
  const head = checkRevision(opts.head, 'head')
  if (base === head) return
  // Outside a repository `git diff A B` compares files A and B on disk.
  await requireRepository(opts.cwd)
  const range = [base, head]
  const files = runDiff(opts.cwd, [...DIFF_FLAGS, ...range, '--'], opts)
  yield* unmaskBinaries(opts, files, range, `${head}:`)
}

/**
 * The files staged in the index relative to HEAD (all of them before the
 * first commit), for a pre-commit hook: `git diff --cached`.
 */
export async function* streamStagedDiff(opts: {
  readonly cwd: string
  readonly maxFileBytes?: number
}): AsyncGenerator<ChangedFile> {
  await requireRepository(opts.cwd)
  const files = runDiff(opts.cwd, ['--cached', ...DIFF_FLAGS, '--'], opts)
  // `:path` names the file as staged in the index.
  yield* unmaskBinaries(opts, files, ['--cached'], ':')
}

/**
 * Git decides "binary" by a NUL byte or by `.gitattributes` (`binary`,
 * `-diff`), and a change can add `* -diff` to hide every line it adds. A
 * file git calls binary is checked here by its bytes; if it has no NUL it
 * is diffed again as text (`--text`) and yielded with its added lines.
 */
async function* unmaskBinaries(
  opts: { readonly cwd: string; readonly maxFileBytes?: number },
  files: AsyncGenerator<ChangedFile>,
  range: readonly string[],
  newSide: string
): AsyncGenerator<ChangedFile> {
  let reader: BlobReader | undefined
  try {
    for await (const file of files) {
      if (!file.binary) {
        yield file
        continue
      }
      reader ??= readBlobs(opts.cwd)
      const sample = await reader
        .readObject(`${newSide}${file.path}`, BINARY_SNIFF_BYTES)
        .catch(() => undefined)
      if (sample === undefined || looksBinary(sample)) {
        yield file
        continue
      }
      const paths = file.oldPath ? [file.oldPath, file.path] : [file.path]
      const flags = ['--text', ...DIFF_FLAGS, ...range, '--', ...paths]
      for await (const text of runDiff(opts.cwd, flags, opts)) {
        if (text.path === file.path) yield text
      }
    }
  } finally {
    reader?.close()
  }
}

async function* runDiff(
  cwd: string,
  flags: readonly string[],
  opts: { readonly maxFileBytes?: number }
): AsyncGenerator<ChangedFile> {
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  // Paths after `--` are file names, never pathspec magic like `:(glob)`.
  const args = [
    '-c',
    'core.quotePath=false',
    '--literal-pathspecs',
    'diff',
    ...flags
  ]
  const child = spawnGit(cwd, args)
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', cause => reject(spawnFailure(cwd, args, cause)))
    child.on('close', code => resolve(code ?? -1))
  })
  // Observed below; this only keeps an early failure from going unhandled.
  exit.catch(() => {})

  // A line longer than the cap makes its file too large anyway.
  const splitter = new LineSplitter(maxFileBytes + 2)
  const parser = new DiffParser(maxFileBytes)
  const ready: ChangedFile[] = []
  const take = (line: Line): void => {
    const file = parser.line(line)
    if (file !== undefined) ready.push(file)
  }

  let completed = false
  try {
    child.stdin.end()
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      splitter.push(chunk, take)
      // Yielding between chunks applies back-pressure to git.
      while (ready.length > 0) yield ready.shift()!
    }
    splitter.end(take)
    const last = parser.end()
    const code = await exit
    if (code !== 0) throw exitFailure(args, { stderr, exitCode: code })
    if (last !== undefined) yield last
    completed = true
  } catch (cause) {
    if (cause instanceof SourceError) throw cause
    throw new SourceError(
      'git-failed',
      `Reading the output of ${commandLabel(args)} failed.`,
      { cause }
    )
  } finally {
    // The consumer stopped early or something failed: stop git too.
    if (!completed && child.exitCode === null) child.kill()
  }
}
