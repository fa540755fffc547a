import { assessRecord, severityOf } from '../../../src/rules/phi/record.js'
import { deidentifiedShape, judge } from '../../../src/rules/phi/values.js'
import { realName, realPhone, realSsn } from '../../helpers/phi-values.js'

const format = { id: 'test', label: 'Test record' }
const record = (fields: [string, string][], patientContext = true) => ({
  start: 0,
  end: 1,
  patientContext,
  fields: fields.map(([kind, value]) => ({ kind, value }) as never)
})

describe('record severity', () => {
  it('blocks a direct identifier alone, and a name with any other identifier', () => {
    expect(severityOf(['SSN'])).toBe('error')
    expect(severityOf(['name', 'birth date'])).toBe('error')
    expect(severityOf(['MRN', 'health information'])).toBe('error')
  })

  it('keeps weak identifiers from fewer than three categories at note', () => {
    expect(severityOf(['ZIP code'])).toBe('note')
    expect(severityOf(['street address', 'city', 'ZIP code'])).toBe('note')
    expect(severityOf(['birth date', 'ZIP code'])).toBe('note')
    expect(severityOf(['birth date', 'ZIP code', 'phone number'])).toBe('error')
  })
})

describe('assessRecord', () => {
  it('lets an issued SSN outweigh a placeholder name', () => {
    const match = assessRecord(
      record([
        ['name', 'Jane Doe'],
        ['SSN', realSsn(1)]
      ]),
      format
    )
    expect(match?.severity).toBe('error')
  })

  it('says why a record is considered synthetic', () => {
    const [given, family] = realName(2)
    const match = assessRecord(
      record([
        ['name', `${given}12 ${family}34`],
        ['birth date', '1961-04-05'],
        ['phone number', '555' + realPhone(2).slice(3)]
      ]),
      format
    )
    expect(match?.severity).toBe('note')
    expect(match?.message).toContain('digits appended to the name (Synthea)')
    expect(match?.message).toContain('555 area-code phone (Synthea)')
    expect(match?.properties?.synthetic).toBe(true)
  })

  it('ignores names and phones outside patient context', () => {
    const [given, family] = realName(3)
    const fields: [string, string][] = [
      ['name', `${given} ${family}`],
      ['phone number', realPhone(3)]
    ]
    expect(assessRecord(record(fields, false), format)).toBeUndefined()
    expect(assessRecord(record(fields, true), format)?.severity).toBe('error')
  })

  it('finds patient context in a health identifier of the same record', () => {
    const [given, family] = realName(4)
    const match = assessRecord(
      record(
        [
          ['name', `${given} ${family}`],
          ['birth date', '1944-09-30']
        ],
        false
      ),
      format
    )
    expect(match?.severity).toBe('error')
  })
})

describe('value judgements', () => {
  it.each([
    '[REDACTED]',
    'XXX-XX-1234',
    '***-**-1234',
    '[PERSON_1]',
    '<NAME>',
    'REDACTED'
  ])('recognises %s as a de-identification shape', value =>
    expect(deidentifiedShape(value)).toBeDefined()
  )

  it('reads dates reduced to the year, 90+ ages and three-digit ZIPs as de-identified', () => {
    expect(judge('birth date', '1962').status).toBe('deidentified')
    expect(judge('age over 89', '90+').status).toBe('deidentified')
    expect(judge('ZIP code', '454').status).toBe('deidentified')
  })

  it('counts ages over 89 and not younger ones', () => {
    expect(judge('age over 89', '93')).toEqual({
      status: 'real',
      kind: 'age over 89'
    })
    expect(judge('age over 89', '42').status).toBe('invalid')
  })

  it('rejects values that do not have the shape of their kind', () => {
    expect(judge('birth date', 'string').status).toBe('invalid')
    expect(judge('birth date', '2024-13-45').status).toBe('invalid')
    expect(judge('name', 'patient.firstName + lastName').status).toBe('invalid')
    expect(judge('email address', 'someone@example.com').status).toBe(
      'synthetic'
    )
  })
})
