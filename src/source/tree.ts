/**
 * Whole files to scan: the work tree for the CLI's `hipaa-gate scan
 * [PATH...]`, or the committed tree at HEAD for a full scan in the action.
 */
import { open, readFile } from 'node:fs/promises'
import { BINARY_SNIFF_BYTES, looksBinary } from './binary.js'
import { readBlobs, type BlobReader } from './blobs.js'
import { DEFAULT_MAX_FILE_BYTES } from './diff-parser.js'
import { SourceError } from './errors.js'
import { exitFailure, isWorkTree, spawnFailure, spawnGit } from './git.js'
import { checkRevision } from './revision.js'
import {
  requireExists,
  statRegular,
  walkFiles,
  type FoundFile
} from './walk.js'

export { BINARY_SNIFF_BYTES, looksBinary }

/** One file of a tree. */
export interface TreeFile {
  /** POSIX; relative to `cwd` (worktree) or the top level (head). */
  readonly path: string
  readonly size: number
  /** A NUL byte in the first 8 KiB. */
  readonly binary: boolean
  /** Larger than the cap: the gate reports it rather than reading it. */
  readonly tooLarge: boolean
  read(): Promise<Buffer>
}

/** Options of `listTree`. */
export interface TreeOptions {
  readonly cwd: string
  readonly mode: 'worktree' | 'head'
  /**
   * Limit the listing to these files or directories: relative to `cwd`
   * in `worktree` mode, to the top level in `head` mode.
   */
  readonly paths?: readonly string[]
  /** Cap on a file's size (default 2 MiB). */
  readonly maxFileBytes?: number
  /**
   * In `head` mode, the commit whose tree is listed (default `HEAD`): the
   * `ref` of a full `ScanTarget`.
   */
  readonly ref?: string
}

/**
 * Lists the files to scan. `worktree` lists, inside a git work tree, the
 * tracked and untracked files `.gitignore` does not exclude, and outside
 * one walks the directories (skipping `.git`, following no symlinks);
 * `head` lists the regular files committed at HEAD. Symlinks and
 * submodules are not files to scan and are left out.
 */
export async function* listTree(opts: TreeOptions): AsyncGenerator<TreeFile> {
  const cap = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  if (opts.mode === 'head') {
    const ref = checkRevision(opts.ref ?? 'HEAD', 'ref')
    yield* headTree(opts.cwd, ref, opts.paths ?? [], cap)
    return
  }
  // A mistyped path must fail, not scan nothing; git would list nothing.
  for (const path of opts.paths ?? []) await requireExists(opts.cwd, path)
  const found = (await isWorkTree(opts.cwd))
    ? gitFiles(opts.cwd, opts.paths ?? [])
    : walkFiles(opts.cwd, opts.paths ?? [])
  for await (const file of found) yield await workTreeFile(file, cap)
}

async function workTreeFile(file: FoundFile, cap: number): Promise<TreeFile> {
  const read = async (): Promise<Buffer> => {
    try {
      return await readFile(file.absolute)
    } catch (cause) {
      throw new SourceError('file-unreadable', `Could not read ${file.path}.`, {
        cause
      })
    }
  }
  let sample: Buffer
  try {
    const handle = await open(file.absolute, 'r')
    try {
      const { buffer, bytesRead } = await handle.read({
        buffer: Buffer.alloc(BINARY_SNIFF_BYTES)
      })
      sample = buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (cause) {
    throw new SourceError('file-unreadable', `Could not read ${file.path}.`, {
      cause
    })
  }
  return {
    path: file.path,
    size: file.size,
    binary: looksBinary(sample),
    tooLarge: file.size > cap,
    read
  }
}

/** Tracked and untracked, not ignored: `git ls-files -z -co`. */
async function* gitFiles(
  cwd: string,
  paths: readonly string[]
): AsyncGenerator<FoundFile> {
  const args = [
    '-c',
    'core.quotePath=false',
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--deduplicate',
    '--',
    ...paths
  ]
  for await (const entry of nulSeparated(cwd, args)) {
    // Tracked files deleted from the work tree, and submodule directories,
    // are listed by git but are not files to read.
    const file = await statRegular(cwd, entry)
    if (file !== undefined) yield file
  }
}

/** The regular files committed at `ref`: `git ls-tree -r -z -l`. */
async function* headTree(
  cwd: string,
  ref: string,
  paths: readonly string[],
  cap: number
): AsyncGenerator<TreeFile> {
  const args = ['ls-tree', '-r', '-z', '-l', '--full-tree', ref, '--']
  const reader = readBlobs(cwd)
  try {
    for await (const entry of nulSeparated(cwd, [...args, ...paths])) {
      // `<mode> <type> <object> <size>\t<path>`
      const tab = entry.indexOf('\t')
      const fields = entry.slice(0, tab).split(/ {1,64}/)
      const [mode, type, oid, sizeField] = fields
      if (tab < 0 || type !== 'blob' || mode === '120000' || !oid) continue
      const size = Number(sizeField)
      yield await headFile(reader, cwd, entry.slice(tab + 1), oid, size, cap)
    }
  } finally {
    reader.close()
  }
}

async function headFile(
  reader: BlobReader,
  cwd: string,
  path: string,
  oid: string,
  size: number,
  cap: number
): Promise<TreeFile> {
  const tooLarge = size > cap
  // A file under the cap is read once, here, and kept for read(); a larger
  // one is sniffed only and read again on demand.
  const data = await reader.readObject(
    oid,
    tooLarge ? BINARY_SNIFF_BYTES : Infinity
  )
  const read = async (): Promise<Buffer> => {
    if (!tooLarge) return data
    const late = readBlobs(cwd)
    try {
      return await late.readObject(oid)
    } finally {
      late.close()
    }
  }
  return { path, size, binary: looksBinary(data), tooLarge, read }
}

/** Streams the NUL-separated entries git prints for `args`. */
async function* nulSeparated(
  cwd: string,
  args: readonly string[]
): AsyncGenerator<string> {
  const child = spawnGit(cwd, args)
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000)
  })
  const exit = new Promise<number>((resolve, reject) => {
    child.on('error', cause => reject(spawnFailure(cwd, args, cause)))
    child.on('close', code => resolve(code ?? -1))
  })
  exit.catch(() => {})
  child.stdin.end()

  let rest = Buffer.alloc(0)
  let completed = false
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk
      let nul = data.indexOf(0)
      while (nul !== -1) {
        yield data.toString('utf8', 0, nul)
        data = data.subarray(nul + 1)
        nul = data.indexOf(0)
      }
      rest = Buffer.from(data)
    }
    const code = await exit
    if (code !== 0) throw exitFailure(args, { stderr, exitCode: code })
    completed = true
  } finally {
    if (!completed && child.exitCode === null) child.kill()
  }
}
