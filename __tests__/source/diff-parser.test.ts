import { DiffParser, type ChangedFile } from '../../src/source/diff-parser.js'
import { parseDiffGitNames, readQuoted } from '../../src/source/diff-paths.js'
import { LineSplitter } from '../../src/source/line-splitter.js'

/** Feeds `diff` to the parser in chunks of `size` bytes. */
function parse(diff: string, size = 1, cap?: number): ChangedFile[] {
  const parser = new DiffParser(cap)
  const splitter = new LineSplitter((cap ?? 1 << 20) + 2)
  const out: ChangedFile[] = []
  const take = (line: Parameters<DiffParser['line']>[0]): void => {
    const file = parser.line(line)
    if (file) out.push(file)
  }
  const bytes = Buffer.from(diff, 'utf8')
  for (let i = 0; i < bytes.length; i += size) {
    splitter.push(bytes.subarray(i, i + size), take)
  }
  splitter.end(take)
  const last = parser.end()
  if (last) out.push(last)
  return out
}

describe('DiffParser', () => {
  it('reads lines split anywhere, inside multi-byte characters too', () => {
    const diff = [
      'diff --git a/n.txt b/n.txt',
      'index 1111111..2222222 100644',
      '--- a/n.txt',
      '+++ b/n.txt',
      '@@ -0,0 +1,2 @@',
      '+名前: 山田',
      '+ü'
    ].join('\n')
    for (const size of [1, 2, 3, 7, 4096]) {
      const [file] = parse(diff, size)
      expect(file).toMatchObject({ text: '名前: 山田\nü', lineNumbers: [1, 2] })
    }
  })

  it('decodes octal-escaped names as UTF-8', () => {
    const diff = [
      'diff --git "a/caf\\303\\251 \\"x\\".txt" "b/caf\\303\\251 \\"x\\".txt"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/caf\\303\\251 \\"x\\".txt"',
      '@@ -0,0 +1 @@',
      '+hello'
    ].join('\n')
    expect(parse(diff, 4096)).toEqual([
      expect.objectContaining({ path: 'café "x".txt', status: 'added' })
    ])
  })

  it('counts lines across a "no newline" marker in the middle of a hunk', () => {
    const diff = [
      'diff --git a/f b/f',
      'index 1111111..2222222 100644',
      '--- a/f',
      '+++ b/f',
      '@@ -3 +3,2 @@',
      '-old last',
      '\\ No newline at end of file',
      '+new last',
      '+',
      'diff --git a/g b/g',
      'index 1111111..2222222 100644',
      '--- a/g',
      '+++ b/g',
      '@@ -1,0 +2 @@',
      '+g2'
    ].join('\n')
    expect(parse(diff, 4096).map(f => [f.path, f.text, f.lineNumbers])).toEqual(
      [
        ['f', 'new last\n', [3, 4]],
        ['g', 'g2', [2]]
      ]
    )
  })

  it('takes a copy as copied with its source', () => {
    const diff = [
      'diff --git a/src.txt b/dst.txt',
      'similarity index 90%',
      'copy from src.txt',
      'copy to dst.txt',
      'index 1111111..2222222 100644',
      '--- a/src.txt',
      '+++ b/dst.txt',
      '@@ -2,0 +3 @@',
      '+extra'
    ].join('\n')
    expect(parse(diff, 4096)).toEqual([
      expect.objectContaining({
        path: 'dst.txt',
        oldPath: 'src.txt',
        status: 'copied',
        text: 'extra',
        lineNumbers: [3]
      })
    ])
  })
})

describe('diff header names', () => {
  it('splits an unquoted header with spaces where both names are equal', () => {
    expect(parseDiffGitNames('a/x b/y.txt b/x b/y.txt')).toEqual({
      oldPath: 'x b/y.txt',
      newPath: 'x b/y.txt'
    })
  })

  it('rejects broken quoting instead of guessing', () => {
    expect(readQuoted('"a/open', 0)).toBeUndefined()
    expect(readQuoted('"a\\q"', 0)).toBeUndefined()
  })
})
