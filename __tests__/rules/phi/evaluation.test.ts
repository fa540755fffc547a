import { evaluate } from '../../../scripts/eval-phi/evaluate.js'

// A small run of `npm run eval:phi`, so CI holds the targets.
describe('PHI evaluation', () => {
  const report = evaluate({ seed: 4242, perFormat: 24 })

  it('blocks at least 95% of realistic records, with 95% precision', () => {
    expect(report.recall).toBeGreaterThanOrEqual(0.95)
    expect(report.precision).toBeGreaterThanOrEqual(0.95)
  })

  it('lets at least 98% of synthetic and de-identified records through', () => {
    expect(report.syntheticPassRate).toBeGreaterThanOrEqual(0.98)
  })

  it('blocks nothing in the ordinary-code set', () => {
    expect(report.ordinary.blocked).toEqual([])
    expect(report.ordinary.files).toBeGreaterThan(10)
  })

  it('never repeats a planted value in any finding', () => {
    expect(report.planted.length).toBeGreaterThan(100)
    expect(report.planted.filter(v => report.output.includes(v))).toEqual([])
  })
})
