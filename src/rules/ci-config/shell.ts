/**
 * A forgiving reader of shell-like command lines, enough to tell which
 * command a flag belongs to and what a pipe feeds. It reads `run:` blocks,
 * scripts, Dockerfile `RUN` lines and Makefile recipes alike in one linear
 * pass; it does not try to be a shell (no expansion, no here-documents).
 */
import { lineIndexAt, lineStarts } from '../../engine/lines.js'

/** A word with its quotes removed, and where it sits in the text. */
export interface Word {
  readonly text: string
  readonly start: number
  readonly end: number
}

/** A simple command: the words between two control operators. */
export interface Command {
  readonly words: readonly Word[]
  /** True when the command's output is piped (`|`) into the next one. */
  readonly pipesToNext: boolean
}

/**
 * Splits `text` into commands at newlines, `;`, `&&`, `||`, `|`, `&` and
 * parentheses or backticks, joining lines continued with a backslash.
 * A quote left open at the end of a line is closed there: a stray
 * apostrophe in YAML or a Makefile must not swallow the rest of the file.
 */
export function readCommands(text: string): Command[] {
  const commands: Command[] = []
  let words: Word[] = []
  let word = ''
  let wordStart = -1
  // The open quote's character code, or 0.
  let quote = 0
  // Where the characters not yet copied into `word` start, or -1: runs of
  // them are copied with one slice, not a character at a time.
  let run = -1

  const flush = (at: number): void => {
    if (run !== -1) {
      word += text.slice(run, at)
      run = -1
    }
  }
  const endWord = (at: number): void => {
    flush(at)
    if (wordStart !== -1) {
      const read: ReadWord = {
        text: word,
        start: wordStart,
        end: at,
        program: undefined
      }
      words.push(read)
    }
    word = ''
    wordStart = -1
  }
  const endCommand = (at: number, pipesToNext: boolean): void => {
    endWord(at)
    if (words.length > 0) commands.push({ words, pipesToNext })
    words = []
  }
  /** The character at `at` belongs to the word as written. */
  const keep = (at: number): void => {
    if (wordStart === -1) wordStart = at
    if (run === -1) run = at
  }
  /** The character at `at` is dropped and the one after it kept as is. */
  const escape = (at: number): void => {
    if (wordStart === -1) wordStart = at
    flush(at)
    run = at + 1
  }

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1) // NaN past the end
    if (c === NEWLINE) {
      quote = 0
      endCommand(i, false)
      continue
    }
    if (quote === SINGLE_QUOTE) {
      if (c === SINGLE_QUOTE) {
        flush(i)
        quote = 0
      } else if (run === -1) run = i
      continue
    }
    if (quote === DOUBLE_QUOTE) {
      if (c === BACKSLASH && ESCAPED_IN_DOUBLE_QUOTES.has(next)) {
        escape(i)
        i++
      } else if (c === DOUBLE_QUOTE) {
        flush(i)
        quote = 0
      } else if (run === -1) run = i
      continue
    }
    switch (c) {
      case BACKSLASH:
        if (next === NEWLINE || (next === RETURN && text[i + 2] === '\n')) {
          endWord(i)
          i += next === NEWLINE ? 1 : 2
        } else if (i + 1 < text.length) {
          escape(i)
          i++
        } else {
          flush(i)
        }
        break
      case SINGLE_QUOTE:
      case DOUBLE_QUOTE:
        if (wordStart === -1) wordStart = i
        flush(i)
        quote = c
        break
      case SPACE:
      case TAB:
      case RETURN:
        endWord(i)
        break
      case HASH:
        if (wordStart === -1) {
          const eol = text.indexOf('\n', i)
          i = (eol === -1 ? text.length : eol) - 1
        } else {
          keep(i)
        }
        break
      case PIPE:
        endCommand(i, next !== PIPE)
        if (next === PIPE) i++
        break
      case AMPERSAND:
        // `2>&1` and `&>` are redirections, not control operators.
        if (text.charCodeAt(i - 1) === GREATER || next === GREATER) {
          keep(i)
        } else {
          endCommand(i, false)
          if (next === AMPERSAND) i++
        }
        break
      case SEMICOLON:
      case OPEN_PAREN:
      case CLOSE_PAREN:
      case BACKTICK:
        endCommand(i, false)
        break
      default:
        keep(i)
    }
  }
  endCommand(text.length, false)
  return commands
}

