/**
 * Identifier values for the evaluation, built at run time: realistic ones
 * (valid checksums, issuable ranges, ordinary spellings), and synthetic ones
 * of the kinds test data really uses. Nothing here is a real person's data;
 * the realistic values only have the shape real data has.
 */
import type { Random } from './random.js'

// Given and family names from many origins, with the spellings real
// records have: hyphens, apostrophes, particles, accents.
const GIVEN = (
  'Marta Jamal Aiko Oluwaseun Priya Mateo Siobhan Dmitri Leilani Tomasz ' +
  'Camila Kwame Ingrid Rahul Zofia Esperanza Haruto Nadia Cormac Yusuf ' +
  'Beatriz Thandiwe Anders Mei Lucía Kofi Ananya Björn Fatima Declan ' +
  'Rosalind Tariq Valentina Emeka Hana Sebastián Margit Chidi Ewa Laszlo ' +
  'Imogen Arjun Noor Gustavo Sunniva Babajide Carmen Viktor Amara Ronan ' +
  'Delphine Hamza Keiko Bartholomew Adaeze Florin Maribel Wendell Odalys'
).split(' ')
const FAMILY = (
  'Kowalski Okafor Nakamura Fitzgerald Raghunathan Castellanos ' +
  "O'Sullivan Petrovic Kealoha Wiśniewski Achterberg Mensah Lindqvist " +
  'Bhattacharya Nowak Villanueva Takahashi Haddad MacAllister Demir ' +
  'Figueiredo Dlamini Halvorsen Zhang Ibáñez Asante Krishnamurthy ' +
  'Sörensen Al-Masri Donnelly Whitcombe Qureshi Bellandi Nwachukwu ' +
  'Yamamoto Salgado-Ruiz Horvath Eze Brzezinski Kovács Ashworth ' +
  'Venkataraman Abdi Marchetti Solberg Adeyemi Chávez Tanaka Pemberton ' +
  'Obi Lukashenko Gallagher Szabo Ferreira Mwangi Delacroix Hoang'
).split(' ')
const STREETS = (
  'Birch Maple Juniper Harbor Willow Cedar Ridge Alder Sycamore Magnolia ' +
  'Chestnut Larkspur Hawthorne Quarry Mill Orchard Bayview Prospect ' +
  'Lindenwood Fairmount Kingsley Calloway Sutter Delancey Beacon'
).split(' ')
const SUFFIXES =
  'St Street Ave Avenue Rd Road Ln Lane Blvd Dr Drive Ct Way Pl Terrace'.split(
    ' '
  )
const CITIES = (
  'Dayton|Tacoma|Albuquerque|Savannah|Duluth|Fresno|Scranton|Boise|' +
  'Chattanooga|Lubbock|Provo|Green Bay|Fort Collins|Baton Rouge|' +
  'Cedar Rapids|Spokane|Worcester|Lansing|Macon|Eugene|Sioux Falls'
).split('|')
const STATES = 'OH WA NM GA MN CA PA ID TN TX UT WI CO LA IA MA MI OR SD'.split(
  ' '
)
const MAIL_HOSTS = [
  'gmail.com',
  'yahoo.com',
  'outlook.com',
  'icloud.com',
  'proton.me',
  'comcast.net',
  'aol.com',
  'hotmail.com'
]

export function givenName(r: Random): string {
  return r.pick(GIVEN)
}
export function familyName(r: Random): string {
  return r.pick(FAMILY)
}

/** An ISO date between the years given. */
export function isoDate(r: Random, from: number, to: number): string {
  const y = r.int(from, to)
  const m = r.int(1, 12)
  const d = r.int(1, 28)
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** An SSN in a range the SSA issues. */
export function issuableSsn(r: Random): string {
  let area: number
  do area = r.int(1, 899)
  while (area === 666)
  const group = r.int(1, 99)
  const serial = r.int(1, 9999)
  const s = `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`
  // Avoid the SSA's published samples and digit runs, which real numbers
  // do not collide with in practice.
  return /^(\d)\1\1-\1\1-\1{4}$/.test(s) ||
    s.startsWith('078-05') ||
    s.startsWith('123-45') ||
    s.startsWith('219-09')
    ? issuableSsn(r)
    : s
}

/** A NANP number that could be assigned (not 555, not N11). */
export function realisticPhone(r: Random): string {
  const nxx = () => {
    let v: string
    do v = r.digits(3, '23456789')
    while (v.slice(1) === '11' || v === '555')
    return v
  }
  return nxx() + nxx() + r.digits(4)
}

export function streetAddress(r: Random): string {
  const unit = r.chance(0.2)
    ? ` ${r.pick(['Apt', 'Unit', '#'])} ${r.int(1, 40)}`
    : ''
  return `${r.int(2, 9899)} ${r.pick(STREETS)} ${r.pick(SUFFIXES)}${unit}`
}
export function city(r: Random): string {
  return r.pick(CITIES)
}
export function state(r: Random): string {
  return r.pick(STATES)
}
export function zip(r: Random): string {
  return String(r.int(1001, 99950)).padStart(5, '0')
}

export function email(r: Random, given: string, family: string): string {
  const local = `${given}.${family}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '')
  return `${local}${r.chance(0.5) ? r.int(1, 99) : ''}@${r.pick(MAIL_HOSTS)}`
}

export function mrn(r: Random): string {
  return r.pick([
    () => r.digits(r.int(6, 10), '123456789'),
    () => `${r.letters(1)}${r.digits(7)}`,
    () => `${r.digits(3, '123456789')}-${r.digits(3)}-${r.digits(3)}`
  ])()
}

export function memberId(r: Random): string {
  return r.pick([
    () => `${r.letters(3)}${r.digits(9)}`,
    () => `W${r.digits(9)}`,
    () => `${r.digits(11, '123456789')}`
  ])()
}

const MBI_ALPHA = 'ACDEFGHJKMNPQRTUVWXY'
/** An MBI that satisfies the CMS position rules. */
export function mbi(r: Random): string {
  const alnum = MBI_ALPHA + '0123456789'
  return (
    r.digits(1, '123456789') +
    r.letters(1, MBI_ALPHA) +
    r.letters(1, alnum) +
    r.digits(1) +
    r.letters(1, MBI_ALPHA) +
    r.letters(1, alnum) +
    r.digits(1) +
    r.letters(2, MBI_ALPHA) +
    r.digits(2)
  )
}

function luhnCheck(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

/** A Luhn-valid card number in a real issuer range (not a test number). */
export function cardNumber(r: Random): string {
  const prefix = r.pick(['4', '51', '53', '55', '2221', '2410', '2720'])
  const body = prefix + r.digits(15 - prefix.length)
  return body + luhnCheck(body)
}

export function accountNumber(r: Random): string {
  return r.pick([
    () => `ACC${r.digits(7)}`,
    () => r.digits(9, '123456789'),
    () => `${r.letters(2)}-${r.digits(6)}`
  ])()
}

export function licence(r: Random): string {
  return r.pick([
    () => `${r.letters(1)}${r.digits(7)}`,
    () => r.digits(9, '123456789'),
    () => `${r.letters(1)}${r.digits(3)}-${r.digits(4)}-${r.digits(4)}`
  ])()
}

/** A fixed-length field for X12's ISA, padded with spaces. */
export function pad(value: string, width: number): string {
  return value.padEnd(width, ' ').slice(0, width)
}
