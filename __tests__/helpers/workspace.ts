/** Temporary workspaces for tests that verify files on disk. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface TempWorkspace {
  readonly root: string
  /** Writes a file (folders created), returns its absolute path. */
  write(relative: string, content: string | Buffer): Promise<string>
  remove(): Promise<void>
}

/** A fresh folder under the OS temp dir; call `remove` when done. */
export async function tempWorkspace(): Promise<TempWorkspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'hipaa-gate-'))
  return {
    root,
    async write(relative, content) {
      const file = path.join(root, relative)
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, content)
      return file
    },
    remove: () => rm(root, { recursive: true, force: true })
  }
}
