/** Telling one JSON document from JSON Lines, for bundles and manifests. */

/**
 * How a JSON file is laid out: `[]` when it is one document, its lines
 * when it is JSON Lines (its first line is a document of its own), and
 * undefined when it is neither: a truncated or corrupted document.
 */
export function splitJsonLines(text: string): string[] | undefined {
  try {
    JSON.parse(text)
    return []
  } catch {
    // Not one document.
  }
  const lines = text.split('\n')
  const first = lines.find(line => line.trim() !== '')
  try {
    JSON.parse(first ?? '')
    return lines
  } catch {
    return undefined
  }
}
