/**
 * Benchmark of the CI configuration rules: throughput on realistic
 * workflows, and how the cost grows on hostile input (it should double
 * when the input doubles). Run with `npm run bench:ci-config`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Engine } from '../../src/engine/engine.js'
import { ciConfigRules } from '../../src/rules/ci-config/index.js'
import {
  caseFiles,
  folders
} from '../../__tests__/rules/ci-config/fixture-cases.js'

const engine = new Engine(ciConfigRules)

function scan(path: string, text: string): number {
  const document = { path, text, fullScan: true, isChanged: () => true }
  const fromDocument = engine.wantsDocument(path, text.slice(0, 4096))
    ? engine.scanDocument(document).length
    : 0
  return fromDocument + engine.scanText(path, text).length
}

/** Best of `runs` timings of `work`, in milliseconds. */
function best(runs: number, work: () => void): number {
  let fastest = Infinity
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    fastest = Math.min(fastest, performance.now() - start)
  }
  return fastest
}

// 1. Realistic workflows: the fixture set, scanned repeatedly.
const root = fileURLToPath(
  new URL('../../__tests__/rules/ci-config/fixtures/workflows', import.meta.url)
)
const files = folders(root).flatMap(name =>
  caseFiles(join(root, name)).map(path => ({
    path,
    text: readFileSync(join(root, name, path), 'utf8')
  }))
)
const bytes = files.reduce((sum, f) => sum + f.text.length, 0)
const rounds = 200
const realistic = best(5, () => {
  for (let i = 0; i < rounds; i++) for (const f of files) scan(f.path, f.text)
})
console.log(
  `realistic: ${files.length} files, ${bytes} bytes x ${rounds}: ` +
    `${realistic.toFixed(1)} ms, ` +
    `${((bytes * rounds) / 1e6 / (realistic / 1000)).toFixed(1)} MB/s, ` +
    `${((realistic * 1000) / (files.length * rounds)).toFixed(0)} µs/file`
)

// 2. Hostile inputs at n and 2n: the ratio should stay near 2.
const WORKFLOW = '.github/workflows/big.yml'
const hostile: [string, string, (n: number) => string][] = [
  [
    'many jobs',
    WORKFLOW,
    n =>
      'on: push\npermissions: {}\njobs:\n' +
      Array.from(
        { length: n / 100 },
        (_, i) =>
          `  j${i}:\n    runs-on: ubuntu-latest\n    steps:\n` +
          `      - uses: some-org/tool@v1\n      - run: curl -k https://x.example.com/${i}\n`
      ).join('')
  ],
  [
    'unclosed ${{',
    WORKFLOW,
    n =>
      'on: push\njobs:\n  a:\n    steps:\n      - run: "' +
      '${{ '.repeat(n / 4) +
      '"\n'
  ],
  ['curl words', 'a.sh', n => 'curl '.repeat(n / 5)],
  ['open quotes', 'a.sh', n => `curl "'`.repeat(n / 7)],
  ['http URLs', 'a.sh', n => 'curl ' + 'http://a.example.com/ '.repeat(n / 22)],
  ['sslmode', '.env', n => 'sslmode=disable host=x '.repeat(n / 23)],
  ['registry keys', '.npmrc', n => 'a:'.repeat(n / 2) + 'registry'],
  [
    'nested YAML',
    WORKFLOW,
    n => 'jobs: ' + '['.repeat(n / 20) + ']'.repeat(n / 20)
  ]
]
const size = 1_000_000
for (const [name, path, build] of hostile) {
  const small = build(size)
  const large = build(size * 2)
  const a = best(3, () => scan(path, small))
  const b = best(3, () => scan(path, large))
  console.log(
    `hostile ${name}: ${(small.length / 1e6).toFixed(1)} MB ${a.toFixed(0)} ms, ` +
      `${(large.length / 1e6).toFixed(1)} MB ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(2)}`
  )
}
