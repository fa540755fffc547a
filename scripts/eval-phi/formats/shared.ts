/** Helpers the format renderers share: value spellings and key names. */
import { KEY_WORDS } from '../keys.js'
import type { Person, Planted } from '../people.js'
import type { Random } from '../random.js'
import {
  caseKey,
  formatDate,
  formatPhone,
  randomDateStyle,
  type KeyCase
} from '../render.js'

export function valueOf(
  who: Person,
  kind: Planted,
  r: Random,
  dates = randomDateStyle(r)
): string {
  const raw = who.fields[kind] ?? ''
  if (kind === 'birth date' || kind === 'admission date')
    return formatDate(raw, dates)
  if (kind === 'phone number') return formatPhone(raw, r)
  return raw
}

export function plantedValues(
  who: Person,
  kinds: readonly Planted[]
): string[] {
  return kinds
    .map(k => who.fields[k] ?? '')
    .filter(v => v.length >= 4 && !/^\[|^<|REDACTED|^X|^\*/.test(v))
}

/** Renders one record of `who` in `format`. */
export function keyFor(
  kind: Planted | 'given' | 'family',
  r: Random,
  style: KeyCase
): string {
  return caseKey(r.pick(KEY_WORDS[kind]), style)
}
