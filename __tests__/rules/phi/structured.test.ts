import { stringify } from 'yaml'
import {
  realName,
  realPhone,
  realSsn,
  realMbi,
  Random
} from '../../helpers/phi-values.js'
import { blocking, scan } from '../../helpers/phi-scan.js'
import { person } from '../../../scripts/eval-phi/people.js'
import { dicomFile } from '../../../scripts/eval-phi/dicom.js'

describe('FHIR record rule', () => {
  const patient = (seed: number, extra: object = {}) => {
    const [given, family] = realName(seed)
    return {
      resourceType: 'Patient',
      name: [{ family, given: [given] }],
      birthDate: '1962-03-14',
      telecom: [{ system: 'phone', value: realPhone(seed) }],
      ...extra
    }
  }

  it('reports each person in a Bundle as its own record', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [
        { resource: patient(1) },
        { resource: { resourceType: 'Observation', status: 'final' } },
        { resource: patient(2) }
      ]
    }
    const findings = scan('fhir/bundle.json', JSON.stringify(bundle, null, 2))
    expect(blocking(findings).map(f => f.ruleId)).toEqual([
      'phi-record-fhir',
      'phi-record-fhir'
    ])
    expect(findings[0]!.line).toBeLessThan(findings[1]!.line)
  })

  it('passes a resource with the Synthea identifier system as synthetic', () => {
    const synthetic = patient(3, {
      identifier: [
        { system: 'https://github.com/synthetichealth/synthea', value: 'x1' }
      ]
    })
    const findings = scan('fhir/p.json', JSON.stringify(synthetic))
    expect(blocking(findings)).toEqual([])
    expect(findings[0]!.message).toContain('Synthea identifier system')
  })

  it('reads NDJSON one resource per line', () => {
    const text = [patient(4), patient(5)].map(p => JSON.stringify(p)).join('\n')
    expect(
      blocking(scan('export/Patient.ndjson', text)).map(f => f.line)
    ).toEqual([1, 2])
  })
})

describe('X12 record rule', () => {
  it('takes the delimiters from ISA and reports the subscriber loop', () => {
    const [given, family] = realName(6)
    const el = '|'
    const isa = [
      'ISA',
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      'ZZ',
      'SUBMITTER'.padEnd(15),
      'ZZ',
      'RECEIVER'.padEnd(15),
      '240101',
      '1200',
      '^',
      '00501',
      '000000001',
      '0',
      'P',
      ':'
    ].join(el)
    const text =
      [
        isa,
        'ST|837|0001',
        `NM1|IL|1|${family}|${given}||||MI|W123456789`,
        'DMG|D8|19620314|F',
        'NM1|PR|2|PAYER',
        'SE|5|0001'
      ].join('~\n') + '~'
    const findings = blocking(scan('claims/in.edi', text))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      ruleId: 'phi-record-x12',
      line: 3,
      endLine: 4
    })
    expect(findings[0]!.properties?.identifiers).toEqual([
      'name',
      'health plan number',
      'birth date'
    ])
  })
})

describe('CSV record rule', () => {
  it('reads rows by header, one finding per row, on the changed row only', () => {
    const rows = [1, 2, 3].map(seed => {
      const [given, family] = realName(seed)
      return `${seed},"${family}, ${given}",1960-01-0${seed},${realPhone(seed)}`
    })
    const text = `mrn,patient_name,DOB,home_phone\n${rows.join('\n')}\n`
    const findings = scan('data/export.csv', text, { changed: [3] })
    expect(findings.map(f => [f.ruleId, f.severity, f.line])).toEqual([
      ['phi-record-csv', 'error', 3]
    ])
  })

  it('does not treat a contact list without patient context as PHI', () => {
    const [given, family] = realName(7)
    const text = `name,email\n${given} ${family},${given.toLowerCase()}@gmail.com\n`
    expect(scan('data/authors.csv', text)).toEqual([])
  })

  it('does not flag a terminology table', () => {
    const text =
      'code,description\nE11.9,Type 2 diabetes mellitus\nI10,Essential hypertension\n'
    expect(scan('terminology/icd10.csv', text)).toEqual([])
  })
})

