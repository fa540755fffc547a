/**
 * The part of the WebAssembly JavaScript API the prefilter uses. Node has
 * the global, but neither @types/node 20 nor the ES libs declare it, and
 * the DOM lib would bring browser globals into a Node project.
 */
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array)
  }
  class Instance {
    constructor(
      module: Module,
      imports: Record<string, Record<string, unknown>>
    )
    readonly exports: Record<string, unknown>
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number })
    readonly buffer: ArrayBuffer
  }
}
