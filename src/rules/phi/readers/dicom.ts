/**
 * The small part of the DICOM file format (PS3.10) needed to read who an
 * image is of: the 128-byte preamble, the `DICM` marker, the file meta
 * group (always explicit VR little endian), then data elements in explicit
 * or implicit VR little endian up to the patient group 0010 and the
 * de-identification flags of group 0012. Pixel data is never reached.
 * Input is untrusted: every length is checked against the buffer.
 */
import type { IdentifierKind } from '../identifiers.js'

/** Whether bytes start like a DICOM Part 10 file. */
export function isDicom(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 132 &&
    bytes[128] === 0x44 &&
    bytes[129] === 0x49 &&
    bytes[130] === 0x43 &&
    bytes[131] === 0x4d
  )
}

/** What the patient module of a DICOM file says. */
export interface DicomPatient {
  readonly fields: readonly { kind: IdentifierKind; value: string }[]
  /** (0012,0062) Patient Identity Removed is YES. */
  readonly identityRemoved: boolean
  /** (0012,0063) De-identification Method, when given. */
  readonly method?: string
}

// Patient elements (group 0010) and the kinds they hold.
const PATIENT_TAGS: ReadonlyMap<number, IdentifierKind> = new Map([
  [0x00100010, 'name'],
  [0x00100020, 'MRN'],
  [0x00100030, 'birth date'],
  [0x00101000, 'MRN'],
  [0x00101001, 'name'],
  [0x00101005, 'name'],
  [0x00101040, 'street address'],
  [0x00101060, 'name'],
  [0x00102154, 'phone number'],
  [0x00101010, 'age over 89']
])

// VRs whose explicit encoding has two reserved bytes and a 32-bit length.
const LONG_VRS = new Set([
  'OB',
  'OD',
  'OF',
  'OL',
  'OV',
  'OW',
  'SQ',
  'SV',
  'UC',
  'UN',
  'UR',
  'UT',
  'UV'
])

const UNDEFINED = 0xffffffff
const IMPLICIT_LE = '1.2.840.10008.1.2'
const MAX_ELEMENTS = 10_000

class Reader {
  offset: number
  private readonly view: DataView
  constructor(
    readonly bytes: Uint8Array,
    offset: number
  ) {
    this.offset = offset
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  has(n: number): boolean {
    return this.offset + n <= this.bytes.length
  }
  peekGroup(): number {
    return this.view.getUint16(this.offset, true)
  }
  u16(): number {
    const v = this.view.getUint16(this.offset, true)
    this.offset += 2
    return v
  }
  u32(): number {
    const v = this.view.getUint32(this.offset, true)
    this.offset += 4
    return v
  }
  /** `n` bytes as text: UTF-8 when the data set declares ISO_IR 192. */
  text(n: number, utf8: boolean): string {
    const end = Math.min(this.bytes.length, this.offset + n)
    const slice = this.bytes.subarray(this.offset, end)
    this.offset = end
    return new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(slice)
  }
  ascii(n: number): string {
    let s = ''
    const end = Math.min(this.bytes.length, this.offset + n)
    for (let i = this.offset; i < end; i++)
      s += String.fromCharCode(this.bytes[i]!)
    this.offset = end
    return s
  }
}

interface Element {
  readonly tag: number
  readonly length: number
  readonly valueAt: number
}

function readElement(r: Reader, explicit: boolean): Element | undefined {
  if (!r.has(8)) return undefined
  const group = r.u16()
  const element = r.u16()
  const tag = ((group << 16) | element) >>> 0
  let length: number
  // Item and delimiter tags carry no VR in either encoding.
  if (!explicit || group === 0xfffe) {
    length = r.u32()
  } else {
    const vr = r.ascii(2)
    if (LONG_VRS.has(vr)) {
      if (!r.has(6)) return undefined
      r.offset += 2
      length = r.u32()
    } else {
      length = r.u16()
    }
  }
  return { tag, length, valueAt: r.offset }
}

/** Skips a value of undefined length (a sequence or an item) safely. */
function skipUndefined(r: Reader, explicit: boolean, depth: number): boolean {
  if (depth > 16) return false
  for (let n = 0; n < MAX_ELEMENTS; n++) {
    const el = readElement(r, explicit)
    if (!el) return false
    // Sequence and item delimiters end what we are skipping.
    if (el.tag === 0xfffee0dd || el.tag === 0xfffee00d) return true
    if (el.length === UNDEFINED) {
      if (!skipUndefined(r, explicit, depth + 1)) return false
    } else if (el.tag !== 0xfffee000) {
      if (!r.has(el.length)) return false
      r.offset += el.length
    } else {
      if (!r.has(el.length)) return false
      r.offset += el.length
    }
  }
  return false
}

/** Reads the patient elements of a DICOM file, or undefined if it is not. */
export function readDicom(bytes: Uint8Array): DicomPatient | undefined {
  if (!isDicom(bytes)) return undefined
  const r = new Reader(bytes, 132)
  let explicit = true
  const fields: { kind: IdentifierKind; value: string }[] = []
  let identityRemoved = false
  let utf8 = false
  let method: string | undefined

  for (let n = 0; n < MAX_ELEMENTS; n++) {
    // The meta group is explicit; the data set follows its transfer syntax.
    if (!r.has(2)) break
    const inMeta = r.peekGroup() === 0x0002
    const el = readElement(r, inMeta ? true : explicit)
    if (!el) break
    const group = el.tag >>> 16
    if (group > 0x0012 && group !== 0xfffe) break
    if (el.length === UNDEFINED) {
      if (!skipUndefined(r, inMeta ? true : explicit, 0)) break
      continue
    }
    if (!r.has(el.length)) break
    // Patient elements are short; a huge one is read only in part.
    const value = () => {
      const v = r.text(Math.min(el.length, 256), utf8)
      r.offset = el.valueAt + el.length
      return v.replace(/[\0 ]{1,64}$/, '').trim()
    }

    if (el.tag === 0x00020010) {
      explicit = value() !== IMPLICIT_LE
    } else if (el.tag === 0x00080005) {
      // Specific Character Set: ISO_IR 192 is UTF-8; the default and
      // ISO_IR 100 are read as Latin-1.
      utf8 = /ISO_IR 192/.test(value())
    } else if (PATIENT_TAGS.has(el.tag)) {
      const kind = PATIENT_TAGS.get(el.tag)!
      let v = value()
      if (kind === 'name') v = v.split('^').filter(Boolean).reverse().join(' ')
      if (kind === 'age over 89') v = /^(\d{3})Y$/.exec(v)?.[1] ?? ''
      if (v) fields.push({ kind, value: v })
    } else if (el.tag === 0x00120062) {
      identityRemoved = /^YES/i.test(value())
    } else if (el.tag === 0x00120063) {
      method = value().slice(0, 64)
    } else {
      r.offset = el.valueAt + el.length
    }
  }
  return { fields, identityRemoved, ...(method ? { method } : {}) }
}
