/**
 * Parses `git diff -U0` output line by line into the added lines of each
 * file. It is a state machine fed one line at a time, so a diff of any
 * size is read with the memory of one file's added text.
 *
 * Hunk bodies are read by the line counts in their `@@` header, never by
 * what a line looks like: an added line `++++ b/x` is content.
 */
import { parseDiffGitNames, readName, stripPrefix } from './diff-paths.js'
import type { Line } from './line-splitter.js'

/** One file the change adds or modifies, with the lines it adds. */
export interface ChangedFile {
  /** Repository-relative POSIX path: the new name. */
  readonly path: string
  readonly status: 'added' | 'modified' | 'renamed' | 'copied' | 'type-changed'
  /** The name before a rename or copy. */
  readonly oldPath?: string
  /** Git reports "Binary files … differ": no lines are given. */
  readonly binary: boolean
  /** A submodule (gitlink, mode 160000): its commit changed, no text. */
  readonly submodule?: boolean
  /** The added lines joined with `\n` (a trailing `\r` removed from each). */
  readonly text: string
  /** The 1-based file line of each line of `text`. */
  readonly lineNumbers: number[]
  /** Bytes of added text: each added line's bytes plus its line break. */
  readonly addedBytes: number
  /** The added text exceeded the cap: `text` is '' and `lineNumbers` []. */
  readonly tooLarge?: boolean
}

/** Default cap on a file's added text: 2 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024

const HUNK = /^@@ -\d{1,10}(?:,(\d{1,10}))? \+(\d{1,10})(?:,(\d{1,10}))? @@/
const GITLINK = '160000'

interface Building {
  path: string
  oldPath: string
  renamed: boolean
  copied: boolean
  added: boolean
  deleted: boolean
  oldMode?: string
  newMode?: string
  submodule: boolean
  binary: boolean
  lines: string[]
  lineNumbers: number[]
  addedBytes: number
  tooLarge: boolean
}

/** Turns diff lines into `ChangedFile`s; deleted files produce nothing. */
export class DiffParser {
  private file: Building | undefined
  private oldLeft = 0
  private newLeft = 0
  private nextLine = 0
  /** The path of the last deletion, to pair it with a re-creation. */
  private lastDeleted: string | undefined
  private readonly maxFileBytes: number

  constructor(maxFileBytes = DEFAULT_MAX_FILE_BYTES) {
    this.maxFileBytes = maxFileBytes
  }

