import { realName, realPhone, realSsn } from '../../helpers/phi-values.js'
import { blocking, scan } from '../../helpers/phi-scan.js'

function message(sep: string, given: string, family: string, extra = '') {
  const f = (...v: string[]) => v.join(sep)
  return [
    f(
      'MSH',
      '^~\\&',
      'EPIC',
      'HOSP',
      'RCV',
      'FAC',
      '202401011200',
      '',
      'ADT^A01',
      '1',
      'P',
      '2.5'
    ),
    f(
      'PID',
      '1',
      '',
      '48213^^^HOSP^MR',
      '',
      `${family}^${given}`,
      '',
      '19620314',
      'F',
      '',
      '',
      `12 Birch Ln^^Dayton^OH^45402`,
      '',
      realPhone(3),
      '',
      '',
      '',
      '',
      '',
      extra
    ),
    f('PV1', '1', 'I')
  ].join('\r')
}

describe('HL7 v2 record rule', () => {
  it('reports a message as one error listing its identifiers and letters', () => {
    const [given, family] = realName(1)
    const findings = scan('in/adt.hl7', message('|', given, family, realSsn(2)))
    expect(findings).toHaveLength(1)
    const [finding] = findings
    expect(finding).toMatchObject({
      ruleId: 'phi-record-hl7',
      severity: 'error',
      line: 1,
      safeguard: '164.514(b)(2)(i)'
    })
    expect(finding!.message).toContain('name (A)')
    expect(finding!.message).toContain('birth date (C)')
    expect(finding!.message).toContain('SSN (G)')
    expect(finding!.properties?.safeHarbor).toEqual(
      expect.arrayContaining(['A', 'B', 'C', 'D', 'G', 'H'])
    )
  })

  it('reads the field separator from MSH, so other separators work', () => {
    const [given, family] = realName(4)
    const findings = scan('in/adt.txt', message('#', given, family))
    expect(blocking(findings).map(f => f.ruleId)).toEqual(['phi-record-hl7'])
  })

  it('passes a Synthea-style message as a note that says why', () => {
    const findings = scan(
      'in/adt.hl7',
      message('|', 'Marta45', 'Lindqvist12', '999-12-3456')
    )
    expect(blocking(findings)).toEqual([])
    expect(findings[0]!.message).toContain('considered synthetic')
    expect(findings[0]!.message).toContain('Synthea')
  })

  it('never repeats an identifier in what it reports', () => {
    const [given, family] = realName(5)
    const ssn = realSsn(6)
    const out = JSON.stringify(
      scan('in/adt.hl7', message('|', given, family, ssn))
    )
    for (const value of [given, family, ssn, ssn.replace(/-/g, '')]) {
      expect(out).not.toContain(value)
    }
  })

  it('reports a message when any of its segments is added, and only that one', () => {
    const [g1, f1] = realName(7)
    const [g2, f2] = realName(8)
    const text = [message('|', g1, f1), message('|', g2, f2)]
      .join('\n')
      .replace(/\r/g, '\n')
    // Lines 1-3 are the first message, 4-6 the second; line 5 is its PID.
    const findings = scan('in/two.hl7', text, { changed: [5] })
    expect(findings.map(f => [f.line, f.endLine])).toEqual([[4, 6]])
  })
})
