/**
 * Medicare numbers: the Medicare Beneficiary Identifier and the legacy
 * Health Insurance Claim Number it replaced (Safe Harbor identifier (I)).
 */
import type { Match, TextRule } from '../rule.js'
import { isGeneratedPath, isRecordPath } from './paths.js'
import { classifySsn, isValidMbi } from './validators.js'
import { CMS_EXAMPLE_MBI } from './values.js'

const A = '[AC-HJKMNP-RT-Y]'
const W = '[AC-HJKMNP-RT-Y0-9]'
const MBI = new RegExp(
  `(?<![\\w-])[1-9]${A}${W}\\d-?${A}${W}\\d-?${A}{2}\\d{2}(?![\\w-])`,
  'g'
)

// The identifier CMS prints in its own MBI documentation.

export const medicareMbi: TextRule = {
  kind: 'text',
  id: 'medicare-mbi',
  category: 'phi',
  severity: 'error',
  safeguard: '164.514(b)(2)(i)(I)',
  summary: 'Medicare Beneficiary Identifier near a Medicare label',
  description:
    'Matches 11-character MBIs near `MBI`, `Medicare` or `beneficiary`. ' +
    'The position rules are checked: digits 1-9 first, letters where ' +
    'letters go, and never S, L, O, I, B or Z. The example MBI CMS ' +
    'publishes is ignored. Remove the identifier or use a synthetic one.',
  validation: 'CMS MBI position rules; Medicare context on the same lines.',
  examples: { bad: 'mbi: <MBI>', good: 'mbi: 1EG4-TE5-MK73 (CMS example)' },
  // `mbi` alone occurs inside `combine` and `ambiguous`.
  keywords: [
    'medicare',
    'beneficiary',
    'mbi:',
    'mbi=',
    'mbi"',
    "mbi'",
    'mbi ',
    'mbi_',
    '_mbi',
    'mbi#'
  ],
  contextLines: 1,
  redaction: 'suffix',
  appliesTo: path => !isRecordPath(path) && !isGeneratedPath(path),
  *detect(text: string): Iterable<Match> {
    for (const m of text.matchAll(MBI)) {
      const v = m[0].replace(/-/g, '')
      if (!isValidMbi(v) || v === CMS_EXAMPLE_MBI) continue
      yield {
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        kind: 'MBI',
        message:
          'Medicare Beneficiary Identifier (Safe Harbor identifier I). ' +
          'Remove it or use synthetic data.',
        properties: { identifiers: ['MBI'], safeHarbor: ['I'] }
      }
    }
  }
}

const HICN = /(?<![\w-])(\d{3})-?(\d{2})-?(\d{4})-?([A-Z]\d?)(?![\w-])/g

export const medicareHicn: TextRule = {
  kind: 'text',
  id: 'medicare-hicn',
  category: 'phi',
  severity: 'error',
  safeguard: '164.514(b)(2)(i)(I)',
  summary: 'Legacy Medicare Health Insurance Claim Number near a label',
  description:
    'Matches HICNs (an SSN in an issued range followed by a beneficiary ' +
    'identification code such as A, B or C1) near `HICN` or `Medicare`. ' +
    'HICNs were replaced by MBIs but persist in old claims and fixtures.',
  validation: 'The SSN part must be issuable; Medicare context required.',
  examples: { bad: 'HICN: <SSN>A', good: 'HICN: 999-00-0001A' },
  keywords: ['hicn', 'medicare'],
  contextLines: 1,
  redaction: 'suffix',
  appliesTo: path => !isRecordPath(path) && !isGeneratedPath(path),
  *detect(text: string): Iterable<Match> {
    for (const m of text.matchAll(HICN)) {
      if (classifySsn(m[1]! + m[2]! + m[3]!).kind !== 'issuable') continue
      yield {
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        kind: 'HICN',
        message:
          'Medicare Health Insurance Claim Number (holds an SSN; Safe ' +
          'Harbor identifiers G and I). Remove it or use synthetic data.',
        properties: { identifiers: ['HICN'], safeHarbor: ['G', 'I'] }
      }
    }
  }
}
