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
  let quote = ''

  const endWord = (at: number): void => {
    if (wordStart !== -1) words.push({ text: word, start: wordStart, end: at })
    word = ''
    wordStart = -1
  }
  const endCommand = (at: number, pipesToNext: boolean): void => {
    endWord(at)
    if (words.length > 0) commands.push({ words, pipesToNext })
    words = []
  }
  const add = (at: number, chars: string): void => {
    if (wordStart === -1) wordStart = at
    word += chars
  }

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    const next = text[i + 1]
    if (c === '\n') {
      quote = ''
      endCommand(i, false)
      continue
    }
    if (quote === "'") {
      if (c === "'") quote = ''
      else word += c
      continue
    }
    if (quote === '"') {
      if (c === '\\' && next !== undefined && '"\\$`'.includes(next)) {
        word += next
        i++
      } else if (c === '"') {
        quote = ''
      } else {
        word += c
      }
      continue
    }
    switch (c) {
      case '\\':
        if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
          endWord(i)
          i += next === '\n' ? 1 : 2
        } else if (next !== undefined) {
          add(i, next)
          i++
        }
        break
      case "'":
      case '"':
        if (wordStart === -1) wordStart = i
        quote = c
        break
      case ' ':
      case '\t':
      case '\r':
        endWord(i)
        break
      case '#':
        if (wordStart === -1) {
          const eol = text.indexOf('\n', i)
          i = (eol === -1 ? text.length : eol) - 1
        } else {
          add(i, c)
        }
        break
      case '|':
        endCommand(i, next !== '|')
        if (next === '|') i++
        break
      case '&':
        // `2>&1` and `&>` are redirections, not control operators.
        if (text[i - 1] === '>' || next === '>') {
          add(i, c)
        } else {
          endCommand(i, false)
          if (next === '&') i++
        }
        break
      case ';':
      case '(':
      case ')':
      case '`':
        endCommand(i, false)
        break
      default:
        add(i, c)
    }
  }
  endCommand(text.length, false)
  return commands
}

/** The program a word names: its last path segment, lower-cased. */
export function programName(word: Word): string {
  const slash = word.text.lastIndexOf('/')
  const name = slash === -1 ? word.text : word.text.slice(slash + 1)
  return name.toLowerCase()
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
  let starts: number[] | undefined
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
