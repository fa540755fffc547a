import { checkRevision } from '../../src/source/revision.js'

describe('checkRevision', () => {
  it.each(['main', 'feature/x-1', 'v1.2.3', 'HEAD~2', 'a'.repeat(40)])(
    'accepts %s',
    rev => {
      expect(checkRevision(rev, 'base')).toBe(rev)
    }
  )

  it.each(['--upload-pack=evil', '+main:main', 'a..b', 'two words', 'x:y'])(
    'refuses %s, naming the input',
    rev => {
      expect(() => checkRevision(rev, 'base')).toThrow(
        expect.objectContaining({
          code: 'input-invalid',
          message: expect.stringContaining('The base input')
        })
      )
    }
  )
})
