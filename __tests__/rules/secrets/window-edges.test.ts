/**
 * Values the cheap checks in front of a rule's pattern must not lose: the
 * checked character at the edge of the window the engine hands the rule,
 * a value at the end of a line or of the text, a value far along a
 * minified line.
 */
import { Engine } from '../../../src/engine/engine.js'
import { allRules } from '../../../src/rules/index.js'
import { SAMPLES } from '../../helpers/credential-samples.js'
import { rc, reseed, URL_SAFE } from '../../helpers/fake-credentials.js'

const engine = new Engine(allRules)
const found = (path: string, text: string, id: string) =>
  engine
    .scanText(path, text)
    .filter(f => f.ruleId === id)
    .map(f => ({ line: f.line, column: f.column }))

beforeEach(() => reseed(expect.getState().currentTestName ?? ''))

// Minified code without an `@` or a credential anywhere.
const minified = (n: number) => 'var a=b.c(d,"e");'.repeat(n)

describe('a password in an HTTP(S) URL', () => {
  const id = 'url-basic-auth-password'

  it('is found when one character follows its @ at the end of the text', () => {
    const text = `git clone https://deploy:${rc(20)}@h`
    expect(found('ci/clone.sh', text, id)).toEqual([{ line: 1, column: 26 }])
  })

  it('is found when one character follows its @ at the end of a line', () => {
    const text = `url=https://ci:${rc(16)}@g\nnext line\n`
    expect(found('.env', text, id)).toEqual([{ line: 1, column: 16 }])
  })

  it('is found with the longest user and password the rule reads', () => {
    const url = `https://${rc(100)}:${rc(200)}@registry.internal`
    const text = `${minified(200)}u="${url}";${minified(200)}`
    expect(found('dist/app.min.js', text, id)).toHaveLength(1)
  })

  it('is found after links without one on the same long line', () => {
    const links = 'x="https://cdn.internal/a.js";'.repeat(100)
    const text = `${links}${minified(100)}y="http://ci:${rc(16)}@build.internal"`
    expect(found('dist/app.min.js', text, id)).toHaveLength(1)
  })
})

describe('a quoted value assigned to a credential name', () => {
  const id = 'generic-secret-assignment'
  const value = () => `${rc(18)}7x`

  it.each(['=', ':', ':=', '=>', '||=', '??=', ' =    ', ':\t'])(
    'is found after the operator %j at the end of the text',
    operator => {
      const text = `apiKey${operator}"${value()}"`
      expect(found('src/app.ts', text, id)).toHaveLength(1)
    }
  )

  it('is found when it is as short as the rule allows', () => {
    const text = `const token = '${'Xk' + '7q' + 'P2' + 'wZ'}'\n`
    expect(found('src/app.ts', text, id)).toEqual([{ line: 1, column: 16 }])
  })

  it('is found in an XML element and in key and value attributes', () => {
    const text =
      `<add KEY="ServiceApiKey" VALUE="${value()}" />\n` +
      `<appSettings><secret>${value()}</secret></appSettings>\n`
    expect(found('web.config', text, id)).toEqual([
      { line: 1, column: 33 },
      { line: 2, column: 22 }
    ])
  })

  it('is found in attributes on a line of their own, in capitals', () => {
    const text = `<add\n  KEY="ServiceApiKey" VALUE="${value()}" />\n`
    expect(found('web.config', text, id)).toEqual([{ line: 2, column: 30 }])
  })
})

describe('a kubeconfig user token', () => {
  const id = 'kubeconfig-user-token'
  const user = () => `- name: ci\n  user:\n    token: ${rc(60, URL_SAFE)}\n`

  it('is found when kind: Config is the last line of the text', () => {
    const text = `apiVersion: v1\n${user()}kind: Config`
    expect(found('ci/kubeconfig', text, id)).toEqual([{ line: 4, column: 12 }])
  })

  it('is found when users: is the first line of its window', () => {
    // The window reaches 30 lines above the token's line.
    const text = `apiVersion: v1\nusers:\n${'# pad\n'.repeat(27)}${user()}`
    expect(found('ci/kubeconfig', text, id)).toEqual([{ line: 32, column: 12 }])
  })
})

describe('two credentials side by side on one line', () => {
  // The second keyword lies inside the first one's reach window; its own
  // window must carry the scan to the end of the second value.
  it.each([
    'telegram-bot-token',
    'resend-api-key',
    'azure-entra-client-secret'
  ])('are both found for %s', id => {
    const a = SAMPLES[id]!.positive()
    const b = SAMPLES[id]!.positive()
    expect(found('a.txt', `${a} ${b}`, id)).toHaveLength(2)
  })

  it('finds a long URL password a few hundred characters after another', () => {
    const id = 'url-basic-auth-password'
    const text =
      `https://ci:${rc(16)}@build.internal ${'x'.repeat(700)} ` +
      `https://ci:${rc(200)}@build.internal`
    expect(found('a.txt', text, id)).toHaveLength(2)
  })
})
