/** Payment card numbers (Safe Harbor identifier (J), account numbers). */
import type { Match, TextRule } from '../rule.js'
import { isGeneratedPath, isRecordPath } from './paths.js'
import { cardNetwork, isTestCard, luhn } from './validators.js'

// Four-digit groups (or Amex 4-6-5) with one consistent separator, or none.
// (The look-behind is checked by hand, so the pattern starts with a digit.)
const CARD =
  /\d{4}(?:([ -]?)\d{4}\1\d{4}\1\d{1,7}|([ -]?)\d{6}\2\d{4,5})(?![\d.-])/g

export const paymentCardNumber: TextRule = {
  kind: 'text',
  id: 'payment-card-number',
  category: 'phi',
  severity: 'error',
  safeguard: '164.514(b)(2)(i)(J)',
  summary: 'Payment card number (Luhn and issuer range) near a card label',
  description:
    'Matches 13-19 digit numbers near words like `card`, `visa` or ' +
    '`credit` that pass the Luhn check and fall in an issuer range (Visa, ' +
    'Mastercard including the 2221-2720 series, American Express, ' +
    'Discover, JCB, Diners Club, UnionPay). The test numbers payment ' +
    'processors publish are synthetic and pass. About one number in ten ' +
    'passes Luhn by chance, which is why a card label must be near.',
  validation: 'Luhn checksum, issuer prefix and length, card context.',
  examples: {
    bad: 'card_number: <16-digit card>',
    good: 'card_number: 4242 4242 4242 4242'
  },
  // `card` also covers `mastercard`, `credit card`, `card_number`.
  keywords: ['card', 'visa', 'amex', 'ccnum', 'cc_num'],
  contextLines: 1,
  redaction: 'suffix',
  appliesTo: path => !isRecordPath(path) && !isGeneratedPath(path),
  *detect(text: string): Iterable<Match> {
    for (const m of text.matchAll(CARD)) {
      if (m.index > 0 && /[\d.-]/.test(text[m.index - 1]!)) continue
      const digits = m[0].replace(/[ -]/g, '')
      const network = cardNetwork(digits)
      if (!network || !luhn(digits) || isTestCard(digits)) continue
      yield {
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        kind: `${network} card`,
        message:
          `${network} card number (passes Luhn; Safe Harbor identifier J). ` +
          'Remove it; use a published test card number in fixtures.',
        properties: {
          identifiers: ['payment card number'],
          safeHarbor: ['J'],
          network
        }
      }
    }
  }
}
