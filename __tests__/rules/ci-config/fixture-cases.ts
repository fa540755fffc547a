/**
 * Fixture cases: a folder laid out like a repository, plus `expected.txt`
 * listing the findings a full scan must produce, one `path:line:column
 * rule-id` per line (`#` starts a comment).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scanFile } from './scan.js'

export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url))

/** Files of a case folder, as repository-relative POSIX paths. */
export function caseFiles(folder: string): string[] {
  const files: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (path !== join(folder, 'expected.txt')) files.push(path)
    }
  }
  walk(folder)
  return files.map(path => relative(folder, path).split(sep).join('/'))
}

/** What a full scan of the case reports, in `expected.txt` form. */
export function scanCase(folder: string): string[] {
  return caseFiles(folder)
    .flatMap(path =>
      scanFile(path, readFileSync(join(folder, path), 'utf8')).map(
        f => `${path}:${f.line}:${f.column} ${f.ruleId}`
      )
    )
    .sort()
}

/** The findings `expected.txt` lists, sorted. */
export function expectedFindings(folder: string): string[] {
  return readFileSync(join(folder, 'expected.txt'), 'utf8')
    .split('\n')
    .map(line => line.replace(/#.*$/, '').trim())
    .filter(line => line.length > 0)
    .sort()
}

/** Sub-folders of `dir`, sorted. */
export function folders(dir: string): string[] {
  return readdirSync(dir)
    .filter(name => statSync(join(dir, name)).isDirectory())
    .sort()
}