describe('SQL record rule', () => {
  it('reads INSERT tuples by their column list', () => {
    const [given, family] = realName(8)
    const text = `INSERT INTO patients (first_name, last_name, dob, ssn)\nVALUES ('${given}', '${family}', DATE '1960-02-03', '${realSsn(8)}'),\n('Jane', 'Doe', '1970', '900-00-0001');\n`
    const findings = scan('db/seed.sql', text)
    expect(findings.map(f => [f.severity, f.line])).toEqual([
      ['error', 2],
      ['note', 3]
    ])
  })

  it('does not flag a schema', () => {
    expect(
      scan(
        'db/schema.sql',
        'CREATE TABLE patients (first_name TEXT, dob DATE, ssn CHAR(11));'
      )
    ).toEqual([])
  })
})

describe('JSON and YAML fixture rules', () => {
  it('reads objects by key names, including nested names and addresses', () => {
    const [given, family] = realName(9)
    const fixture = {
      patients: [
        {
          name: { first: given, last: family },
          dob: '03/14/1962',
          address: { street: '12 Birch Ln', zip: '45402' }
        }
      ]
    }
    const json = blocking(
      scan('test/fixtures/p.json', JSON.stringify(fixture, null, 2))
    )
    expect(json.map(f => f.ruleId)).toEqual(['phi-record-json'])
    expect(json[0]!.properties?.identifiers).toEqual([
      'name',
      'birth date',
      'street address',
      'ZIP code'
    ])
    const yaml = blocking(scan('seeds/p.yml', stringify(fixture)))
    expect(yaml.map(f => f.ruleId)).toEqual(['phi-record-yaml'])
  })

  it('reports each object of a JSON list at its own lines, with escaped and repeated keys', () => {
    const [given1, family1] = realName(21)
    const [given2, family2] = realName(22)
    const text = [
      '{',
      '  "patients": [',
      '    {',
      `      "firstName": "${given1}",`,
      `      "lastName": "${family1}",`,
      // `dob` spelled with an escape: the key is read as JSON defines it.
      '      "d\\u006fb": "03/14/1962"',
      '    },',
      '    {',
      '      "lastName": "[PERSON_2]",',
      `      "lastName": "${family2}",`,
      `      "firstName": "${given2}",`,
      `      "phone": "${realPhone(22)}"`,
      '    }',
      '  ]',
      '}'
    ].join('\n')
    const findings = blocking(scan('test/fixtures/patients.json', text))
    expect(findings.map(f => [f.ruleId, f.line, f.endLine])).toEqual([
      ['phi-record-json', 3, 7],
      ['phi-record-json', 8, 13]
    ])
    expect(findings[0]!.properties?.identifiers).toEqual(['name', 'birth date'])
    expect(findings[1]!.properties?.identifiers).toEqual([
      'name',
      'phone number'
    ])
  })

  it('reads JSON Lines record by record, and a file cut short mid-record', () => {
    const record = (seed: number) => {
      const [given, family] = realName(30 + seed)
      return JSON.stringify({ patientName: `${given} ${family}`, mrn: 'X' })
    }
    // CRLF line ends and a no-break space before a line: both are space
    // around the object, as String.prototype.trim sees it. An object
    // after other text on its line is not one of the file's records.
    const lines = [
      `// ${record(4)}`,
      record(1),
      `\u00a0\t${record(2)}`,
      record(3)
    ]
    const whole = lines.join('\r\n')
    const cut = whole.slice(0, whole.length - 9)
    for (const text of [whole, cut]) {
      const findings = scan('test/fixtures/patients.jsonl', text)
      expect(findings.map(f => [f.ruleId, f.line])).toEqual(
        (text === whole ? [2, 3, 4] : [2, 3]).map(line => [
          'phi-record-json',
          line
        ])
      )
    }
  })

  it('finds a formatted SSN in a value whose key names no identifier', () => {
    const fixture = {
      patients: [{ id: 7, remarks: `verified, ssn ${realSsn(32)} on file` }]
    }
    const findings = blocking(
      scan('test/fixtures/p.json', JSON.stringify(fixture, null, 2))
    )
    expect(findings.map(f => [f.ruleId, f.line])).toEqual([
      ['phi-record-json', 3]
    ])
    expect(findings[0]!.properties?.identifiers).toEqual(['SSN'])
  })

  it('reports an SSN in a pretty-printed JSON file cut short', () => {
    const text = JSON.stringify(
      { patient: { ssn: realSsn(31), notes: 'x'.repeat(40) } },
      null,
      2
    ).slice(0, -20)
    const findings = blocking(scan('test/fixtures/patient.json', text))
    expect(findings.map(f => [f.ruleId, f.line])).toEqual([
      ['phi-record-json', 3]
    ])
    expect(findings[0]!.properties?.identifiers).toEqual(['SSN'])
  })

  it('does not flag a package manifest author or a JSON Schema for patients', () => {
    const [given, family] = realName(10)
    const manifest = {
      name: 'lib',
      author: {
        name: `${given} ${family}`,
        email: 'dev@acme.io',
        url: 'https://acme.io'
      }
    }
    expect(scan('package.json', JSON.stringify(manifest))).toEqual([])
    const schema = {
      type: 'object',
      properties: {
        ssn: { type: 'string', pattern: '^\\d{3}-\\d{2}-\\d{4}$' },
        dob: { type: 'string', format: 'date' },
        lastName: { type: 'string', description: 'Family name' },
        phone: { type: 'string', pattern: '^\\d{10}$' }
      }
    }
    expect(scan('schemas/patient.json', JSON.stringify(schema))).toEqual([])
  })

  it('flags an MBI in a member fixture, and says the record is de-identified when it is', () => {
    const real = scan(
      'f/member.json',
      JSON.stringify({ member: { mbi: realMbi(11), phone: realPhone(11) } })
    )
    expect(blocking(real)).toHaveLength(1)
    const deid = scan(
      'f/member.json',
      JSON.stringify({
        patient: {
          name: '[PERSON_1]',
          ssn: 'XXX-XX-1234',
          dob: '1962',
          zip: '454'
        }
      })
    )
    expect(blocking(deid)).toEqual([])
    expect(deid[0]!.message).toContain('de-identified')
  })
})

