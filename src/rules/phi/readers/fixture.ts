/**
 * JSON and YAML fixtures read by their keys: an object whose keys announce
 * identifiers (`dob`, `ssn`, `lastName`) is a record. A list of objects is
 * a list of records; an object nested under a key (`address`, `name`)
 * belongs to the record around it.
 */
import type { IdentifierKind } from '../identifiers.js'
import type { PatientRecord, RecordField } from '../record.js'
import {
  foldKey,
  hasPatientContext,
  isPatientContext,
  kindOfKey
} from '../fields.js'
import { tokenFields } from './tokens.js'
import type { TreeNode } from './tree.js'

// Kinds whose nested keys (`name.first`, `phone.home`) inherit the kind.
const INHERITED = new Set<IdentifierKind>([
  'name',
  'phone number',
  'email address',
  'street address'
])

// Keys of the parts of a nested name, phone or address, which inherit the
// parent's kind. Others (`type`, `format` in a schema) do not.
const PART =
  /^(?:first|last|middle|given|family|full|prefix|suffix|home|work|mobile|cell|primary|personal|value|text|number|line\d?|street\d?)$/

// A cheap test that a file can hold a record at all, before parsing it.
const KEY_HINT =
  /(?:ssn|dob|birth|mrn|medical.?record|patient|member|subscriber|policy|chart|mbi|medicare|insur|first.?name|last.?name|given|family|surname|diagnos|phone|e.?mail|address|street|zip|postal|account|licen[cs]e|\d{3}-\d{2}-\d{4})/i

// Outside patient context only a key of a health kind (or a context word,
// or an SSN) can make a record count; author names and emails in
// manifests cannot. Checked first, because most JSON is manifests.
// The word must start a key or a word in it (`patient_dob`, `memberId`),
// so `CSSNamespaceRule` is no SSN.
const HEALTH_KEY_HINT =
  /(?:^|[^A-Za-z])(?:ssn|dob|birth|mrn|medical|patient|(?:member|subscriber)(?:[_-]?(?:id|number|no|name|dob|ssn|info)|s?(?=["']))|policy.?n|chart.?n|record.?n|mbi|medicare|hicn|insur|admission|admit|discharg|death|decease|card.?n|credit.?card|diagnos|beneficiar|guarantor|enrollee|nextofkin|claimant|clinical|encounter|itin|taxpayer)[\w-]{0,30}["']?\s{0,4}:|\d{3}-\d{2}-\d{4}/i
const CAMEL_KEY_HINT =
  /[a-z](?:Ssn|Dob|BirthDate|Birthday|Mrn|Patient|Subscriber|Medicare|Hicn|Insured|Insurance|Admission|AdmitDate|Discharge|Diagnos|Beneficiar|Guarantor|Enrollee|NextOfKin|Claimant|MemberId|PolicyNumber|ChartNumber|CardNumber|Itin|Taxpayer)[\w-]{0,30}["']?\s{0,4}:/

/** Whether a JSON or YAML file is worth parsing for records. */
export function mayHoldRecords(text: string, path = ''): boolean {
  if (isPatientContext(foldKey(path))) return KEY_HINT.test(text)
  return HEALTH_KEY_HINT.test(text) || CAMEL_KEY_HINT.test(text)
}

interface Collected {
  fields: RecordField[]
  keys: string[]
}

/** Reads the records of a parsed fixture; `path` lends context. */
export function* readFixture(
  tree: TreeNode,
  path: string
): Iterable<PatientRecord> {
  yield* walk(tree, [], path, 0)
}

function* walk(
  node: TreeNode,
  trail: readonly string[],
  path: string,
  depth: number
): Iterable<PatientRecord> {
  if (depth > 40) return
  if (node.type === 'seq') {
    for (const item of node.items) yield* walk(item, trail, path, depth + 1)
    return
  }
  if (node.type !== 'map') return

  const found: Collected = { fields: [], keys: [] }
  const lists: [string, TreeNode][] = []
  collect(node, undefined, found, lists, 0)
  if (found.fields.length > 0) {
    const context = hasPatientContext(path, [...trail, ...found.keys])
    yield {
      start: node.start,
      end: node.end,
      fields: found.fields,
      patientContext: context
    }
  }
  for (const [key, list] of lists) {
    yield* walk(list, [...trail, key], path, depth + 1)
  }
}

/**
 * Gathers the fields of one record: scalars under mapped keys, nested maps
 * inline; lists of maps are records of their own and are returned.
 */
function collect(
  node: TreeNode,
  inherited: IdentifierKind | undefined,
  out: Collected,
  lists: [string, TreeNode][],
  depth: number
): void {
  if (node.type !== 'map' || depth > 8) return
  for (const [key, value] of node.entries) {
    const kind =
      kindOfKey(key) ??
      (inherited && PART.test(foldKey(key)) ? inherited : undefined)
    out.keys.push(key)
    if (value.type === 'scalar') {
      if (kind) out.fields.push({ kind, value: value.value })
      else out.fields.push(...tokenFields(value.value))
    } else if (value.type === 'map') {
      const pass = kind && INHERITED.has(kind) ? kind : undefined
      collect(value, pass, out, lists, depth + 1)
    } else if (value.items.some(i => i.type === 'map')) {
      lists.push([key, value])
    } else {
      for (const item of value.items) {
        if (item.type === 'scalar' && kind) {
          out.fields.push({ kind, value: item.value })
        }
      }
    }
  }
}
