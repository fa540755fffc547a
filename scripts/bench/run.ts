/**
 * `npm run bench`: every benchmark, one after another, each printing its
 * own figures and targets. Pass names to run some: `npm run bench -- gate`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const ALL = ['gate', 'diff', 'secrets', 'phi', 'hashing', 'bundles']
const wanted = process.argv.slice(2).filter(a => !a.startsWith('-'))
const names = wanted.length > 0 ? wanted : ALL

let failed = 0
for (const name of names) {
  const file = join(here, `${name}.ts`)
  if (!existsSync(file)) {
    console.error(`no benchmark named ${name} (have: ${ALL.join(', ')})`)
    failed++
    continue
  }
  console.log(`\n=== bench:${name}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], {
    stdio: 'inherit',
    env: process.env
  })
  if (run.status !== 0) {
    console.error(`bench:${name} exited ${run.status}`)
    failed++
  }
}
process.exitCode = failed > 0 ? 1 : 0
