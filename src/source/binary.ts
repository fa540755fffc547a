/**
 * What counts as a binary file: a NUL byte near the start, the test git
 * itself uses. The gate applies it to bytes it reads, rather than trusting
 * `.gitattributes`, which the change under scan may have edited.
 */

/** How much of a file decides whether it is binary. */
export const BINARY_SNIFF_BYTES = 8 * 1024

/** True when `sample` holds a NUL byte in its first 8 KiB. */
export function looksBinary(sample: Uint8Array): boolean {
  const end = Math.min(sample.length, BINARY_SNIFF_BYTES)
  for (let i = 0; i < end; i++) if (sample[i] === 0) return true
  return false
}
