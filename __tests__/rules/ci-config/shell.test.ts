import {
  isLoopbackUrl,
  leadingProgram,
  programName,
  readCommands
} from '../../../src/rules/ci-config/shell.js'

/** Each command's words, for readable expectations. */
function words(text: string): string[][] {
  return readCommands(text).map(c => c.words.map(w => w.text))
}

describe('readCommands', () => {
  it('splits at control operators and keeps pipes', () => {
    const commands = readCommands('a 1; b && c || d | e & f')
    expect(commands.map(c => c.words.map(w => w.text))).toEqual([
      ['a', '1'],
      ['b'],
      ['c'],
      ['d'],
      ['e'],
      ['f']
    ])
    expect(commands.map(c => c.pipesToNext)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false
    ])
  })

  it('joins continued lines and removes quotes', () => {
    expect(words(`curl -fsSL \\\n  "https://a.example/x y" -o 'out'`)).toEqual([
      ['curl', '-fsSL', 'https://a.example/x y', '-o', 'out']
    ])
  })

  it('keeps source offsets of quoted words', () => {
    const text = `curl "-k" x`
    const [word] = readCommands(text)[0]!.words.slice(1)
    expect(text.slice(word!.start, word!.end)).toBe('"-k"')
  })

  it('skips comments but not a # inside a word', () => {
    expect(words('curl -k x # note\n# curl -k y\ncurl a#b')).toEqual([
      ['curl', '-k', 'x'],
      ['curl', 'a#b']
    ])
  })

  it('closes a quote left open at the end of a line', () => {
    expect(words("name: Don't panic\ncurl -k x")).toEqual([
      ['name:', 'Dont panic'],
      ['curl', '-k', 'x']
    ])
  })

  it('treats 2>&1 as part of a redirection, not a background job', () => {
    expect(words('make 2>&1 | tee log')).toEqual([
      ['make', '2>&1'],
      ['tee', 'log']
    ])
  })
})

describe('program names and hosts', () => {
  it('names the program behind sudo, env and assignments', () => {
    const [command] = readCommands('sudo -E env A=1 /usr/bin/bash -s')
    expect(leadingProgram(command!)).toBe('bash')
    expect(programName(command!.words[4]!)).toBe('bash')
  })

  it('tells loopback URLs from others', () => {
    expect(isLoopbackUrl('https://localhost:8443/x')).toBe(true)
    expect(isLoopbackUrl('http://127.0.0.1/x')).toBe(true)
    expect(isLoopbackUrl('http://[::1]:80/')).toBe(true)
    expect(isLoopbackUrl('http://user:pw@localhost/')).toBe(true)
    expect(isLoopbackUrl('http://localhost.example.com/')).toBe(false)
    expect(isLoopbackUrl('http://127.0.0.1.example.com/')).toBe(false)
  })
})
