/**
 * Expanding the `artifacts`, `checksums` and `bundle` inputs into files.
 * These inputs come from the workflow author, not from the release, so a
 * path outside the workspace is a usage error rather than a finding.
 */
import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import picomatch from 'picomatch'
import { ArtifactsError } from './errors.js'
import { insideWorkspace } from './paths.js'

// Deep enough for any release layout; stops a symlink-free but absurdly
// deep tree from turning a walk into a crawl.
const MAX_DEPTH = 32

/** Folders a glob never descends into unless it names them. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules'])

/**
 * The absolute paths of the files `patterns` match, sorted and without
 * duplicates. A pattern without glob characters must name an existing
 * file; `input` names the setting in errors.
 */
export async function expandGlobs(
  workspace: string,
  patterns: readonly string[],
  input: string
): Promise<string[]> {
  const found = new Set<string>()
  for (const pattern of patterns) {
    const relative = workspacePattern(workspace, pattern, input)
    const scan = picomatch.scan(relative)
    if (!scan.isGlob) {
      const absolute = path.resolve(workspace, relative)
      if (!(await exists(absolute))) {
        throw new ArtifactsError(
          'file-unreadable',
          `${input}: '${pattern}' does not exist in the workspace`
        )
      }
      found.add(absolute)
      continue
    }
    let matcher: (p: string) => boolean
    try {
      matcher = picomatch(relative, { dot: true })
    } catch (cause) {
      throw new ArtifactsError(
        'glob-invalid',
        `${input}: '${pattern}' is not a valid glob`,
        { cause }
      )
    }
    const root = path.resolve(workspace, scan.base || '.')
    const descendInto = (folder: string): boolean =>
      !SKIPPED_FOLDERS.has(folder) || relative.includes(folder)
    for await (const file of walk(root, 0, descendInto)) {
      const name = insideWorkspace(workspace, file)
      if (name !== undefined && matcher(name)) found.add(file)
    }
  }
  return [...found].sort()
}

/** `pattern` as a POSIX glob relative to the workspace. */
function workspacePattern(
  workspace: string,
  pattern: string,
  input: string
): string {
  const trimmed = pattern.trim()
  if (trimmed === '') {
    throw new ArtifactsError('settings-invalid', `${input}: empty pattern`)
  }
  if (!path.isAbsolute(trimmed)) {
    const normal = path.posix.normalize(trimmed.replace(/^\.\//, ''))
    if (normal === '..' || normal.startsWith('../')) {
      throw outside(pattern, input)
    }
    return normal
  }
  const relative = insideWorkspace(workspace, trimmed)
  if (relative === undefined) throw outside(pattern, input)
  return relative
}

function outside(pattern: string, input: string): ArtifactsError {
  return new ArtifactsError(
    'outside-workspace',
    `${input}: '${pattern}' is outside the workspace; give a path inside it`
  )
}

async function exists(file: string): Promise<boolean> {
  try {
    const stats = await lstat(file)
    return !stats.isDirectory()
  } catch {
    return false
  }
}

/**
 * Files under `folder`. Symbolic links to folders are not followed (a loop
 * or a way out of the workspace); links to files are listed, and the
 * caller checks where they point.
 */
async function* walk(
  folder: string,
  depth: number,
  descendInto: (name: string) => boolean
): AsyncGenerator<string> {
  if (depth > MAX_DEPTH) return
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      if (descendInto(entry.name)) yield* walk(full, depth + 1, descendInto)
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      yield full
    }
  }
}
