/**
 * File names in git's diff headers. Git writes a name as it is, or, when
 * it holds a double quote, a backslash or a control character, between
 * double quotes with C-style escapes (`\t`, `\"`, `\303\251` for bytes).
 * With `core.quotePath=false` other non-ASCII names are written raw.
 */

const ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  '\\': 92
}

/**
 * Reads a C-quoted name starting at `text[start]` (a `"`). Returns the
 * name and the offset just past the closing quote, or undefined if the
 * quoting is broken.
 */
export function readQuoted(
  text: string,
  start: number
): { value: string; end: number } | undefined {
  const bytes: number[] = []
  let i = start + 1
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '"') {
      return { value: Buffer.from(bytes).toString('utf8'), end: i + 1 }
    }
    if (ch !== '\\') {
      // Raw characters (non-ASCII among them) keep their UTF-8 bytes.
      const code = text.codePointAt(i)!
      for (const b of Buffer.from(String.fromCodePoint(code), 'utf8')) {
        bytes.push(b)
      }
      i += code > 0xffff ? 2 : 1
      continue
    }
    const next = text[i + 1]
    if (next === undefined) return undefined
    const octal = /^[0-3][0-7]{2}/.exec(text.slice(i + 1, i + 4))
    if (octal) {
      bytes.push(parseInt(octal[0], 8))
      i += 4
    } else if (ESCAPES[next] !== undefined) {
      bytes.push(ESCAPES[next])
      i += 2
    } else {
      return undefined
    }
  }
  return undefined
}

/** A name from a `rename to` or `+++` line: quoted or as is. */
export function readName(text: string): string {
  if (text.startsWith('"')) {
    const quoted = readQuoted(text, 0)
    if (quoted) return quoted.value
  }
  return text
}

/** Drops git's `a/` or `b/` prefix. */
export function stripPrefix(name: string, prefix: 'a/' | 'b/'): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name
}

/**
 * The new name from `diff --git a/OLD b/NEW` (the text after `diff --git
 * `). Unquoted names with spaces are ambiguous; when both names are equal
 * (everything but renames and copies, whose own header lines give the
 * names) the split is the one that makes them equal.
 */
export function parseDiffGitNames(
  rest: string
): { oldPath: string; newPath: string } | undefined {
  let oldName: string
  let tail: string
  if (rest.startsWith('"')) {
    const quoted = readQuoted(rest, 0)
    if (!quoted || rest[quoted.end] !== ' ') return undefined
    oldName = quoted.value
    tail = rest.slice(quoted.end + 1)
  } else {
    const symmetric = (rest.length - 5) / 2
    const left = rest.slice(0, 2 + symmetric)
    const right = rest.slice(3 + symmetric)
    if (
      Number.isInteger(symmetric) &&
      left.startsWith('a/') &&
      right.startsWith('b/') &&
      left.slice(2) === right.slice(2)
    ) {
      return { oldPath: left.slice(2), newPath: right.slice(2) }
    }
    const split = rest.indexOf(rest.includes(' "b/') ? ' "b/' : ' b/')
    if (split < 0) return undefined
    oldName = rest.slice(0, split)
    tail = rest.slice(split + 1)
  }
  const newName = readName(tail)
  return {
    oldPath: stripPrefix(oldName, 'a/'),
    newPath: stripPrefix(newName, 'b/')
  }
}
