/**
 * Keeping every file the verifier touches inside the workspace. Names in
 * manifests and bundles are attacker-controlled: a release could list
 * `/etc/passwd` or `../../secrets` to make the gate hash, and so confirm,
 * files it has no business reading.
 */
import { realpath } from 'node:fs/promises'
import path from 'node:path'

/** A workspace-relative path with forward slashes, as findings use. */
export function toPosix(relative: string): string {
  return relative.split(path.sep).join('/')
}

/**
 * The workspace-relative POSIX form of `absolute`, or undefined when it
 * is the workspace itself or lies outside it.
 */
export function insideWorkspace(
  workspace: string,
  absolute: string
): string | undefined {
  const relative = path.relative(workspace, absolute)
  if (relative === '' || path.isAbsolute(relative)) return undefined
  if (relative === '..' || relative.startsWith('..' + path.sep)) {
    return undefined
  }
  return toPosix(relative)
}

/** Where a name from a manifest points, or why it is refused. */
export type ResolvedName =
  | { readonly ok: true; readonly absolute: string; readonly relative: string }
  | { readonly ok: false; readonly reason: 'absolute' | 'escapes' }

/**
 * Resolves `name` from a manifest in folder `manifestDir` (absolute).
 * Names are relative to the manifest's own folder, so a release folder
 * verifies wherever it is unpacked.
 */
export function resolveManifestName(
  workspace: string,
  manifestDir: string,
  name: string
): ResolvedName {
  if (path.posix.isAbsolute(name) || path.win32.isAbsolute(name)) {
    return { ok: false, reason: 'absolute' }
  }
  const absolute = path.resolve(manifestDir, name)
  const relative = insideWorkspace(workspace, absolute)
  if (relative === undefined) return { ok: false, reason: 'escapes' }
  return { ok: true, absolute, relative }
}

/** Whether a file, followed through symbolic links, stays in the workspace. */
export type Containment = 'inside' | 'outside' | 'missing'

/**
 * Follows symbolic links in `absolute` (the file and every folder above
 * it) and checks the target is inside `workspaceReal`, the workspace's
 * own real path.
 */
export async function containment(
  workspaceReal: string,
  absolute: string
): Promise<Containment> {
  let target: string
  try {
    target = await realpath(absolute)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing'
    throw error
  }
  return insideWorkspace(workspaceReal, target) === undefined
    ? 'outside'
    : 'inside'
}
