/**
 * Base62 checksums. GitHub and npm tokens end in six base62 digits of the
 * CRC32 of their random part, so a mistyped or invented value fails offline.
 */
import { crc32 } from 'node:zlib'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Base62 of a 32-bit number, left-padded with zeros to `width` digits. */
export function base62(value: number, width: number): string {
  let out = ''
  let rest = value >>> 0
  while (rest > 0) {
    out = BASE62[rest % 62]! + out
    rest = Math.floor(rest / 62)
  }
  return out.padStart(width, '0')
}

/** Whether `check` is the six-digit base62 CRC32 of `random`. */
export function hasBase62Crc32(random: string, check: string): boolean {
  return base62(crc32(random), 6) === check
}
