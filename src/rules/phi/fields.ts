/**
 * Field names to identifier kinds, for the readers that see keys: CSV and
 * TSV headers, SQL column lists, JSON and YAML keys, labels in notes. Keys
 * are compared folded (lower case, letters and digits only), so
 * `Patient_DOB`, `patientDob` and `patient-dob` are one key.
 */
import { lookup, type IdentifierKind } from './identifiers.js'

const EXACT: Record<string, IdentifierKind> = {}

function add(kind: IdentifierKind, keys: string): void {
  for (const key of keys.split(' ')) EXACT[key] = kind
}

add(
  'name',
  'name firstname lastname givenname familyname surname fullname middlename ' +
    'fname lname patientname membername insuredname subscribername ' +
    'guarantorname nextofkin nextofkinname kinname mothersmaidenname ' +
    'maidenname emergencycontact emergencycontactname contactname ' +
    'patientfirstname patientlastname given family legalname preferredname'
)
add(
  'birth date',
  'dob dateofbirth birthdate birthday bdate birthdt dobdate patientdob ' +
    'memberdob subscriberdob insureddob birthdatetime'
)
add('admission date', 'admitdate admissiondate admitdt admitted admittedat')
add('discharge date', 'dischargedate dischargedt dischargedat discharged')
add(
  'death date',
  'deathdate dateofdeath deceaseddate deceaseddatetime dod deathdt'
)
add(
  'service date',
  'servicedate dateofservice visitdate encounterdate appointmentdate'
)
add('age over 89', 'age patientage ageyears')
add(
  'phone number',
  'phone phonenumber homephone mobile mobilephone cell cellphone telephone ' +
    'tel workphone contactphone primaryphone phoneno'
)
add('fax number', 'fax faxnumber faxno')
add('email address', 'email emailaddress mail emailid')
add('SSN', 'ssn socialsecuritynumber socialsecurity ssnumber socsecnum ssno')
add('ITIN', 'itin taxpayerid tin')
add(
  'MRN',
  'mrn medicalrecordnumber medicalrecordno medicalrecord mrnumber ' +
    'patientid patientnumber patientno chartnumber chartno recordnumber ' +
    'mrnid ehrid emrid'
)
add(
  'health plan number',
  'memberid membernumber memberno subscriberid subscribernumber ' +
    'policynumber policyno policyid insuranceid insurancenumber ' +
    'healthplanid healthplannumber beneficiaryid medicaidid medicaidnumber ' +
    'groupnumber planid insuredid'
)
add('MBI', 'mbi medicarebeneficiaryidentifier medicareid medicarenumber')
add('HICN', 'hicn hic healthinsuranceclaimnumber')
add(
  'account number',
  'accountnumber accountno acctno acctnum patientaccount accountid ' +
    'billingaccount encounterid visitnumber'
)
add(
  'payment card number',
  'cardnumber ccnumber creditcard creditcardnumber ccnum pan cardno'
)
add(
  'licence number',
  'driverslicense driverlicense driverslicence driverlicence dlnumber ' +
    'licensenumber licencenumber license licence dl passport ' +
    'passportnumber certificatenumber'
)
add('DEA number', 'dea deanumber')
add('VIN', 'vin vehiclevin vehicleidentificationnumber')
add(
  'device identifier',
  'deviceid deviceserial serialnumber udi implantserial deviceserialnumber'
)
add(
  'street address',
  'address streetaddress street address1 addressline1 addr homeaddress ' +
    'mailingaddress line1 residence'
)
add('city', 'city town')
add('ZIP code', 'zip zipcode postalcode postcode zip5')
add('URL', 'url website homepage')
add('IP address', 'ip ipaddress clientip remoteaddr remoteip')
add('NPI', 'npi')
add(
  'health information',
  'diagnosis diagnoses condition icd10 icd10code dx medication medications ' +
    'procedure allergy allergies chiefcomplaint'
)

