/** US Social Security numbers (Safe Harbor identifier (G)). */
import type { Match, TextRule } from '../rule.js'

const SSN = /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g

// Numbers the SSA has published as examples, or that circulated widely
// after being printed on sample cards; they identify no one.
const PUBLISHED_SAMPLES = new Set([
  '078051120',
  '123456789',
  '219099999',
  ...Array.from({ length: 10 }, (_, i) => `98765432${i}`)
])

/** Whether the SSA issues numbers of this form (area, group, serial). */
export function isIssuableSsn(area: string, group: string, serial: string) {
  if (area === '000' || area === '666' || area[0] === '9') return false
  if (group === '00' || serial === '0000') return false
  return !PUBLISHED_SAMPLES.has(area + group + serial)
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
    'group 00, serial 0000) and published sample numbers are synthetic ' +
    'and pass. Replace real numbers with synthetic ones (for example the ' +
    '900-999 area) or remove the record.',
  keywords: [],
  redaction: 'suffix',
  *detect(text: string): Iterable<Match> {
    for (const m of text.matchAll(SSN)) {
      if (!isIssuableSsn(m[1]!, m[2]!, m[3]!)) continue
      yield {
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        kind: 'SSN',
        message:
          'Social Security number in an issued range (Safe Harbor identifier G). ' +
          'Use synthetic or de-identified data in code and fixtures.',
        properties: { identifiers: ['SSN'] }
      }
    }
  }
}
