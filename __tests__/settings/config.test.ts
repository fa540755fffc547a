import { parseConfig } from '../../src/settings/config.js'
import { SettingsError } from '../../src/settings/errors.js'

const known = new Set(['us-ssn', 'github-classic-token'])
const parse = (text: string) =>
  parseConfig(text, '.github/hipaa-gate.yml', known)

function errorOf(text: string): SettingsError {
  try {
    parse(text)
  } catch (error) {
    return error as SettingsError
  }
  throw new Error('expected the config to be rejected')
}

describe('the config file', () => {
  it('turns rules, ignores and fail-on into settings', () => {
    const config = parse(
      [
        'fail-on: warning',
        'baseline: .github/baseline.json',
        'ignore-paths:',
        '  - docs/**',
        '  - path: test/synthea/**',
        '    reason: Synthea output, synthetic',
        'rules:',
        '  us-ssn: note',
        '  github-classic-token:',
        '    severity: off'
      ].join('\n')
    )
    expect(config.failOn).toBe('warning')
    expect(config.baseline).toBe('.github/baseline.json')
    expect(config.severities.get('us-ssn')).toBe('note')
    expect(config.disabledRules.has('github-classic-token')).toBe(true)
    expect(config.ignorePaths).toEqual([
      {
        pattern: 'docs/**',
        reason: 'path ignored by "docs/**" in .github/hipaa-gate.yml'
      },
      { pattern: 'test/synthea/**', reason: 'Synthea output, synthetic' }
    ])
  })

  it('names the file, line and key of an unknown key', () => {
    const error = errorOf('fail-on: error\nignore-path:\n  - docs/**\n')
    expect(error.code).toBe('config-invalid')
    expect(error.message).toContain(
      '.github/hipaa-gate.yml:2:1: unknown key "ignore-path"'
    )
  })

  it('says which values fail-on accepts when given another', () => {
    const error = errorOf('\n\nfail-on: critical\n')
    expect(error.message).toContain('.github/hipaa-gate.yml:3:10')
    expect(error.message).toContain('"error", "warning", "note", "never"')
  })

  it('rejects a misspelt rule id at its line', () => {
    const error = errorOf('rules:\n  us-sn: off\n')
    expect(error.message).toContain(
      '.github/hipaa-gate.yml:2:3: unknown rule id "us-sn"'
    )
  })

  it('requires a reason on an object-form ignore', () => {
    const error = errorOf('ignore-paths:\n  - path: x/**\n')
    expect(error.message).toContain('needs the key "reason"')
  })

  it('reports YAML syntax errors with their position', () => {
    const error = errorOf('rules: [unclosed\n')
    expect(error.code).toBe('config-syntax')
    expect(error.message).toMatch(
      /^\.github\/hipaa-gate\.yml:\d+:\d+: invalid YAML/
    )
  })

  it('gives the same digest to the same settings written differently', () => {
    const a = parse('fail-on: error\nrules:\n  us-ssn: note\n')
    const b = parse('rules: { us-ssn: note }\nfail-on: error # same\n')
    const c = parse('rules: { us-ssn: warning }\n')
    expect(a.digest).toBe(b.digest)
    expect(a.digest).not.toBe(c.digest)
  })
})

describe('the ci-config section', () => {
  it('reads the owners whose actions may be used by tag', () => {
    const config = parseConfig(
      'ci-config:\n  trusted-action-owners: [actions, my-org]\n',
      'c.yml',
      known
    )
    expect(config.trustedActionOwners).toEqual(['actions', 'my-org'])
  })

  it('rejects an owner that is not a GitHub account name', () => {
    expect(() =>
      parseConfig(
        'ci-config:\n  trusted-action-owners: ["a/b"]\n',
        'c.yml',
        known
      )
    ).toThrow('c.yml:2:27')
  })
})