// Keys that name a person only in patient context: `name` in a manifest is
// a package's name.
const GENERIC = new Set(['name', 'given', 'family', 'address', 'line1', 'tel'])

// Tails that may follow a qualifier: `patient_first_name`, `insured_phone`,
// indexed by their last three letters so a lookup tries only a few.
const TAILS = new Map<string, string[]>()
for (const tail of Object.keys(EXACT)
  .filter(k => k.length >= 5 && !GENERIC.has(k))
  .concat(['dob', 'ssn', 'mrn', 'zip'])
  .sort((a, b) => b.length - a.length)) {
  const end = tail.slice(-3)
  const list = TAILS.get(end) ?? []
  list.push(tail)
  TAILS.set(end, list)
}

/** Folds a key to lower-case letters and digits. */
export function foldKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** The kind a field name announces exactly, without tail matching. */
export function exactKindOfKey(key: string): IdentifierKind | undefined {
  return lookup(EXACT, foldKey(key))
}

// Qualifiers that make a field someone else's: a clinic's phone or a
// physician's name is not an identifier of the patient (Safe Harbor covers
// the individual, relatives, employers and household members).
const OTHER_PARTY =
  /^(?:provider|facility|clinic|practice|physician|doctor|prescriber|pharmacy|hospital|payer|insurer|office|support|referring|attending|rendering|billing(?!account)|vendor|company|org|organization)/

/** Whether a key names a field of a provider or organisation. */
export function isOtherPartyKey(key: string): boolean {
  return OTHER_PARTY.test(foldKey(key))
}

/**
 * The identifier kind a field name announces, if any. A qualified key
 * (`guarantor_phone`) counts as its tail.
 */
export function kindOfKey(key: string): IdentifierKind | undefined {
  const k = foldKey(key)
  if (k.length === 0 || k.length > 60) return undefined
  const exact = lookup(EXACT, k)
  if (exact) return exact
  if (OTHER_PARTY.test(k)) return undefined
  for (const tail of TAILS.get(k.slice(-3)) ?? []) {
    if (k.endsWith(tail) && k.length > tail.length) return lookup(EXACT, tail)
  }
  return undefined
}

/** Whether a key could name something other than a patient (`name`). */
export function isGenericKey(key: string): boolean {
  return GENERIC.has(foldKey(key))
}

// Words that make the records beside them a patient's. Not `member` or
// `health`: code configs are full of `member-ordering` and `healthcheck`.
const PATIENT_WORDS =
  /patient|subscriber|insured|beneficiar|guarantor|enrollee|nextofkin|claimant|mrn|ehr|emr|clinical|medical|diagnos|encounter|admission|discharge|fhir|hl7/i

// A key that is about patients as a whole: `patient`, `patients`,
// `patient_info`, `insured`, `subscriber` — not `subscribers_url`.
const PATIENT_KEY =
  /^(?:patient|subscriber|insured|beneficiary|beneficiaries|guarantor|enrollee|nextofkin|claimant|dependent|mrn|diagnosis|diagnoses|encounter|admission|discharge)(?:s|info|data|record|records|details|demographics|list|name|id|dob)?$|^patient/

/** Whether one key, column or table name names patients or their data. */
export function isPatientKey(key: string): boolean {
  const k = foldKey(key)
  return k.length <= 40 && PATIENT_KEY.test(k)
}

/** Whether any of `keys` names patients, or `path` speaks of them. */
export function hasPatientContext(
  path: string,
  keys: readonly string[]
): boolean {
  return isPatientContext(foldKey(path)) || keys.some(isPatientKey)
}

/**
 * Whether a key, table or file name speaks of patients (and so the names,
 * phones and addresses beside it are theirs).
 */
export function isPatientContext(text: string, limit = 2000): boolean {
  return PATIENT_WORDS.test(text.length > limit ? text.slice(0, limit) : text)
}
