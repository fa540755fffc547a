/**
 * The one redaction function every finding goes through. Nothing else in the
 * code base turns a matched value into text.
 */

/**
 * How much of a value a redaction may hint at:
 * - `prefix`: the first characters (a credential's public prefix, `ghp_`)
 *   and the length;
 * - `suffix`: the kind and at most the last two characters (PHI);
 * - `none`: only the kind and the length.
 */
export type RedactionStyle = 'prefix' | 'suffix' | 'none'

const PREFIX_MAX = 4
const SUFFIX_MAX = 2

/**
 * Redacts `value` for display. The hint never exceeds a quarter of the value,
 * so a short secret reveals less than a long one. `kind` names what the value
 * is (`SSN`, `date of birth`) for the styles that do not show a prefix.
 */
export function redact(
  value: string,
  style: RedactionStyle,
  kind = 'value'
): string {
  const length = [...value].length
  const budget = Math.floor(length / 4)
  if (style === 'prefix') {
    const shown = [...value].slice(0, Math.min(PREFIX_MAX, budget)).join('')
    return `${shown}…(${length} chars)`
  }
  if (style === 'suffix') {
    const keep = Math.min(SUFFIX_MAX, budget)
    const tail = keep > 0 ? [...value].slice(-keep).join('') : ''
    return tail ? `[${kind} …${tail}]` : `[${kind}]`
  }
  return `[${kind}, ${length} chars]`
}
