import { Engine } from '../../src/engine/engine.js'
import { allRules } from '../../src/rules/index.js'
import { streamDiff } from '../../src/source/diff.js'
import { githubToken } from '../helpers/fake-values.js'
import { cleanup, isolateGit, Repo } from '../helpers/git-repo.js'

isolateGit()
afterAll(cleanup)

describe('a streamed diff scanned by the engine', () => {
  it('puts a token added to a CRLF file on its file line and column', async () => {
    const token = githubToken(31)
    const repo = new Repo()
    const base = repo.commit({ 'config.ini': 'a=1\r\nb=2\r\n' })
    const head = repo.commit({
      'config.ini': `a=1\r\nb=2\r\n\r\ntoken = ${token}\r\n`
    })

    const engine = new Engine(allRules)
    const findings = []
    for await (const file of streamDiff({ cwd: repo.dir, base, head })) {
      findings.push(...engine.scanText(file.path, file.text, file.lineNumbers))
    }

    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'github-classic-token',
        file: 'config.ini',
        line: 4,
        column: 9,
        endColumn: 9 + token.length
      })
    ])
    expect(JSON.stringify(findings)).not.toContain(token.slice(4))
  })
})
