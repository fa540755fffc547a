import {
  realCard,
  realMbi,
  realName,
  realPhone,
  realSsn
} from '../../helpers/phi-values.js'
import { Engine } from '../../../src/engine/engine.js'
import { allRules } from '../../../src/rules/index.js'
import { blocking, scan } from '../../helpers/phi-scan.js'

describe('note and log record rule', () => {
  it('groups labelled values on adjacent lines into one record', () => {
    const [given, family] = realName(1)
    // Built from fragments: no realistic record is committed as a literal.
    const dob = ['03', '14', String(1900 + 62)].join('/')
    const mrn = 'A' + String(4821 * 1000 + 993)
    const text = `Visit summary\nPatient: ${given} ${family}\nDOB: ${dob}\nMRN: ${mrn}\n\nPlan: rest.\n`
    const findings = scan('notes/visit.txt', text)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      ruleId: 'phi-record-note',
      severity: 'error',
      line: 2,
      endLine: 4
    })
    expect(findings[0]!.properties?.identifiers).toEqual([
      'name',
      'birth date',
      'MRN'
    ])
  })

  it('reads key=value log lines, one record per patient', () => {
    const lines = [1, 2].map(seed => {
      const [given, family] = realName(seed)
      return `2024-05-01T10:00:0${seed}Z INFO admit patient_name="${given} ${family}" dob=1950-0${seed}-11 mrn=88${seed}1234`
    })
    const findings = scan('logs/app.log', lines.join('\n'))
    expect(blocking(findings).map(f => f.line)).toEqual([1, 2])
  })

  it("does not count a clinic's phone or a physician's name as the patient's", () => {
    const [given, family] = realName(9)
    const [dg, df] = realName(10)
    const p = realPhone(9)
    const text = `Patient: ${given} ${family}\nDOB: 1950-02-03\nAttending Physician: Dr. ${dg} ${df}\nClinic Phone: ${p.slice(0, 3)}-${p.slice(3, 6)}-${p.slice(6)}\n`
    const [finding] = scan('notes/v.txt', text)
    expect(finding!.properties?.identifiers).toEqual(['name', 'birth date'])
  })

  it('keeps one weak identifier at note severity', () => {
    const findings = scan(
      'notes/n.md',
      'The patient asked us to call back.\nZIP: 45402\n'
    )
    expect(findings.map(f => f.severity)).toEqual(['note'])
    expect(findings[0]!.message).toContain('not blocking')
  })

  it('does not flag code that handles patient fields', () => {
    const code = [
      'export function describe(patient: Patient) {',
      '  const dob = patient.dob // date of birth, YYYY-MM-DD',
      '  const name = patient.firstName + " " + patient.lastName',
      '  log.info(`patient ${patient.id} loaded at ${Date.now()}`)',
      '  return { name, dob, ssn: mask(patient.ssn) }',
      '}'
    ].join('\n')
    expect(scan('src/patient.ts', code)).toEqual([])
  })

  it('recognises de-identified placeholders in notes', () => {
    const findings = scan(
      'notes/n.txt',
      'Patient: [PERSON_1]\nDOB: [REDACTED]\nSSN: XXX-XX-1234\n'
    )
    expect(blocking(findings)).toEqual([])
  })
})

describe('token rules', () => {
  it('reports an issued SSN in code, with only its last two digits', () => {
    const ssn = realSsn(3)
    const [finding] = scan('src/seed.ts', `const ssn = '${ssn}'`)
    expect(finding).toMatchObject({
      ruleId: 'us-ssn',
      severity: 'error',
      redacted: `[SSN …${ssn.slice(-2)}]`
    })
  })

  it('leaves lock files, source maps and JSON to other readers, path by path', () => {
    const text = `"ssn": "${realSsn(7)}"`
    const rulesAt = (path: string) => scan(path, text).map(f => f.ruleId)
    // One path after another: what holds for one must not carry over.
    expect(rulesAt('notes/a.txt')).toEqual(['us-ssn'])
    expect(rulesAt('dist/app.js.map')).toEqual([])
    expect(rulesAt('notes/b.txt')).toEqual(['us-ssn'])
    expect(rulesAt('yarn.lock')).toEqual([])
    expect(rulesAt('vendor/ruby/Gemfile.lock')).toEqual([])
    expect(rulesAt('src/my-yarn.lock.ts')).toEqual(['us-ssn'])
    // Whatever the case of the extension, YAML is read by both rules and
    // JSON by its record rule alone.
    expect(rulesAt('seeds/people.YAML')).toEqual(['us-ssn', 'phi-record-yaml'])
    expect(rulesAt('test/FIXTURE.JSON')).toEqual(['phi-record-json'])
  })

  it('passes SSNs the SSA never issues, and samples', () => {
    const text =
      "a = '000-12-3456'\nb = '666-12-3456'\nc = '987-65-4321'\nd = '123-45-6789'"
    expect(scan('src/a.ts', text)).toEqual([])
  })

  it('reports an ITIN only where a label calls it a taxpayer number', () => {
    const itin = '9' + '12-7' + '0-1234'
    expect(scan('a.ts', `itin: ${itin}`).map(f => f.redacted)).toEqual([
      '[ITIN …34]'
    ])
    expect(scan('a.ts', `ref = ${itin}`)).toEqual([])
  })

  it('reports an MBI near a Medicare label and not elsewhere', () => {
    const mbi = realMbi(4)
    expect(scan('a.md', `Medicare ID: ${mbi}`).map(f => f.ruleId)).toEqual([
      'medicare-mbi'
    ])
    expect(scan('a.md', `build ${mbi}`)).toEqual([])
    expect(scan('a.md', 'MBI: 1EG4-TE5-MK73')).toEqual([])
  })

  it('reports a card number near a card label, but not a test card', () => {
    const card = realCard(5)
    const grouped = card.replace(/(\d{4})(?=\d)/g, '$1 ')
    expect(scan('a.txt', `card: ${grouped}`).map(f => f.ruleId)).toEqual([
      'payment-card-number'
    ])
    expect(scan('a.txt', 'card: 4242 4242 4242 4242')).toEqual([])
    expect(scan('a.txt', `order ${card}`)).toEqual([])
  })

  it('does not flag epoch timestamps, ids, versions and changelog dates', () => {
    const text =
      'const t = 1712345678901\nid = 4820193847\n## [2.10.3] - 2024-03-01\nversion: 10.2.2024\n'
    expect(scan('CHANGELOG.md', text)).toEqual([])
  })

  it('gives the masker every matched value before a finding exists', () => {
    const seen: string[] = []
    const ssn = realSsn(6)
    new Engine(allRules, { onValue: v => seen.push(v) }).scanText(
      'a.txt',
      `ssn ${ssn}`
    )
    expect(seen).toContain(ssn)
  })
})

describe('the example MBI CMS publishes', () => {
  it('does not block a rule description that quotes it', () => {
    const example = ['1EG4', 'TE5', 'MK73'].join('-')
    const source = [
      "  description: 'The example MBI CMS publishes is ignored.',",
      "  validation: 'CMS MBI position rules; Medicare context.',",
      `  examples: { bad: 'mbi: <MBI>', good: 'mbi: ${example} (CMS example)' },`
    ].join('\n')
    expect(blocking(scan('src/rules/medicare.ts', source))).toEqual([])
  })
})
