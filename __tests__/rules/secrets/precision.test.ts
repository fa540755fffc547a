import { Engine } from '../../../src/engine/engine.js'
import { allRules } from '../../../src/rules/index.js'
import {
  awsKeyIdValid,
  awsSecret,
  B64,
  b64,
  githubToken,
  hex,
  rc,
  reseed,
  secretManifest,
  uuid
} from '../../helpers/fake-credentials.js'

const engine = new Engine(allRules)
const ids = (path: string, text: string) =>
  engine.scanText(path, text).map(f => f.ruleId)

beforeEach(() => reseed(expect.getState().currentTestName ?? ''))

describe('AWS key pairs', () => {
  it('reports a key id and its secret on nearby lines as one finding', () => {
    const text =
      '[default]\n' +
      `aws_access_key_id = ${awsKeyIdValid()}\n` +
      `aws_secret_access_key = ${awsSecret()}\n`
    const findings = engine.scanText('credentials', text)
    expect(findings.map(f => f.ruleId)).toEqual(['aws-access-key-id'])
    expect(findings[0]!.message).toContain('and its secret access key')
    expect(findings[0]!).toMatchObject({ line: 2, endLine: 3 })
  })

  it('pairs a bare secret on the same CSV line as its key id', () => {
    const text = `User,Key,Secret\nci,${awsKeyIdValid()},${awsSecret()}\n`
    const findings = engine.scanText('keys.csv', text)
    expect(findings.map(f => f.ruleId)).toEqual(['aws-access-key-id'])
    expect(findings[0]!.properties?.credential).toContain('and secret')
  })

  it('reports the id and the secret apart when they are far apart', () => {
    const text =
      `AWS_ACCESS_KEY_ID=${awsKeyIdValid()}\n` +
      '#\n'.repeat(10) +
      `AWS_SECRET_ACCESS_KEY=${awsSecret()}\n`
    expect(ids('.env', text).sort()).toEqual([
      'aws-access-key-id',
      'aws-secret-access-key'
    ])
  })

  it('ignores the key id AWS documents as an example', () => {
    expect(ids('README.md', `AKIA${'IOSFODNN7'}EXAMPLE`)).toEqual([])
  })
})

describe('Kubernetes Secret manifests', () => {
  it('decodes data values and reports the credential they hide', () => {
    const token = githubToken(58)
    const manifest = secretManifest(token)
    const findings = engine.scanText('k8s/secret.yaml', manifest)
    expect(findings.map(f => f.ruleId)).toEqual(['kubernetes-secret-manifest'])
    expect(findings[0]).toMatchObject({ line: 7, severity: 'error' })
    expect(findings[0]!.message).toContain('GitHub')
    const json = JSON.stringify(findings)
    expect(json).not.toContain(token.slice(4))
    expect(json).not.toContain(b64(token))
  })

  it('reports a real value that no provider rule knows as a warning', () => {
    const findings = engine.scanText(
      'secret.yaml',
      secretManifest(rc(24, B64), 'db-password')
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      ruleId: 'kubernetes-secret-manifest',
      severity: 'warning',
      properties: { secretKey: 'db-password' }
    })
  })

  it('reads stringData and JSON manifests too', () => {
    const token = githubToken(59)
    const yaml =
      'kind: Secret\napiVersion: v1\nstringData:\n' + `  token: ${token}\n`
    const json = JSON.stringify({
      kind: 'Secret',
      apiVersion: 'v1',
      data: { token: b64(token) }
    })
    expect(ids('s.yaml', yaml)).toContain('kubernetes-secret-manifest')
    expect(ids('s.json', json)).toContain('kubernetes-secret-manifest')
  })

  it('leaves ConfigMaps and Helm-templated Secrets alone', () => {
    const configMap = secretManifest(rc(24, B64)).replace('Secret', 'ConfigMap')
    const helm = 'kind: Secret\ndata:\n  token: {{ .Values.token | b64enc }}\n'
    expect(ids('c.yaml', configMap)).not.toContain('kubernetes-secret-manifest')
    expect(ids('t.yaml', helm)).toEqual([])
  })
})

describe('one finding per secret', () => {
  it('lets a provider rule, not the generic rule, report a token', () => {
    const text = `token = "${githubToken(60)}"`
    expect(ids('a.py', text)).toEqual(['github-classic-token'])
  })

  it('keeps the generic rule quiet on a provider token that fails its checksum', () => {
    const token = githubToken(61)
    const broken = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    expect(ids('a.py', `token = "${broken}"`)).toEqual([])
  })
})

describe('known non-secrets', () => {
  const quiet: [string, string][] = [
    ['an environment reference', 'password = "${DB_PASSWORD}"'],
    ['a template slot', 'password: "{{ .Values.dbPassword }}"'],
    ['an Actions secret', 'token: "${{ secrets.DEPLOY_TOKEN }}"'],
    ['an angle-bracket placeholder', 'api_key = "<your-api-key>"'],
    ['code that reads the environment', 'apiKey: process.env.API_KEY1'],
    ['a masked value', 'password = "****************"'],
    ['x-ed out', 'secret = "xxxxxxxxxxxxxxxx"'],
    ['a sample word', 'api_key = "sample-key-123456"'],
    ['a lockfile integrity hash', `"integrity": "sha512-${rc(86, B64)}=="`],
    ['a UUID', `client_secret = "${uuid()}"`],
    ['a git hash', `commit_token_sha = "${hex(40)}"`],
    ['a bcrypt hash', `password = "$2b$12$${rc(53, B64)}"`],
    ['a public key', `public_key = "ssh-ed25519 ${rc(68, B64)}"`],
    ['a data URI', `token = "data:image/png;base64,${rc(60, B64)}"`],
    ['a name that describes a token', `tokenType = "Bearer${rc(12)}9"`],
    ['a dotted code path', 'password: config.database.password1'],
    [
      'a minified bundle line',
      `var a=1;${'x=1;'.repeat(300)}t.token="${rc(24)}9";`
    ]
  ]
  it.each(quiet)('stay quiet: %s', (_what, line) => {
    expect(ids('src/app.ts', line)).toEqual([])
  })
})
