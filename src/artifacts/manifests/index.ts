/** Reading any supported checksum manifest. */
import { parseChecksumLines } from './checksum-lines.js'
import { looksLikeJson, parseInTotoManifest } from './in-toto.js'
import type { ParsedManifest } from './manifest.js'

export type {
  ManifestEntry,
  ManifestFormat,
  ManifestProblem,
  ParsedManifest
} from './manifest.js'

/**
 * Parses a manifest, telling JSON (in-toto, SLSA, DSSE) from checksum
 * lines (GNU, goreleaser, BSD, SRI) by its first character.
 */
export function parseManifest(text: string): ParsedManifest {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  return looksLikeJson(body)
    ? parseInTotoManifest(body)
    : parseChecksumLines(body)
}
