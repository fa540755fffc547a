import { realName, realPhone } from '../../helpers/phi-values.js'
import { engine } from '../../helpers/phi-scan.js'

// In a diff the gate decides whether to read a file whole from a sample of
// its added lines, which need not include the header that names the format.
function diffScan(path: string, text: string, changedLine: number) {
  const added = text.split('\n')[changedLine - 1]!
  if (!engine.wantsDocument(path, added)) return []
  return engine.scanDocument({
    path,
    text,
    fullScan: false,
    isChanged: line => line === changedLine
  })
}

describe('record rules in a diff', () => {
  it('reads an HL7 text file whole when only a PID line is added', () => {
    const [given, family] = realName(1)
    const text = [
      'MSH|^~\\&|LAB|HOSP|RCV|FAC|202401011200||ADT^A08|7|P|2.5',
      `PID|1||55102^^^HOSP^MR||${family}^${given}||19540102|M`
    ].join('\n')
    const findings = diffScan('interfaces/sample.txt', text, 2)
    expect(findings.map(f => [f.ruleId, f.severity])).toEqual([
      ['phi-record-hl7', 'error']
    ])
  })

  it('reads a FHIR file as FHIR when the added line is deep inside it', () => {
    const [given, family] = realName(2)
    const resource = {
      resourceType: 'Patient',
      name: [{ family, given: [given] }],
      telecom: [{ system: 'phone', value: realPhone(2) }],
      birthDate: '1971-06-07'
    }
    const text = JSON.stringify(resource, null, 2)
    const line = text.split('\n').findIndex(l => l.includes('birthDate')) + 1
    const findings = diffScan('fhir/p.json', text, line)
    expect(findings.map(f => f.ruleId)).toEqual(['phi-record-fhir'])
  })
})
