/**
 * Ordinary code and data that resemble identifiers without being any:
 * epoch timestamps, ids, versions, changelog dates, ICD-10 and CPT tables,
 * schemas and regexes that describe SSNs, package manifests with authors,
 * provider directories, and tests that build synthetic patients. None of
 * it may be blocked.
 */
import type { Random } from './random.js'

export interface OrdinaryFile {
  readonly path: string
  readonly text: string
  readonly what: string
}

const ICD10: readonly [string, string][] = [
  ['E11.9', 'Type 2 diabetes mellitus without complications'],
  ['I10', 'Essential (primary) hypertension'],
  ['J45.909', 'Unspecified asthma, uncomplicated'],
  ['M54.5', 'Low back pain'],
  ['Z00.00', 'Encounter for general adult medical examination'],
  ['F32.9', 'Major depressive disorder, single episode, unspecified'],
  ['N18.3', 'Chronic kidney disease, stage 3']
]
const CPT: readonly [string, string][] = [
  ['99213', 'Office or other outpatient visit, established patient'],
  ['99214', 'Office visit, established patient, moderate complexity'],
  ['80053', 'Comprehensive metabolic panel'],
  ['93000', 'Electrocardiogram, routine, with interpretation'],
  ['36415', 'Collection of venous blood by venipuncture']
]

