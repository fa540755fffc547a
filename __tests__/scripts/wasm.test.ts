import { readFileSync } from 'node:fs'
import { MODULE_PATH, generatedWasmModule } from '../../scripts/wasm/compile.js'

describe('the prefilter WebAssembly module', () => {
  it('equals a fresh compile of scan.wat (run `npm run build:wasm` if not)', async () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(await generatedWasmModule())
  })
})
