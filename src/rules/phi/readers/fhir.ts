/**
 * FHIR R4 resources in JSON or NDJSON: Patient, RelatedPerson, Person and
 * Coverage, alone, contained, or as Bundle entries. Each resource is one
 * record; what it holds is read from the elements FHIR defines for it.
 */
import { lookup, type IdentifierKind } from '../identifiers.js'
import type { PatientRecord, RecordField } from '../record.js'
import {
  child,
  fromJson,
  items,
  parseTree,
  scalars,
  text,
  type TreeNode
} from './tree.js'
import { tokenFields } from './tokens.js'

const PERSON_TYPES = new Set(['Patient', 'RelatedPerson', 'Person'])

// identifier.type codes (HL7 v2 table 0203, used by FHIR) to kinds.
const TYPE_CODES: Readonly<Record<string, IdentifierKind>> = {
  MR: 'MRN',
  PI: 'MRN',
  PT: 'MRN',
  SS: 'SSN',
  SB: 'health plan number',
  MB: 'health plan number',
  MC: 'health plan number',
  MA: 'health plan number',
  AN: 'account number',
  DL: 'licence number',
  PPN: 'licence number',
  NPI: 'NPI'
}

/** Whether text looks like FHIR JSON or NDJSON. */
export function looksLikeFhir(sample: string): boolean {
  if (!sample.includes('"resourceType"')) return false
  return /"resourceType"\s{0,4}:\s{0,4}"[A-Z]/.test(sample)
}

/** Reads the person and coverage resources of a FHIR document. */
export function* readFhir(source: string): Iterable<PatientRecord> {
  const tree = parseTree(source)
  if (tree) {
    yield* resources(tree, 0)
    return
  }
  // NDJSON: one resource per line.
  let at = 0
  for (const line of source.split('\n')) {
    const start = at
    at += line.length + 1
    const trimmed = line.trim()
    if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      continue
    }
    const node = fromJson(value, start, start + line.length)
    if (node) yield* resources(node, 0)
  }
}

function* resources(node: TreeNode, depth: number): Iterable<PatientRecord> {
  if (depth > 12) return
  if (node.type === 'seq') {
    for (const item of node.items) yield* resources(item, depth + 1)
    return
  }
  if (node.type !== 'map') return
  const type = text(node, 'resourceType')
  if (PERSON_TYPES.has(type) || type === 'Coverage') {
    const record = readResource(node, type)
    if (record) yield record
  }
  // Bundle entries, contained resources, and anything else nested.
  for (const [key, value] of node.entries) {
    if (key === 'entry' || key === 'resource' || key === 'contained') {
      yield* resources(value, depth + 1)
    } else if (value.type === 'seq' && key === 'item') {
      yield* resources(value, depth + 1)
    }
  }
}

function readResource(node: TreeNode, type: string): PatientRecord | undefined {
  const fields: RecordField[] = []
  const signals: string[] = []
  const push = (kind: IdentifierKind, value: string) => {
    if (value) fields.push({ kind, value })
  }

  for (const id of items(child(node, 'identifier'))) {
    const system = text(id, 'system')
    if (/synthea|synthetichealth/i.test(system)) {
      signals.push('Synthea identifier system')
    }
    push(identifierKind(id, system, type), text(id, 'value'))
  }
  if (type === 'Coverage') {
    push('health plan number', text(node, 'subscriberId'))
  } else {
    readPerson(node, push)
    for (const contact of items(child(node, 'contact'))) {
      readPerson(contact, push)
    }
    const narrative = child(child(node, 'text') ?? node, 'div')
    if (narrative?.type === 'scalar')
      fields.push(...tokenFields(narrative.value))
  }
  for (const value of signals.length > 0 ? [] : scalars(node)) {
    if (/synthetichealth|synthea/i.test(value)) {
      signals.push('Synthea extension or system')
      break
    }
  }
  if (fields.length === 0) return undefined
  return {
    start: node.start,
    end: node.end,
    fields,
    patientContext: type !== 'Coverage',
    ...(signals.length > 0 ? { syntheticSignals: [...new Set(signals)] } : {})
  }
}

function identifierKind(
  id: TreeNode,
  system: string,
  type: string
): IdentifierKind {
  if (/us-ssn|\/ssn\b|2\.16\.840\.1\.113883\.4\.1$/i.test(system)) return 'SSN'
  if (/us-mbi|medicare/i.test(system)) return 'MBI'
  if (/us-npi|2\.16\.840\.1\.113883\.4\.6$/i.test(system)) return 'NPI'
  if (/driver|licen[cs]e/i.test(system)) return 'licence number'
  for (const coding of items(child(child(id, 'type') ?? id, 'coding'))) {
    const kind = lookup(TYPE_CODES, text(coding, 'code').toUpperCase())
    if (kind) return kind
  }
  return type === 'Coverage' ? 'health plan number' : 'MRN'
}

function readPerson(
  node: TreeNode,
  push: (kind: IdentifierKind, value: string) => void
): void {
  for (const name of items(child(node, 'name'))) {
    if (name.type === 'scalar') {
      push('name', name.value)
      continue
    }
    const given = [...items(child(name, 'given'))]
      .map(g => (g.type === 'scalar' ? g.value : ''))
      .join(' ')
    const full = [given, text(name, 'family')].filter(Boolean).join(' ')
    push('name', full || text(name, 'text'))
  }
  for (const telecom of items(child(node, 'telecom'))) {
    const system = text(telecom, 'system')
    const kind: IdentifierKind =
      system === 'email'
        ? 'email address'
        : system === 'fax'
          ? 'fax number'
          : system === 'url'
            ? 'URL'
            : 'phone number'
    push(kind, text(telecom, 'value'))
  }
  push('birth date', text(node, 'birthDate'))
  push('death date', text(node, 'deceasedDateTime'))
  for (const address of items(child(node, 'address'))) {
    for (const line of items(child(address, 'line'))) {
      if (line.type === 'scalar') push('street address', line.value)
    }
    push('city', text(address, 'city'))
    push('ZIP code', text(address, 'postalCode'))
  }
}
