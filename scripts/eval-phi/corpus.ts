/** Real text files from a directory tree, for the ordinary-code check. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface CorpusFile {
  readonly path: string
  readonly text: string
}

/**
 * Up to `limit` text files under `dir`, sorted by path, each at most 256
 * KB; binary files (a NUL in the first 8 KB) are skipped.
 */
export function realCode(dir: string, limit: number): CorpusFile[] {
  const files: CorpusFile[] = []
  const walk = (at: string) => {
    let names: string[]
    try {
      names = readdirSync(at).sort()
    } catch {
      return
    }
    for (const name of names) {
      if (files.length >= limit) return
      const full = join(at, name)
      const stat = statSync(full, { throwIfNoEntry: false })
      if (stat?.isDirectory()) walk(full)
      else if (stat?.isFile() && stat.size > 0) {
        const bytes = readFileSync(full).subarray(0, 256 * 1024)
        if (bytes.subarray(0, 8192).includes(0)) continue
        const path = relative(dir, full).split('\\').join('/')
        files.push({ path, text: bytes.toString('utf8') })
      }
    }
  }
  walk(dir)
  return files
}
