/**
 * CSV and TSV files read by their header: each row is a record whose
 * fields are the cells under headers that announce identifiers. The
 * delimiter is whichever of comma, tab, semicolon or pipe the header uses
 * most; quoted cells may hold delimiters, quotes and line breaks.
 */
import type { IdentifierKind } from '../identifiers.js'
import type { PatientRecord, RecordField } from '../record.js'
import { hasPatientContext, kindOfKey } from '../fields.js'
import { tokenFields } from './tokens.js'

const DELIMITERS = [',', '\t', ';', '|'] as const

/** A parsed row: its cells and the offsets it spans. */
interface Row {
  readonly cells: string[]
  readonly start: number
  readonly end: number
}

/** Picks the delimiter the header line uses most. */
export function detectDelimiter(header: string): string {
  let best: string = ','
  let count = 0
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1
    if (n > count) {
      best = d
      count = n
    }
  }
  return best
}

/** Splits delimited text into rows, honouring RFC 4180 quoting. */
export function* parseRows(text: string, delimiter: string): Iterable<Row> {
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let rowStart = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else cell += c
      continue
    }
    if (c === '"' && cell.length === 0) quoted = true
    else if (c === delimiter) {
      cells.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      cells.push(cell)
      yield { cells, start: rowStart, end: i }
      if (c === '\r' && text[i + 1] === '\n') i++
      cells = []
      cell = ''
      rowStart = i + 1
    } else cell += c
  }
  if (cell.length > 0 || cells.length > 0) {
    cells.push(cell)
    yield { cells, start: rowStart, end: text.length }
  }
}

/** Reads the rows of a CSV or TSV file as records; `path` lends context. */
export function* readDelimited(
  text: string,
  path: string,
  tab = false
): Iterable<PatientRecord> {
  const firstLine = /^[^\r\n]{0,10000}/.exec(text)?.[0] ?? ''
  const delimiter = tab ? '\t' : detectDelimiter(firstLine)
  let header: (IdentifierKind | undefined)[] | undefined
  let context = false
  for (const row of parseRows(text, delimiter)) {
    if (row.cells.length === 1 && row.cells[0]!.trim() === '') continue
    if (!header) {
      if (row.cells[0]?.startsWith('#')) continue
      header = row.cells.map(h => kindOfKey(h.trim()))
      context = hasPatientContext(path, row.cells)
      continue
    }
    const fields: RecordField[] = []
    row.cells.forEach((cell, i) => {
      const kind = header![i]
      if (kind) fields.push({ kind, value: cell })
      else fields.push(...tokenFields(cell))
    })
    if (fields.length > 0) {
      yield { start: row.start, end: row.end, fields, patientContext: context }
    }
  }
}
