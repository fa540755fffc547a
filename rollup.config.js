// Both entry points are bundled with everything they import, so the action
// and the CLI run with nothing but Node: no node_modules on the runner.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const plugins = () => [
  typescript({ tsconfig: './tsconfig.build.json', outputToFilesystem: false }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
  commonjs(),
  json()
]

const entry = (input, file, banner) => ({
  input,
  output: { file, format: 'es', sourcemap: false, banner },
  plugins: plugins(),
  onwarn(warning, warn) {
    // The toolkit and its dependencies use `this` at module scope and
    // circular imports; both are harmless in a bundle and only noise.
    if (warning.code === 'THIS_IS_UNDEFINED') return
    if (warning.code === 'CIRCULAR_DEPENDENCY') return
    warn(warning)
  }
})

export default [
  entry('src/main.ts', 'dist/index.js'),
  entry('src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node')
]
