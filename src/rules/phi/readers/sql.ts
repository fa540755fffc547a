/**
 * SQL INSERT statements read by their column lists: each tuple of VALUES
 * is a record whose fields are the values under columns that announce
 * identifiers. The table name lends patient context (`patients`).
 */
import type { PatientRecord, RecordField } from '../record.js'
import { hasPatientContext, kindOfKey } from '../fields.js'
import { tokenFields } from './tokens.js'

const INSERT =
  /\binsert\s{1,8}(?:ignore\s{1,8})?into\s{1,8}([\w."`[\]]{1,128})\s{0,8}\(([^()]{1,4000})\)\s{0,8}values\s{0,8}/gi

/** Whether text holds an INSERT with a column list. */
export function looksLikeSqlInsert(text: string): boolean {
  INSERT.lastIndex = 0
  return INSERT.test(text)
}

/** Reads the tuples of every INSERT … (columns) VALUES … in `text`. */
export function* readSql(text: string, path: string): Iterable<PatientRecord> {
  INSERT.lastIndex = 0
  for (const m of text.matchAll(INSERT)) {
    const table = m[1]!
    const columns = m[2]!
      .split(',')
      .map(c => c.trim().replace(/^["`[]|["`\]]$/g, ''))
    const kinds = columns.map(c => kindOfKey(c))
    const context = hasPatientContext(path, [
      table.replace(/^.*\./, '').replace(/["`[\]]/g, ''),
      ...columns
    ])
    for (const tuple of tuples(text, m.index + m[0].length)) {
      const fields: RecordField[] = []
      tuple.values.forEach((value, i) => {
        const kind = kinds[i]
        if (value === undefined) return
        if (kind) fields.push({ kind, value })
        else fields.push(...tokenFields(value))
      })
      if (fields.length > 0) {
        yield {
          start: tuple.start,
          end: tuple.end,
          fields,
          patientContext: context
        }
      }
    }
  }
}

interface Tuple {
  readonly values: (string | undefined)[]
  readonly start: number
  readonly end: number
}

/**
 * The tuples after VALUES, up to the statement's end. A value is its first
 * string literal (so `DATE '1960-01-02'` reads as the date), else its bare
 * text; NULL is no value.
 */
function* tuples(text: string, from: number): Iterable<Tuple> {
  let i = from
  while (i < text.length) {
    while (i < text.length && /[\s,]/.test(text[i]!)) i++
    if (text[i] !== '(') return
    const start = i
    const values: (string | undefined)[] = []
    let depth = 0
    let bare = ''
    let literal: string | undefined
    for (; i < text.length; i++) {
      const c = text[i]!
      if (c === "'") {
        let s = ''
        for (i++; i < text.length; i++) {
          if (text[i] === "'") {
            if (text[i + 1] === "'") {
              s += "'"
              i++
            } else break
          } else s += text[i]
        }
        literal ??= s
        continue
      }
      if (c === '(') {
        depth++
        if (depth === 1) continue
      } else if (c === ')') {
        depth--
        if (depth === 0) break
      }
      if (c === ',' && depth === 1) {
        values.push(valueOf(literal, bare))
        literal = undefined
        bare = ''
        continue
      }
      bare += c
    }
    values.push(valueOf(literal, bare))
    i++
    yield { values, start, end: i }
  }
}

function valueOf(
  literal: string | undefined,
  bare: string
): string | undefined {
  if (literal !== undefined) return literal
  const v = bare.trim()
  return v === '' || /^null$/i.test(v) ? undefined : v
}
