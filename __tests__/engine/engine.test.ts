import { Engine } from '../../src/engine/engine.js'
import { allRules } from '../../src/rules/index.js'
import type { ScanDocument, TextRule } from '../../src/rules/rule.js'
import { githubToken, pemKey, ssn } from '../helpers/fake-values.js'

const engine = new Engine(allRules)

describe('Engine', () => {
  it('reports a token on its exact line and column without its value', () => {
    const token = githubToken()
    const text = `const a = 1\nconst token = "${token}"\n`
    const [finding, ...rest] = engine.scanText('src/a.ts', text)
    expect(rest).toHaveLength(0)
    expect(finding).toMatchObject({
      ruleId: 'github-classic-token',
      file: 'src/a.ts',
      line: 2,
      column: 16,
      endLine: 2,
      endColumn: 16 + token.length,
      redacted: 'ghp_…(40 chars)'
    })
    expect(JSON.stringify(finding)).not.toContain(token.slice(4))
  })

  it('ignores a token whose checksum does not match', () => {
    const token = githubToken()
    const broken = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    expect(engine.scanText('a.txt', broken)).toEqual([])
  })

  it('maps the lines of a diff to the lines of the file', () => {
    const text = `nothing here\nssn: ${ssn()}`
    const [finding] = engine.scanText('fixtures/p.yml', text, [10, 42])
    expect(finding).toMatchObject({ ruleId: 'us-ssn', line: 42, column: 6 })
  })

  it('keeps the fingerprint when the value moves to another line', () => {
    const token = githubToken(99)
    const a = engine.scanText('x.env', `T=${token}`)[0]!
    const b = engine.scanText('x.env', `\n\n# moved\nT=${token}`)[0]!
    expect(a.fingerprint).toBe(b.fingerprint)
    expect(a.line).not.toBe(b.line)
  })

  it('suppresses a finding with an inline marker that gives a reason', () => {
    const line = `key = "${githubToken()}" # hipaa-gate:allow revoked in INC-12`
    const [finding] = engine.scanText('a.py', line)
    expect(finding!.suppression).toEqual({
      kind: 'inline',
      reason: 'revoked in INC-12'
    })
  })

  it('does not suppress on a marker without a reason, and says so', () => {
    const [finding] = engine.scanText(
      'a.py',
      `k="${githubToken()}" # hipaa-gate:allow`
    )
    expect(finding!.suppression).toBeUndefined()
    expect(finding!.message).toContain('without a reason does not suppress')
  })

  it('reports a PEM key that spans many lines once, from its BEGIN line', () => {
    const text = `a\n${pemKey()}\nb`
    const findings = engine.scanText('id_rsa', text)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ line: 2, endLine: 11 })
  })

  it('passes every matched value to the masker before reporting it', () => {
    const seen: string[] = []
    const masking = new Engine(allRules, { onValue: v => seen.push(v) })
    const token = githubToken(5)
    masking.scanText('a', token)
    expect(seen).toEqual([token])
  })

  it('keeps document findings only on changed lines', () => {
    const rule = {
      ...allRules[0]!,
      kind: 'document' as const,
      id: 'every-line',
      appliesTo: () => true,
      *detect(doc: ScanDocument) {
        let at = 0
        for (const line of doc.text.split('\n')) {
          yield { start: at, end: at + line.length, value: line }
          at += line.length + 1
        }
      }
    }
    const docs = new Engine([rule])
    const findings = docs.scanDocument({
      path: 'a.csv',
      text: 'one\ntwo\nthree',
      fullScan: false,
      isChanged: line => line === 2
    })
    expect(findings.map(f => f.line)).toEqual([2])
  })
})

