/** US Social Security numbers (Safe Harbor identifier (G)) and ITINs. */
import type { Match, TextRule } from '../rule.js'
import { isGeneratedPath, isStructuredPath } from './paths.js'
import { classifySsn } from './validators.js'

// The look-behind is checked by hand: a pattern that starts with a digit
// lets the regex engine skip ahead to digits, which is much faster.
const SSN = /(\d{3})-(\d{2})-(\d{4})(?![\w-])/g

// Every number the pattern matches has a digit, a dash and a digit at its
// first dash. These hundred keywords wake the rule near one, instead of
// over the whole of every file; digits followed by a dash and a digit are
// rare in code (about 3,600 in the benchmark's 20 MB sample).
const DIGIT_DASH_DIGIT = Array.from(
  { length: 100 },
  (_, n) => `${Math.floor(n / 10)}-${n % 10}`
)

// An ITIN is only called one when a label says so; unlabelled 9xx numbers
// are what test data generators are told to use.
const TIN_LABEL = /\b(?:i?tin|taxpayer(?:[ _]id)?)\b[^\n]{0,20}$/i

/** Whether the SSA issues numbers of this form (area, group, serial). */
export function isIssuableSsn(area: string, group: string, serial: string) {
  return classifySsn(area + group + serial).kind === 'issuable'
}

export const usSsn: TextRule = {
  kind: 'text',
  id: 'us-ssn',
  category: 'phi',
  severity: 'error',
  safeguard: '164.514(b)(2)(i)(G)',
  summary: 'US Social Security number in a range the SSA issues',
  description:
    'Matches NNN-NN-NNNN numbers whose area, group and serial the SSA ' +
    'issues. Numbers that can never be issued (area 000, 666 or 900-999, ' +
    'group 00, serial 0000), published sample numbers and runs of repeated ' +
    'or sequential digits are synthetic and pass. A 9xx number in the IRS ' +
    'ITIN ranges labelled as a TIN is reported as an ITIN. Replace real ' +
    'numbers with synthetic ones (for example the 900-999 area) or remove ' +
    'the record. JSON, SQL, HL7 and X12 files are read by the record ' +
    'rules instead, which report an SSN with the rest of its record; in ' +
    'CSV and YAML both report it.',
  validation:
    'SSA issuance rules (area, group, serial), published samples, ITIN ' +
    'group ranges.',
  examples: { bad: 'ssn: <issued SSN>', good: 'ssn: 900-12-3456' },
  keywords: DIGIT_DASH_DIGIT,
  // Room for the ITIN label before the number and the digit after it.
  reach: 64,
  redaction: 'suffix',
  appliesTo: path => !isStructuredPath(path) && !isGeneratedPath(path),
  *detect(text: string): Iterable<Match> {
    for (const m of text.matchAll(SSN)) {
      if (m.index > 0 && /[\w-]/.test(text[m.index - 1]!)) continue
      const c = classifySsn(m[1]! + m[2]! + m[3]!)
      let itin = false
      if (c.kind === 'itin') {
        const before = text.slice(Math.max(0, m.index - 40), m.index)
        if (!TIN_LABEL.test(before)) continue
        itin = true
      } else if (c.kind !== 'issuable') continue
      yield {
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        kind: itin ? 'ITIN' : 'SSN',
        message: itin
          ? 'Individual Taxpayer Identification Number (ITIN, Safe Harbor ' +
            'identifier R). Use synthetic or de-identified data.'
          : 'Social Security number in an issued range (Safe Harbor ' +
            'identifier G). Use synthetic or de-identified data in code ' +
            'and fixtures.',
        properties: {
          identifiers: [itin ? 'ITIN' : 'SSN'],
          safeHarbor: [itin ? 'R' : 'G']
        }
      }
    }
  }
}
