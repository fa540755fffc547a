// The engine and its rules bundled the way rollup.config.js bundles the
// action and the CLI, for the benchmarks to time the code that ships
// (scripts/bench/shipped-engine.ts runs this in its own process).
import { resolve } from 'node:path'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const root = resolve(import.meta.dirname, '../..')
const outDir = resolve(root, '.bench/engine')
const entry = '\0bench-engine-entry'

export default {
  input: entry,
  output: { file: resolve(outDir, 'engine.mjs'), format: 'es' },
  plugins: [
    {
      // A two-line entry module naming what the benchmarks import.
      name: 'bench-engine-entry',
      resolveId: id => (id === entry ? id : null),
      load: id =>
        id === entry
          ? [
              `export { Engine } from ${JSON.stringify(resolve(root, 'src/engine/engine.ts'))}`,
              `export { allRules } from ${JSON.stringify(resolve(root, 'src/rules/index.ts'))}`
            ].join('\n')
          : null
    },
    typescript({
      tsconfig: resolve(root, 'tsconfig.build.json'),
      outDir,
      outputToFilesystem: false
    }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    commonjs(),
    json()
  ],
  onwarn(warning, warn) {
    if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning)
  }
}