describe('DICOM record rule', () => {
  it('reads patient elements in explicit and implicit VR, past sequences', () => {
    let explicitSeen = false
    for (let seed = 1; seed <= 12; seed++) {
      const r = new Random(seed)
      const who = person(r, 'realistic')
      const bytes = dicomFile(who, ['name', 'MRN', 'birth date'], r)
      explicitSeen ||= Buffer.from(bytes).includes('1.2.840.10008.1.2.1')
      const findings = scan('images/ct.dcm', '', { bytes })
      expect(blocking(findings).map(f => f.ruleId)).toEqual([
        'phi-record-dicom'
      ])
      expect(JSON.stringify(findings)).not.toContain(who.family)
    }
    expect(explicitSeen).toBe(true)
  })

  it('keeps a binary file in a diff, where it has no changed lines', () => {
    const r = new Random(5)
    const bytes = dicomFile(person(r, 'realistic'), ['name', 'MRN'], r)
    const findings = scan('images/new.dcm', '', { bytes, changed: [] })
    expect(blocking(findings).map(f => f.ruleId)).toEqual(['phi-record-dicom'])
  })

  it('passes a file whose Patient Identity Removed is YES', () => {
    const r = new Random(3)
    const bytes = dicomFile(
      person(r, 'deidentified'),
      ['name', 'MRN', 'birth date'],
      r
    )
    const findings = scan('images/anon.dcm', '', { bytes })
    expect(blocking(findings)).toEqual([])
  })

  it('survives truncated files', () => {
    const r = new Random(4)
    const bytes = dicomFile(person(r, 'realistic'), ['name', 'MRN'], r)
    for (let cut = 120; cut < bytes.length; cut += 7) {
      expect(() =>
        scan('images/cut.dcm', '', { bytes: bytes.subarray(0, cut) })
      ).not.toThrow()
    }
  })
})

describe('hostile input', () => {
  it('reads JSON nested too deeply to parse as text, without throwing', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    expect(() => scan('f/deep.json', deep)).not.toThrow()
  })

  it('does not expand YAML aliases', () => {
    const bomb = [
      'a: &a ["x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: [*c,*c,*c,*c,*c,*c,*c,*c]',
      'patient_name: x'
    ].join('\n')
    expect(scan('f/bomb.yml', bomb)).toEqual([])
  })
})
