/**
 * The names real schemas give each identifier, as word lists (cased later
 * to snake, camel, Pascal, upper or kebab case). Several synonyms per
 * field, so the evaluation does not measure one spelling.
 */
import type { Planted } from './people.js'

export const KEY_WORDS: Readonly<
  Record<Planted | 'given' | 'family', readonly (readonly string[])[]>
> = {
  name: [['full', 'name'], ['patient', 'name'], ['name'], ['member', 'name']],
  given: [
    ['first', 'name'],
    ['given', 'name'],
    ['fname'],
    ['patient', 'first', 'name']
  ],
  family: [
    ['last', 'name'],
    ['family', 'name'],
    ['surname'],
    ['lname'],
    ['patient', 'last', 'name']
  ],
  'birth date': [
    ['dob'],
    ['date', 'of', 'birth'],
    ['birth', 'date'],
    ['birthdate'],
    ['patient', 'dob']
  ],
  SSN: [['ssn'], ['social', 'security', 'number'], ['patient', 'ssn']],
  MRN: [
    ['mrn'],
    ['medical', 'record', 'number'],
    ['patient', 'id'],
    ['chart', 'number']
  ],
  'health plan number': [
    ['member', 'id'],
    ['subscriber', 'id'],
    ['policy', 'number'],
    ['insurance', 'id']
  ],
  MBI: [['mbi'], ['medicare', 'id']],
  'phone number': [
    ['phone'],
    ['home', 'phone'],
    ['phone', 'number'],
    ['mobile'],
    ['cell', 'phone']
  ],
  'email address': [['email'], ['email', 'address'], ['contact', 'email']],
  'street address': [
    ['address'],
    ['street', 'address'],
    ['address', 'line1'],
    ['street']
  ],
  city: [['city'], ['town']],
  'ZIP code': [['zip'], ['zip', 'code'], ['postal', 'code']],
  'account number': [
    ['account', 'number'],
    ['acct', 'no'],
    ['patient', 'account']
  ],
  'payment card number': [
    ['card', 'number'],
    ['credit', 'card'],
    ['cc', 'number']
  ],
  'licence number': [
    ['drivers', 'license'],
    ['dl', 'number'],
    ['license', 'number']
  ],
  'admission date': [
    ['admit', 'date'],
    ['admission', 'date'],
    ['admitted', 'at']
  ]
}

/** Labels notes and logs write before each identifier. */
export const NOTE_LABELS: Readonly<Record<Planted, readonly string[]>> = {
  name: ['Patient', 'Patient Name', 'Name', 'Pt', 'patient_name'],
  'birth date': ['DOB', 'D.O.B.', 'Date of Birth', 'dob', 'Born'],
  SSN: ['SSN', 'Social Security No.', 'ssn'],
  MRN: ['MRN', 'Medical Record Number', 'mrn', 'Medical Record #'],
  'health plan number': ['Member ID', 'Policy Number', 'member_id'],
  MBI: ['MBI', 'Medicare ID'],
  'phone number': ['Phone', 'Tel', 'Cell', 'phone', 'Home Phone'],
  'email address': ['Email', 'E-mail', 'email'],
  'street address': ['Address', 'Home Address', 'addr'],
  city: ['City'],
  'ZIP code': ['ZIP', 'Zip Code', 'zip'],
  'account number': ['Account #', 'Acct No', 'account_number'],
  'payment card number': ['Card Number', 'card'],
  'licence number': ["Driver's License", 'DL'],
  'admission date': ['Admitted', 'Admission Date', 'admit_date']
}
