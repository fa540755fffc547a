/**
 * Builders for the provider patterns, so every table entry gets the same
 * token boundaries and the same notion of "assigned near a keyword". Every
 * quantifier they emit is bounded.
 */

/**
 * A token that starts with a documented prefix: not preceded by a token
 * character, and not followed by one of `tail`'s characters.
 */
export function prefixed(
  prefix: string,
  body: string,
  tail = '[A-Za-z0-9_]'
): RegExp {
  return new RegExp(
    `(?<![A-Za-z0-9_])(?<secret>${prefix}${body})(?!${tail})`,
    'g'
  )
}

// Between a provider keyword and its value: the rest of a variable name
// (`DATADOG_API_KEY`), a closing quote, an assignment in any common syntax
// (`=`, `:`, `:=`, `=>`, `,` in a call), and an opening quote.
const ASSIGNED =
  '[\\w.-]{0,40}["\'`\\]]{0,2}\\s{0,4}(?:=>|:=|\\|\\|=|[=:,]|\\s)\\s{0,4}' +
  '(?:["\'`]|\\(["\']){0,1}\\s{0,2}'

/**
 * A value of the form `body` assigned to a name containing `keyword`
 * (case-insensitive), for credentials that have no prefix of their own.
 */
export function keyed(keyword: string, body: string): RegExp {
  return new RegExp(
    `${keyword}${ASSIGNED}(?<secret>${body})(?![A-Za-z0-9_+/=-])`,
    'gi'
  )
}
