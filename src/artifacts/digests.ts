/** Digest algorithms as manifests, bundles and Node's crypto name them. */

/** The algorithms a manifest may use; md5 and sha1 only to be refused. */
export type DigestAlgorithm = 'sha256' | 'sha384' | 'sha512' | 'sha1' | 'md5'

/** Algorithms strong enough to prove an artifact was not replaced. */
export type StrongAlgorithm = 'sha256' | 'sha384' | 'sha512'

/** Hex digest lengths, which is all a GNU manifest line tells. */
const HEX_LENGTHS: ReadonlyMap<number, DigestAlgorithm> = new Map([
  [32, 'md5'],
  [40, 'sha1'],
  [64, 'sha256'],
  [96, 'sha384'],
  [128, 'sha512']
])

/** The algorithm a hex digest of this length comes from, if supported. */
export function algorithmForHexLength(
  length: number
): DigestAlgorithm | undefined {
  return HEX_LENGTHS.get(length)
}

/** Byte length of a digest of `algorithm`. */
export function digestBytes(algorithm: DigestAlgorithm): number {
  for (const [hex, name] of HEX_LENGTHS) if (name === algorithm) return hex / 2
  return 0
}

/** True for the algorithms that prove integrity. */
export function isStrong(
  algorithm: DigestAlgorithm
): algorithm is StrongAlgorithm {
  return algorithm !== 'md5' && algorithm !== 'sha1'
}

/**
 * Reads an algorithm name in any of the spellings manifests use (`SHA256`,
 * `SHA-256`, `sha512`, `SHA2-256`), or undefined when unsupported.
 */
export function parseAlgorithmName(name: string): DigestAlgorithm | undefined {
  const folded = name
    .toLowerCase()
    .replace(/[-_]/g, '')
    .replace(/^sha2(?=[0-9]{3})/, 'sha')
  switch (folded) {
    case 'sha256':
    case 'sha384':
    case 'sha512':
    case 'sha1':
    case 'md5':
      return folded
    default:
      return undefined
  }
}

/** The display name of an algorithm, as in messages (`SHA-256`). */
export function displayName(algorithm: DigestAlgorithm): string {
  return algorithm === 'md5' ? 'MD5' : `SHA-${algorithm.slice(3)}`
}

const HEX = /^[0-9a-f]{1,128}$/

/** True when `digest` is lower-case hex of the right length. */
export function isHexDigest(algorithm: DigestAlgorithm, digest: string) {
  return digest.length === digestBytes(algorithm) * 2 && HEX.test(digest)
}