/** One ordinary file of each kind, varied by the seed. */
export function ordinaryFiles(r: Random, n: number): OrdinaryFile[] {
  const epoch = () => String(r.int(1500000000, 1800000000))
  const version = () => `${r.int(0, 9)}.${r.int(0, 40)}.${r.int(0, 99)}`
  const date = () =>
    `20${r.int(15, 25)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
  const id = () => r.digits(r.int(9, 12), '123456789')
  const files: OrdinaryFile[] = [
    {
      what: 'timestamps and ids',
      path: `src/jobs/scheduler_${n}.ts`,
      text: `export const CREATED_AT = ${epoch()}\nexport const EXPIRES_MS = ${epoch()}000\nconst orderId = ${id()}\nconst traceId = '${r.letters(16, '0123456789abcdef')}'\nconst phoneLikeId = ${r.digits(10, '23456789')}\nexport function due(now: number) {\n  return now - CREATED_AT > ${r.int(1000, 99999)}\n}\n`
    },
    {
      what: 'changelog dates and versions',
      path: `CHANGELOG_${n}.md`,
      text: `# Changelog\n\n## [${version()}] - ${date()}\n\n- Fixed patient search paging (#${r.int(10, 999)})\n- Added DOB validation to the intake form\n\n## [${version()}] - ${date()}\n\n- Released ${date()}; build ${id()}\n`
    },
    {
      what: 'ICD-10 terminology table',
      path: `data/terminology/icd10_${n}.csv`,
      text:
        'code,description,valid_from\n' +
        r
          .sample(ICD10, 5)
          .map(([c, d]) => `${c},"${d}",${date()}`)
          .join('\n') +
        '\n'
    },
    {
      what: 'CPT terminology table',
      path: `data/terminology/cpt_${n}.tsv`,
      text:
        'cpt_code\tshort_description\tfee\n' +
        r
          .sample(CPT, 4)
          .map(([c, d]) => `${c}\t${d}\t${r.int(20, 400)}.00`)
          .join('\n') +
        '\n'
    },
    {
      what: 'JSON Schema for a patient',
      path: `schemas/patient_${n}.schema.json`,
      text: JSON.stringify(
        {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          title: 'Patient',
          type: 'object',
          properties: {
            firstName: { type: 'string', maxLength: 64 },
            lastName: { type: 'string' },
            dob: { type: 'string', format: 'date' },
            ssn: {
              type: 'string',
              pattern: '^\\d{3}-\\d{2}-\\d{4}$',
              examples: ['XXX-XX-1234']
            },
            mrn: { type: 'string', description: 'Medical record number' },
            phone: { type: 'string', pattern: '^\\+?1?\\d{10}$' }
          },
          required: ['lastName', 'dob']
        },
        null,
        2
      )
    },
    {
      what: 'regexes that describe SSNs',
      path: `src/validation/ssn_${n}.ts`,
      text: '// Social security numbers: NNN-NN-NNNN, area not 000/666/9xx.\nexport const SSN_PATTERN = /^(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}$/\nexport const MRN_PATTERN = /^[A-Z]\\d{7}$/\nexport function isSsn(patientSsn: string): boolean {\n  return SSN_PATTERN.test(patientSsn)\n}\n// dob: YYYY-MM-DD\nexport const DOB = /^\\d{4}-\\d{2}-\\d{2}$/\n'
    },
    {
      what: 'package manifest with an author',
      path: `packages/lib${n}/package.json`,
      text: JSON.stringify(
        {
          name: `@acme/lib${n}`,
          version: version(),
          author: {
            name: `${r.pick(['Marta', 'Jamal', 'Aiko'])} ${r.pick(['Kowalski', 'Okafor', 'Nakamura'])}`,
            email: `dev${n}@acme-health.io`,
            url: 'https://acme-health.io'
          },
          license: 'MIT'
        },
        null,
        2
      )
    },
    {
      what: 'provider directory',
      path: `data/providers_${n}.csv`,
      text:
        'provider_name,npi,specialty,office_phone\n' +
        `Dr. ${r.pick(['Ana Ruiz', 'Ken Ito', 'Lee Park'])},${npi(r)},Cardiology,${r.digits(3, '23456789')}-${r.digits(3, '23456789')}-${r.digits(4)}\n`
    },
    {
      what: 'test that builds synthetic patients',
      path: `__tests__/factories/patient_${n}.test.ts`,
      text:
        "import { faker } from '@faker-js/faker'\n\nexport function buildPatient(seed: number) {\n  faker.seed(seed)\n  return {\n    firstName: faker.person.firstName(),\n    lastName: faker.person.lastName(),\n    dob: faker.date.birthdate().toISOString().slice(0, 10),\n    ssn: `999-${faker.string.numeric(2)}-${faker.string.numeric(4)}`,\n    phone: `555-01${faker.string.numeric(2)}`,\n    email: faker.internet.email({ provider: 'example.com' })\n  }\n}\n\nit('builds a patient with a DOB', () => {\n  const patient = buildPatient(" +
        r.int(1, 99) +
        ')\n  expect(patient.dob).toMatch(/\\d{4}/)\n})\n'
    },
    {
      what: 'SQL schema for patients',
      path: `db/migrations/${r.int(100, 999)}_patients_${n}.sql`,
      text: 'CREATE TABLE patients (\n  id BIGSERIAL PRIMARY KEY,\n  first_name TEXT NOT NULL,\n  last_name TEXT NOT NULL,\n  dob DATE,\n  ssn CHAR(11),\n  mrn VARCHAR(20) UNIQUE\n);\nCREATE INDEX patients_dob_idx ON patients (dob);\n'
    },
    {
      what: 'application log without patients',
      path: `logs/app_${n}.log`,
      text: `${date()}T10:0${r.int(0, 9)}:00Z INFO request id=${id()} path=/api/patients/search status=200 ms=${r.int(3, 900)}\n${date()}T10:0${r.int(0, 9)}:01Z WARN patient lookup slow query_ms=${r.int(900, 5000)} build=${version()}\n`
    },
    {
      what: 'HL7 interface documentation',
      path: `docs/hl7_mapping_${n}.md`,
      text: '# PID mapping\n\n| Field | Name | Notes |\n|---|---|---|\n| PID-3 | Patient identifier list | MRN with type MR |\n| PID-5 | Patient name | family^given |\n| PID-7 | Date of birth | YYYYMMDD |\n| PID-19 | SSN | rarely sent |\n'
    },
    {
      what: 'YAML CI workflow',
      path: `.github/workflows/ci_${n}.yml`,
      text: `name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${r.int(5, 60)}\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test -- --patient-fixtures=synthetic\n`
    }
  ]
  return files
}

/** A valid NPI (providers' numbers are public, not patient data). */
function npi(r: Random): string {
  for (;;) {
    const body = '1' + r.digits(8)
    for (let c = 0; c <= 9; c++) {
      const full = '80840' + body + c
      let sum = 0
      for (let i = 0; i < full.length; i++) {
        let d = Number(full[full.length - 1 - i])
        if (i % 2 === 1) {
          d *= 2
          if (d > 9) d -= 9
        }
        sum += d
      }
      if (sum % 10 === 0) return body + c
    }
  }
}
