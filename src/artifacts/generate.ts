/**
 * `hipaa-gate checksums generate`: a GNU coreutils format manifest for a
 * set of files, which `sha256sum -c` (or `sha512sum -c`) and this gate's
 * `checksums` input both read.
 */
import path from 'node:path'
import { ArtifactsError } from './errors.js'
import { hashFiles } from './hashing/pool.js'
import { toPosix } from './paths.js'

export interface GenerateOptions {
  readonly algorithm: 'sha256' | 'sha512'
  /** Folder the names are written relative to (where the manifest goes). */
  readonly cwd: string
}

/**
 * Hashes `files` (relative to `opts.cwd`, or absolute) and returns the
 * manifest text: one `<hex>  <name>` line per file, in the order given,
 * names escaped the way coreutils escapes them. Rejects with an
 * `ArtifactsError` naming a file that cannot be read.
 */
export async function generateChecksums(
  files: string[],
  opts: GenerateOptions
): Promise<string> {
  const cwd = path.resolve(opts.cwd)
  const absolute = [...new Set(files.map(file => path.resolve(cwd, file)))]
  const names = absolute.map(file => {
    const relative = path.relative(cwd, file)
    if (
      relative === '' ||
      relative === '..' ||
      relative.startsWith('..' + path.sep)
    ) {
      // A name with `..` would be refused when the manifest is verified.
      throw new ArtifactsError(
        'outside-workspace',
        `'${file}' is not inside '${cwd}'; manifest names are relative to the manifest's folder`
      )
    }
    return toPosix(relative)
  })
  const results = await hashFiles(
    absolute.map(file => ({ path: file, algorithms: [opts.algorithm] }))
  )
  return results
    .map((result, i) => gnuLine(result.digests[opts.algorithm]!, names[i]!))
    .join('')
}

/** One GNU line; names with a backslash or line break are escaped. */
function gnuLine(digest: string, name: string): string {
  if (!/[\\\n\r]/.test(name)) return `${digest}  ${name}\n`
  const escaped = name
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
  return `\\${digest}  ${escaped}\n`
}
