/**
 * Regenerates src/rules/prefilter/scan-wasm.ts from scan.wat.
 *
 *   npm run build:wasm
 */
import { writeFileSync } from 'node:fs'
import { MODULE_PATH, generatedWasmModule } from './wasm/compile.js'

writeFileSync(MODULE_PATH, await generatedWasmModule())
console.log(`Wrote ${MODULE_PATH}`)
