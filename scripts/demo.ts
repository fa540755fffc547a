/**
 * `npm run demo`: the action's main job on a small example repository.
 *
 * It builds a repository at run time with a base commit and a pull request
 * head that adds a GitHub token, a real-looking SSN in a fixture and a
 * clean file (the values are made from fragments, so none is committed),
 * then runs the bundled action (dist/index.js) exactly as the runner would
 * for a pull_request event, and prints what the action reported: the
 * annotations, the job summary and the SARIF file. No token is given, so
 * the action takes the path a fork's pull request takes: workflow-command
 * annotations instead of a check run.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { githubToken, ssn } from '../__tests__/helpers/fake-values.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const repo = mkdtempSync(join(tmpdir(), 'hipaa-gate-demo-'))
const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Demo',
      GIT_AUTHOR_EMAIL: 'demo@example.com',
      GIT_COMMITTER_NAME: 'Demo',
      GIT_COMMITTER_EMAIL: 'demo@example.com'
    }
  }).trim()
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true })
  writeFileSync(join(repo, path), text)
}

// 1. The example repository: a base commit, then the pull request's head.
git('init', '-q', '-b', 'main')
write('README.md', '# Clinic scheduler\n')
write('src/config.js', 'export const region = "us-east-1"\n')
git('add', '-A')
git('commit', '-qm', 'base')
const base = git('rev-parse', 'HEAD')

git('checkout', '-qb', 'feature')
write(
  'src/config.js',
  'export const region = "us-east-1"\n' +
    `export const githubToken = "${githubToken(42)}"\n`
)
write(
  'test/fixtures/patients.csv',
  'patient_name,date_of_birth,ssn\n' + `Maria Alvarez,1961-04-12,${ssn(8)}\n`
)
write('src/clean.js', 'export const add = (a, b) => a + b\n')
git('add', '-A')
git('commit', '-qm', 'feature: add config and fixtures')
const head = git('rev-parse', 'HEAD')

// 2. The event the runner would write for this pull request.
const eventPath = join(repo, '..', `${repo.split('/').pop()}-event.json`)
writeFileSync(
  eventPath,
  JSON.stringify({
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { sha: base, ref: 'main' },
      head: { sha: head, ref: 'feature' }
    },
    repository: { full_name: 'demo/clinic', default_branch: 'main' }
  })
)
const summaryPath = join(repo, '..', `${repo.split('/').pop()}-summary.md`)
const outputPath = join(repo, '..', `${repo.split('/').pop()}-output.txt`)
writeFileSync(summaryPath, '')
writeFileSync(outputPath, '')
const sarifPath = join(repo, '..', `${repo.split('/').pop()}.sarif`)

// 3. The bundled action, run as the runner runs it.
const run = spawnSync(process.execPath, [join(root, 'dist', 'index.js')], {
  cwd: repo,
  encoding: 'utf8',
  env: {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'demo/clinic',
    GITHUB_SHA: head,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    INPUT_TOKEN: '',
    'INPUT_CHECK-NAME': 'HIPAA Gate',
    'INPUT_SARIF-FILE': sarifPath
  }
})

const rule = (title: string) =>
  console.log(`\n${'─'.repeat(8)} ${title} ${'─'.repeat(60 - title.length)}`)
// The runner consumes `::add-mask::` commands and prints every masked value
// as ***; do the same, so the demo shows the log a user would see.
const masked: string[] = []
const log = run.stdout
  .split('\n')
  .filter(line => {
    if (!line.startsWith('::add-mask::')) return true
    masked.push(line.slice('::add-mask::'.length))
    return false
  })
  .map(line =>
    masked.reduce((text, value) => text.split(value).join('***'), line)
  )
  .filter(line => !line.startsWith('::debug::'))
  .join('\n')
rule('the action’s log (annotations are the ::error lines)')
process.stdout.write(log)
process.stderr.write(run.stderr)
rule('job summary (Markdown)')
console.log(readFileSync(summaryPath, 'utf8'))
rule('step outputs')
console.log(readFileSync(outputPath, 'utf8'))
rule('SARIF results')
const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as {
  runs: { results: { ruleId: string; message: { text: string } }[] }[]
}
for (const r of sarif.runs[0]!.results) {
  console.log(`${r.ruleId}: ${r.message.text}`)
}
console.log(
  `\nThe action exited ${run.status}: ` +
    (run.status === 1 ? 'the gate failed, as it must.' : 'unexpected.')
)
process.exitCode = run.status === 1 ? 0 : 1
