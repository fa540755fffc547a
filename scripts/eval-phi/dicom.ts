/**
 * Minimal DICOM Part 10 files for the evaluation: preamble, `DICM`, a file
 * meta group, then a data set in explicit or implicit VR little endian with
 * a study group (sometimes holding a sequence of undefined length, which a
 * reader must skip) and the patient group.
 */
import type { Person, Planted } from './people.js'
import type { Random } from './random.js'

const EXPLICIT = '1.2.840.10008.1.2.1'
const IMPLICIT = '1.2.840.10008.1.2'

class Writer {
  private readonly parts: number[] = []
  u16(v: number) {
    this.parts.push(v & 0xff, (v >>> 8) & 0xff)
  }
  u32(v: number) {
    this.u16(v & 0xffff)
    this.u16(v >>> 16)
  }
  ascii(s: string) {
    for (const byte of new TextEncoder().encode(s)) this.parts.push(byte)
  }
  element(
    group: number,
    el: number,
    vr: string,
    value: string,
    explicit: boolean
  ) {
    let v = value
    while (new TextEncoder().encode(v).length % 2 !== 0) {
      v += vr === 'UI' ? '\0' : ' '
    }
    const length = new TextEncoder().encode(v).length
    this.u16(group)
    this.u16(el)
    if (explicit && (vr === 'OB' || vr === 'UN' || vr === 'UT')) {
      this.ascii(vr)
      this.u16(0)
      this.u32(length)
    } else if (explicit) {
      this.ascii(vr)
      this.u16(length)
    } else this.u32(length)
    this.ascii(v)
  }
  /** A sequence of undefined length with one item of undefined length. */
  sequence(
    group: number,
    el: number,
    explicit: boolean,
    inner: (w: Writer) => void
  ) {
    this.u16(group)
    this.u16(el)
    if (explicit) {
      this.ascii('SQ')
      this.u16(0)
    }
    this.u32(0xffffffff)
    this.u16(0xfffe)
    this.u16(0xe000)
    this.u32(0xffffffff)
    inner(this)
    this.u16(0xfffe)
    this.u16(0xe00d)
    this.u32(0)
    this.u16(0xfffe)
    this.u16(0xe0dd)
    this.u32(0)
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.parts)
  }
}

/** A DICOM file whose patient module holds the chosen fields of `who`. */
export function dicomFile(
  who: Person,
  kinds: readonly Planted[],
  r: Random
): Uint8Array {
  const explicit = r.chance(0.6)
  const w = new Writer()
  for (let i = 0; i < 64; i++) w.u16(0) // the 128-byte preamble
  const syntax = explicit ? EXPLICIT : IMPLICIT
  // File meta group: always explicit VR little endian.
  const meta = new Writer()
  meta.element(0x0002, 0x0001, 'OB', '\0\x01', true)
  meta.element(0x0002, 0x0002, 'UI', '1.2.840.10008.5.1.4.1.1.2', true)
  meta.element(0x0002, 0x0010, 'UI', syntax, true)
  const metaBytes = meta.bytes()
  const head = new Writer()
  head.u16(0x0002)
  head.u16(0x0000)
  head.ascii('UL')
  head.u16(4)
  head.u32(metaBytes.length)

  const data = new Writer()
  data.element(0x0008, 0x0005, 'CS', 'ISO_IR 192', explicit)
  data.element(0x0008, 0x0020, 'DA', '2024010' + r.int(1, 9), explicit)
  data.element(0x0008, 0x0060, 'CS', r.pick(['CT', 'MR', 'US', 'CR']), explicit)
  if (r.chance(0.5)) {
    data.sequence(0x0008, 0x1140, explicit, inner => {
      inner.element(0x0008, 0x1150, 'UI', '1.2.840.10008.5.1.4.1.1.2', explicit)
    })
  }
  const has = (k: Planted) => kinds.includes(k)
  if (has('name'))
    data.element(
      0x0010,
      0x0010,
      'PN',
      who.family ? `${who.family}^${who.given}` : who.given,
      explicit
    )
  if (has('MRN')) data.element(0x0010, 0x0020, 'LO', who.fields.MRN!, explicit)
  if (has('birth date'))
    data.element(
      0x0010,
      0x0030,
      'DA',
      who.fields['birth date']!.replace(/-/g, ''),
      explicit
    )
  data.element(0x0010, 0x0040, 'CS', who.sex, explicit)
  if (who.style === 'deidentified')
    data.element(0x0012, 0x0062, 'CS', 'YES', explicit)
  data.element(
    0x0020,
    0x000d,
    'UI',
    `1.2.826.0.1.${r.int(1000, 9999)}`,
    explicit
  )

  const parts = [
    w.bytes(),
    Uint8Array.from([0x44, 0x49, 0x43, 0x4d]),
    head.bytes(),
    metaBytes,
    data.bytes()
  ]
  const total = parts.reduce((n, p) => n + p.length, 0)
  const file = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    file.set(p, at)
    at += p.length
  }
  return file
}