describe('Engine windows and fallbacks', () => {
  const base = {
    kind: 'text' as const,
    category: 'secret' as const,
    severity: 'warning' as const,
    safeguard: '164.312(a)(1)',
    summary: 'test rule',
    redaction: 'prefix' as const
  }

  it('drops a fallback match that a specific rule also matched', () => {
    const specific = {
      ...base,
      id: 'specific',
      keywords: ['zz'],
      *detect(text: string) {
        const at = text.indexOf('zz1234')
        if (at >= 0) yield { start: at, end: at + 6, value: 'zz1234' }
      }
    }
    const fallback = {
      ...specific,
      id: 'catch-all',
      fallback: true
    }
    const engine = new Engine([fallback, specific])
    const ids = engine.scanText('a', 'x = zz1234').map(f => f.ruleId)
    expect(ids).toEqual(['specific'])
    const alone = new Engine([fallback])
    expect(alone.scanText('a', 'x = zz1234').map(f => f.ruleId)).toEqual([
      'catch-all'
    ])
  })

  /** The windows a rule of `shape` that matches nothing is given. */
  const windowsSeen = (shape: Partial<TextRule>, text: string) => {
    const seen: string[] = []
    const rule: TextRule = {
      ...base,
      id: 'recorder',
      keywords: ['kw'],
      detect(window) {
        seen.push(window)
        return []
      },
      ...shape
    }
    new Engine([rule]).scanText('a', text)
    return seen
  }

  it('gives a rule with a reach only the characters near its keyword', () => {
    const text = `${'a'.repeat(50)}kw${'b'.repeat(50)}`
    expect(windowsSeen({ reach: 5 }, text)).toEqual(['aaaaakwbbbbb'])
  })

  it('skips hits of a word-start rule that follow a letter or digit', () => {
    const lines = ['kw_1', 'akw_2', '9kw_3', '_kw_4', ' KW_5', 'Zkw_6']
    const seen = windowsSeen(
      { keywords: ['kw_'], wordStart: true },
      lines.join('\n')
    )
    expect(seen).toEqual(['kw_1', '_kw_4', ' KW_5'])
  })

  it('runs a rule that needs a string only on the windows that hold it', () => {
    const lines = [
      'kw 1 @@', // holds it
      'kw 2', // does not; the next line does, outside this window
      '@@ between windows',
      'kw 3 @', // half of it at the end, the rest on the next line
      '@ kw 4 @@ kw 5', // one window for both hits, holding it
      'kw 6' // none after the last occurrence
    ]
    const seen = windowsSeen({ needs: '@@' }, lines.join('\n'))
    expect(seen).toEqual(['kw 1 @@', '@ kw 4 @@ kw 5'])
  })
})

describe('Engine windows', () => {
  // A rule that reports every `tok-` word it sees whole: a cut-off window
  // shows as a shorter match or a missing one.
  const tokenRule = (shape: Partial<TextRule>): TextRule => ({
    kind: 'text',
    id: 'test-token',
    category: 'secret',
    severity: 'error',
    safeguard: '164.312(a)(1)',
    summary: 'test token',
    keywords: ['tok-'],
    redaction: 'none',
    *detect(text) {
      for (const m of text.matchAll(/tok-[a-z]+/g)) {
        yield { start: m.index, end: m.index + m[0].length, value: m[0] }
      }
    },
    ...shape
  })
  const spans = (rule: TextRule, text: string) =>
    new Engine([rule])
      .scanText('a.txt', text)
      .map(f => `${f.line}:${f.column}-${f.endColumn}`)

  it('widens a reach window for a hit inside it that reaches further', () => {
    // The first window ends 20 characters past its keyword, inside the
    // second token; the second keyword's own reach covers that token.
    const rule = tokenRule({ reach: 20 })
    const text = `tok-aaaaaaaaa tok-${'b'.repeat(15)}`
    expect(spans(rule, text)).toEqual(['1:1-14', '1:15-34'])
  })

  it('widens a context window for a hit inside it whose lines go further', () => {
    // Context 1: the second hit's window takes in the line after it.
    const rule = tokenRule({
      contextLines: 1,
      keywords: ['begin'],
      *detect(text) {
        const at = text.indexOf('tok-end')
        if (at >= 0) yield { start: at, end: at + 7, value: 'tok-end' }
      }
    })
    const text = 'begin\nbegin\ntok-end'
    expect(spans(rule, text)).toEqual(['3:1-8'])
  })
})