const NEWLINE = 10
const RETURN = 13
const TAB = 9
const SPACE = 32
const DOUBLE_QUOTE = 34
const HASH = 35
const AMPERSAND = 38
const SINGLE_QUOTE = 39
const OPEN_PAREN = 40
const CLOSE_PAREN = 41
const SEMICOLON = 59
const GREATER = 62
const BACKSLASH = 92
const BACKTICK = 96
const PIPE = 124
/** What a backslash escapes inside double quotes: " \ $ and `. */
const ESCAPED_IN_DOUBLE_QUOTES = new Set([
  DOUBLE_QUOTE,
  BACKSLASH,
  36,
  BACKTICK
])

/**
 * A word as readCommands makes it: its program name is worked out on
 * first use and kept, as several checks ask for it of every word.
 */
interface ReadWord extends Word {
  program?: string | undefined
}

/** The program a word names: its last path segment, lower-cased. */
export function programName(word: Word): string {
  const read = word as ReadWord
  if (read.program !== undefined) return read.program
  const slash = word.text.lastIndexOf('/')
  const name = slash === -1 ? word.text : word.text.slice(slash + 1)
  read.program = name.toLowerCase()
  return read.program
}

/** Index of the first word naming one of `programs`, or -1. */
export function findProgram(
  command: Command,
  programs: ReadonlySet<string>
): number {
  return command.words.findIndex(w => programs.has(programName(w)))
}

/** The program a command runs, skipping `sudo`, `env` and assignments. */
export function leadingProgram(command: Command): string | undefined {
  for (const word of command.words) {
    const name = programName(word)
    if (name === 'sudo' || name === 'env' || name === 'exec') continue
    if (word.text.startsWith('-')) continue
    if (/^[A-Za-z_]\w{0,100}=/.test(word.text)) continue
    return name
  }
  return undefined
}

/**
 * A per-line fact over one text, computed at most once per line: the line
 * starts are found once, so many lookups stay linear in the text.
 */
export function perLine<T>(
  text: string,
  compute: (line: string) => T
): (offset: number) => T {
  let starts: readonly number[] | undefined
  const memo = new Map<number, T>()
  return offset => {
    starts ??= lineStarts(text)
    const index = lineIndexAt(starts, offset)
    if (memo.has(index)) return memo.get(index)!
    const start = starts[index]!
    const next = starts[index + 1]
    const value = compute(
      text.slice(start, next === undefined ? text.length : next - 1)
    )
    memo.set(index, value)
    return value
  }
}

/** A test for "is `offset` on a line that is a comment" over one text. */
export function commentLines(text: string): (offset: number) => boolean {
  return perLine(text, line => {
    const code = line.trimStart()
    return code.startsWith('#') || code.startsWith(';') || code.startsWith('//')
  })
}

const LOOPBACK_HOST =
  /^(?:localhost|[\w-]{1,63}\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i

/** The host of an `http(s)://` URL, lower-cased, or undefined. */
export function urlHost(url: string): string | undefined {
  const m =
    /^[a-z][\w+.-]{0,20}:\\?\/\/(?:[^@/\s?#]{0,200}@)?(\[[^\]\s]{1,60}\]|[^:/\s?#'"]{1,253})/i.exec(
      url
    )
  return m ? m[1]!.toLowerCase() : undefined
}

/** Whether a host name is this machine (localhost, 127/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host)
}

/** Whether a URL points at this machine. */
export function isLoopbackUrl(url: string): boolean {
  const host = urlHost(url)
  return host !== undefined && isLoopbackHost(host)
}