  /** Reads one line; returns the previous file when this line ends it. */
  line(line: Line): ChangedFile | undefined {
    const text = line.text
    if (this.oldLeft > 0 || this.newLeft > 0) {
      if (this.hunkLine(line)) return undefined
    }

    if (text.startsWith('diff --git ')) {
      const done = this.finish()
      this.start(text.slice('diff --git '.length))
      return done
    }
    const file = this.file
    if (file === undefined) return undefined

    const hunk = HUNK.exec(text)
    if (hunk) {
      this.oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1])
      this.nextLine = Number(hunk[2])
      this.newLeft = hunk[3] === undefined ? 1 : Number(hunk[3])
      return undefined
    }
    this.header(file, text)
    return undefined
  }

  /** Ends the diff; returns the last file, if any. */
  end(): ChangedFile | undefined {
    return this.finish()
  }

  /** Consumes a line inside a hunk; false if it is not a hunk line. */
  private hunkLine(line: Line): boolean {
    const first = line.text.charCodeAt(0)
    if (first === 43 /* + */ && this.newLeft > 0) {
      this.newLeft--
      this.added(line)
      this.nextLine++
    } else if (first === 45 /* - */ && this.oldLeft > 0) {
      this.oldLeft--
    } else if (first === 32 /* space */ && this.newLeft > 0) {
      this.oldLeft = Math.max(0, this.oldLeft - 1)
      this.newLeft--
      this.nextLine++
    } else if (first !== 92 /* \ No newline at end of file */) {
      // Output that breaks the counts: resynchronise on the header.
      this.oldLeft = 0
      this.newLeft = 0
      return false
    }
    return true
  }

  private added(line: Line): void {
    const file = this.file!
    file.addedBytes += line.bytes // the '+' stands in for the line break
    if (file.submodule || file.tooLarge) return
    if (line.truncated || file.addedBytes > this.maxFileBytes) {
      file.tooLarge = true
      file.lines = []
      file.lineNumbers = []
      return
    }
    let content = line.text.slice(1)
    if (content.endsWith('\r')) content = content.slice(0, -1)
    file.lines.push(content)
    file.lineNumbers.push(this.nextLine)
  }

  private start(rest: string): void {
    const names = parseDiffGitNames(rest)
    this.file = {
      path: names?.newPath ?? rest,
      oldPath: names?.oldPath ?? rest,
      renamed: false,
      copied: false,
      added: false,
      deleted: false,
      submodule: false,
      binary: false,
      lines: [],
      lineNumbers: [],
      addedBytes: 0,
      tooLarge: false
    }
    this.oldLeft = 0
    this.newLeft = 0
  }

  /** Extended header lines: modes, renames, names, binary. */
  private header(file: Building, text: string): void {
    const after = (prefix: string): string | undefined =>
      text.startsWith(prefix) ? text.slice(prefix.length) : undefined
    let value: string | undefined

    if ((value = after('new file mode ')) !== undefined) {
      file.added = true
      file.newMode = value
    } else if ((value = after('deleted file mode ')) !== undefined) {
      file.deleted = true
      file.oldMode = value
    } else if ((value = after('old mode ')) !== undefined) {
      file.oldMode = value
    } else if ((value = after('new mode ')) !== undefined) {
      file.newMode = value
    } else if ((value = after('rename from ')) !== undefined) {
      file.renamed = true
      file.oldPath = readName(value)
    } else if ((value = after('rename to ')) !== undefined) {
      file.path = readName(value)
    } else if ((value = after('copy from ')) !== undefined) {
      file.copied = true
      file.oldPath = readName(value)
    } else if ((value = after('copy to ')) !== undefined) {
      file.path = readName(value)
    } else if ((value = after('index ')) !== undefined) {
      // `index abc..def 160000`: the mode of an unchanged-mode gitlink.
      if (value.endsWith(` ${GITLINK}`)) file.newMode = GITLINK
    } else if ((value = after('+++ ')) !== undefined) {
      if (value !== '/dev/null') {
        // Git ends a name that has a space with a tab, for patch(1).
        const name = value.startsWith('"') ? value : value.replace(/\t$/, '')
        file.path = stripPrefix(readName(name), 'b/')
      }
    } else if (text.startsWith('Binary files ') && text.endsWith(' differ')) {
      file.binary = true
    }
    if (file.newMode === GITLINK) file.submodule = true
  }

  private finish(): ChangedFile | undefined {
    const file = this.file
    this.file = undefined
    this.oldLeft = 0
    this.newLeft = 0
    if (file === undefined) return undefined
    if (file.deleted) {
      this.lastDeleted = file.path
      return undefined
    }
    const recreated = file.added && this.lastDeleted === file.path
    this.lastDeleted = undefined
    return toChangedFile(file, recreated)
  }
}

function kindOf(mode: string | undefined): string {
  return (mode ?? '100644').slice(0, 3)
}

function toChangedFile(file: Building, recreated: boolean): ChangedFile {
  // Git splits a type change (file to symlink, say) into a deletion and a
  // creation of the same path; they are one change here.
  const typeChanged =
    recreated ||
    (file.oldMode !== undefined &&
      file.newMode !== undefined &&
      kindOf(file.oldMode) !== kindOf(file.newMode))
  const status: ChangedFile['status'] = typeChanged
    ? 'type-changed'
    : file.renamed
      ? 'renamed'
      : file.copied
        ? 'copied'
        : file.added
          ? 'added'
          : 'modified'
  const moved = file.renamed || file.copied
  const keepText = !file.tooLarge && !file.submodule
  return {
    path: file.path,
    status,
    ...(moved ? { oldPath: file.oldPath } : {}),
    binary: file.binary,
    ...(file.submodule ? { submodule: true } : {}),
    text: keepText ? file.lines.join('\n') : '',
    lineNumbers: keepText ? file.lineNumbers : [],
    addedBytes: file.addedBytes,
    ...(file.tooLarge ? { tooLarge: true } : {})
  }
}
