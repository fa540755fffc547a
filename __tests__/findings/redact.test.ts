import { redact } from '../../src/findings/redact.js'

describe('redaction', () => {
  it('shows a credential prefix and length only', () => {
    const value = 'gh' + 'p_' + 'x'.repeat(36)
    expect(redact(value, 'prefix')).toBe('ghp_…(40 chars)')
  })

  it('shows less of a short value than of a long one', () => {
    expect(redact('abcdefgh', 'prefix')).toBe('ab…(8 chars)')
    expect(redact('abc', 'prefix')).toBe('…(3 chars)')
  })

  it('shows PHI as its kind and at most two trailing characters', () => {
    const value = ['123', '45', '6789'].join('-')
    expect(redact(value, 'suffix', 'SSN')).toBe('[SSN …89]')
    expect(redact('ab', 'suffix', 'initials')).toBe('[initials]')
    expect(redact('Jane', 'none', 'name')).toBe('[name, 4 chars]')
  })
})
