/**
 * Finding files on disk: the directory walk for a `hipaa-gate scan` run
 * outside any git work tree, and the check that a listed path is a regular
 * file. Symlinks are never followed, so a scan cannot be led outside the
 * directory it was given or round a loop.
 */
import type { Stats } from 'node:fs'
import { lstat, opendir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { SourceError } from './errors.js'

/** A regular file found on disk. */
export interface FoundFile {
  /** Relative to the directory of the scan, with `/` separators. */
  readonly path: string
  readonly absolute: string
  readonly size: number
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** The file at `path` (relative to `cwd`) if it is a regular file. */
export async function statRegular(
  cwd: string,
  path: string
): Promise<FoundFile | undefined> {
  const absolute = join(cwd, path)
  try {
    const stats = await lstat(absolute)
    if (!stats.isFile()) return undefined
    return { path: toPosix(path), absolute, size: stats.size }
  } catch {
    // Listed but gone (deleted and not yet staged): nothing to read.
    return undefined
  }
}

/**
 * Walks `paths` (files or directories, relative to `cwd`; all of `cwd`
 * when empty) depth first in name order, skipping `.git` directories and
 * symlinks. A named path that does not exist is an error.
 */
export async function* walkFiles(
  cwd: string,
  paths: readonly string[]
): AsyncGenerator<FoundFile> {
  const roots = paths.length > 0 ? paths : ['.']
  for (const root of roots) {
    const absolute = join(cwd, root)
    const stats = await requireExists(cwd, root)
    if (stats.isFile()) {
      const path = toPosix(relative(cwd, absolute))
      yield { path, absolute, size: stats.size }
    } else if (stats.isDirectory()) {
      yield* walkDirectory(cwd, absolute)
    }
  }
}

/** The stats of `path` (relative to `cwd`); `file-unreadable` if absent. */
export async function requireExists(cwd: string, path: string): Promise<Stats> {
  try {
    return await lstat(join(cwd, path))
  } catch (cause) {
    throw new SourceError(
      'file-unreadable',
      `The path ${JSON.stringify(path)} does not exist or cannot be read.`,
      { cause }
    )
  }
}

async function* walkDirectory(
  cwd: string,
  directory: string
): AsyncGenerator<FoundFile> {
  let names: { name: string; dir: boolean; file: boolean }[]
  try {
    const dir = await opendir(directory)
    names = []
    for await (const entry of dir) {
      names.push({
        name: entry.name,
        dir: entry.isDirectory(),
        file: entry.isFile()
      })
    }
  } catch (cause) {
    throw new SourceError(
      'file-unreadable',
      `Could not list the directory ${toPosix(relative(cwd, directory)) || '.'}.`,
      { cause }
    )
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

  for (const entry of names) {
    // `.git` is a directory, or in a linked work tree a file: never content.
    if (entry.name === '.git') continue
    const absolute = join(directory, entry.name)
    if (entry.dir) {
      yield* walkDirectory(cwd, absolute)
    } else if (entry.file) {
      const found = await statRegular(cwd, relative(cwd, absolute))
      if (found !== undefined) yield found
    }
  }
}
