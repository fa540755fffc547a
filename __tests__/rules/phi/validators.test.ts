import {
  cardNetwork,
  classifyPhone,
  classifySsn,
  isTestCard,
  isValidDea,
  isValidHicn,
  isValidMbi,
  isValidNpi,
  isValidVin,
  luhn
} from '../../../src/rules/phi/validators.js'
import {
  dea,
  npi,
  realCard,
  realMbi,
  realPhone,
  realSsn,
  vin,
  withLuhnDigit
} from '../../helpers/phi-values.js'

const digits = (s: string) => s.replace(/\D/g, '')

describe('SSN ranges', () => {
  it('accepts numbers in ranges the SSA issues', () => {
    for (let seed = 1; seed < 50; seed++) {
      expect(classifySsn(digits(realSsn(seed))).kind).toBe('issuable')
    }
  })

  it.each([
    ['000123456', 'area 000'],
    ['666123456', 'area 666'],
    ['912341234', 'area 9xx outside ITIN groups'],
    ['123001234', 'group 00'],
    ['123450000', 'serial 0000'],
    ['078051120', 'published sample'],
    ['123456789', 'published sample'],
    ['219099999', 'published sample'],
    ['987654325', 'published sample range'],
    ['999123456', 'Synthea 999 area'],
    ['222222222', 'repeated digits']
  ])('never treats %s as issued (%s)', number => {
    expect(classifySsn(number).kind).toBe('not-issued')
  })

  it('recognises ITIN ranges as taxpayer ids', () => {
    expect(classifySsn('912' + '70' + '1234').kind).toBe('itin')
    expect(classifySsn('900931234').kind).toBe('not-issued')
  })
})

describe('payment cards', () => {
  it('accepts Luhn-valid numbers in issuer ranges, 2-series included', () => {
    expect(cardNetwork(withLuhnDigit('222100123456789'))).toBe('Mastercard')
    expect(cardNetwork(withLuhnDigit('272099876543210'))).toBe('Mastercard')
    expect(cardNetwork(withLuhnDigit('34123456789012'))).toBe(
      'American Express'
    )
    const card = realCard(3)
    expect(luhn(card)).toBe(true)
    expect(isTestCard(card)).toBe(false)
  })

  it('rejects numbers outside issuer ranges or failing Luhn', () => {
    expect(cardNetwork(withLuhnDigit('272199876543210'))).toBeUndefined()
    const card = realCard(4)
    const broken = card.slice(0, -1) + String((Number(card.at(-1)) + 1) % 10)
    expect(luhn(broken)).toBe(false)
  })

  it('treats published test card numbers as synthetic', () => {
    expect(isTestCard('4111111111111111')).toBe(true)
    expect(isTestCard('4242424242424242')).toBe(true)
    expect(isTestCard('5555555555554444')).toBe(true)
  })
})

describe('Medicare numbers', () => {
  it('accepts MBIs that follow the position rules, with or without dashes', () => {
    const mbi = realMbi(5)
    expect(isValidMbi(mbi)).toBe(true)
    expect(
      isValidMbi(`${mbi.slice(0, 4)}-${mbi.slice(4, 7)}-${mbi.slice(7)}`)
    ).toBe(true)
  })

  it('rejects MBIs with excluded letters or digits where letters go', () => {
    const mbi = realMbi(6)
    expect(isValidMbi('S' + mbi.slice(1))).toBe(false)
    expect(isValidMbi(mbi.slice(0, 1) + 'S' + mbi.slice(2))).toBe(false)
    expect(isValidMbi(mbi.slice(0, 1) + '7' + mbi.slice(2))).toBe(false)
    expect(isValidMbi('0' + mbi.slice(1))).toBe(false)
  })

  it('accepts a HICN only when its SSN part is issued', () => {
    expect(isValidHicn(digits(realSsn(7)) + 'A')).toBe(true)
    expect(isValidHicn('999123456A')).toBe(false)
  })
})

describe('provider and vehicle numbers', () => {
  it('checks the DEA checksum', () => {
    const number = dea(8)
    expect(isValidDea(number)).toBe(true)
    const wrong = number.slice(0, -1) + String((Number(number.at(-1)) + 1) % 10)
    expect(isValidDea(wrong)).toBe(false)
  })

  it('checks the VIN check digit', () => {
    const number = vin(9)
    expect(isValidVin(number)).toBe(true)
    const at9 = number[8] === '1' ? '2' : '1'
    expect(isValidVin(number.slice(0, 8) + at9 + number.slice(9))).toBe(false)
  })

  it('checks the NPI with Luhn over the 80840 prefix', () => {
    const number = npi(10)
    expect(isValidNpi(number)).toBe(true)
    expect(
      isValidNpi(number.slice(0, -1) + String((Number(number.at(-1)) + 1) % 10))
    ).toBe(false)
  })
})

describe('NANP phones', () => {
  it('accepts assignable numbers in any punctuation', () => {
    const p = realPhone(11)
    expect(classifyPhone(p).kind).toBe('assignable')
    expect(
      classifyPhone(`+1 (${p.slice(0, 3)}) ${p.slice(3, 6)}-${p.slice(6)}`).kind
    ).toBe('assignable')
  })

  it('treats the 555-01XX range and a 555 area code as fictional', () => {
    expect(classifyPhone('2125550142').kind).toBe('fictional')
    expect(classifyPhone('5553421234').kind).toBe('fictional')
  })

  it('rejects area codes and exchanges that NANP never assigns', () => {
    expect(classifyPhone('1234567890').kind).toBe('invalid')
    expect(classifyPhone('2121114567').kind).toBe('invalid')
    expect(classifyPhone('911555123').kind).toBe('invalid')
  })
})
