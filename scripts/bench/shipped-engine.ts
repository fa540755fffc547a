/**
 * The engine and rules as they ship: bundled by rollup with the plugins
 * of rollup.config.js (engine.rollup.config.js, into .bench/engine, git
 * ignored), then imported.
 *
 * Benchmarks run under tsx, whose on-the-fly transform is not the code
 * users run: it wraps every function created at run time in a naming
 * helper, so a closure made per scanned file costs a property definition,
 * and bench:secrets measured about 18% slower under it than bundled.
 * Rollup runs in a process of its own, so the memory the TypeScript
 * compiler takes does not count in a benchmark's peak RSS.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Engine as EngineClass } from '../../src/engine/engine.js'
import type { Rule } from '../../src/rules/rule.js'

const ROOT = resolve(import.meta.dirname, '../..')
const CONFIG = resolve(import.meta.dirname, 'engine.rollup.config.js')
const BUNDLE = resolve(ROOT, '.bench/engine/engine.mjs')

export interface ShippedEngine {
  readonly Engine: typeof EngineClass
  readonly allRules: readonly Rule[]
}

/** Bundles the engine and rules afresh; returns the bundle's path. */
export function bundleEngine(): string {
  const rollup = resolve(ROOT, 'node_modules/rollup/dist/bin/rollup')
  const run = spawnSync(process.execPath, [rollup, '--config', CONFIG], {
    cwd: ROOT,
    encoding: 'utf8'
  })
  if (run.status !== 0) {
    throw new Error(
      `Bundling the engine with ${CONFIG} failed:\n${run.stderr || run.stdout}`
    )
  }
  return BUNDLE
}

/** Imports a bundle made by `bundleEngine`. */
export async function importEngine(path: string): Promise<ShippedEngine> {
  return (await import(pathToFileURL(path).href)) as ShippedEngine
}
