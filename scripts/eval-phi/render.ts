/** Spellings of dates, phones and names, varied the way real files vary. */
import type { Random } from './random.js'

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' '
  )

export type DateStyle = 'iso' | 'compact' | 'us' | 'long'

/** An ISO date in another spelling; non-dates (year only, tokens) as is. */
export function formatDate(value: string, style: DateStyle): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return value
  const [, y, mo, d] = m
  if (style === 'compact') return `${y}${mo}${d}`
  if (style === 'us') return `${mo}/${d}/${y}`
  if (style === 'long') return `${MONTHS[Number(mo) - 1]} ${Number(d)}, ${y}`
  return value
}

export function randomDateStyle(r: Random): DateStyle {
  return r.pick(['iso', 'compact', 'us', 'long'] as const)
}

/** Ten digits in one of the spellings people write phones in. */
export function formatPhone(value: string, r: Random): string {
  if (!/^\d{10}$/.test(value)) return value
  const a = value.slice(0, 3)
  const e = value.slice(3, 6)
  const l = value.slice(6)
  return r.pick([
    `(${a}) ${e}-${l}`,
    `${a}-${e}-${l}`,
    `${a}.${e}.${l}`,
    `+1 ${a} ${e} ${l}`,
    `${a}${e}${l}`,
    `1-${a}-${e}-${l}`
  ])
}

/** Keys in the case style a codebase uses. */
export type KeyCase = 'snake' | 'camel' | 'pascal' | 'upper' | 'kebab'

export function caseKey(words: readonly string[], style: KeyCase): string {
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1)
  switch (style) {
    case 'snake':
      return words.join('_')
    case 'camel':
      return words[0]! + words.slice(1).map(cap).join('')
    case 'pascal':
      return words.map(cap).join('')
    case 'upper':
      return words.join('_').toUpperCase()
    case 'kebab':
      return words.join('-')
  }
}
