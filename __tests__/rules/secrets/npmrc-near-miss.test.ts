import { Engine } from '../../../src/engine/engine.js'
import { allRules } from '../../../src/rules/index.js'
import { randomChars } from '../../helpers/fake-values.js'

const engine = new Engine(allRules)
const ids = (path: string, text: string) =>
  engine.scanText(path, text).map(f => f.ruleId)

describe('npmrc-auth-token', () => {
  it('ignores a parameter named _password in source code', () => {
    const code =
      'function init(hash: CHash, _password: KDFInput, _salt: KDFInput) {}'
    expect(ids('src/pbkdf2.ts', code)).not.toContain('npmrc-auth-token')
  })

  it('still reports an npmrc token and a Yarn npmAuthToken', () => {
    const value = randomChars(
      9,
      24,
      'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'
    )
    expect(
      ids('.npmrc', `//registry.example.test/:_authToken=${value}`)
    ).toContain('npmrc-auth-token')
    expect(ids('.yarnrc.yml', `npmAuthToken: "${value}"`)).toContain(
      'npmrc-auth-token'
    )
  })
})
