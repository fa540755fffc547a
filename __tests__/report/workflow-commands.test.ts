import { jest } from '@jest/globals'
import { Engine } from '../../src/engine/engine.js'
import { allRules } from '../../src/rules/index.js'
import {
  emitWorkflowAnnotations,
  type WorkflowCommandSink
} from '../../src/report/workflow-commands.js'
import { githubToken } from '../helpers/fake-values.js'
import { leaks, manyFindings, plantedResult } from './gate-result.js'

function recorder() {
  const calls: { level: string; message: string; props: object }[] = []
  const sink: WorkflowCommandSink = {
    error: (message, props) => calls.push({ level: 'error', message, props }),
    warning: (message, props) =>
      calls.push({ level: 'warning', message, props }),
    notice: (message, props) => calls.push({ level: 'notice', message, props })
  }
  return { calls, sink }
}

describe('workflow-command annotations', () => {
  it('annotates active findings, most severe first, with file and position', () => {
    const { result } = plantedResult()
    const findings = result.findings.map((f, i) =>
      i === 0 ? { ...f, severity: 'note' as const } : f
    )
    const { calls, sink } = recorder()
    const outcome = emitWorkflowAnnotations(findings, sink)
    expect(calls.map(c => c.level)).toEqual([
      'error',
      'error',
      'error',
      'notice'
    ])
    expect(calls[0]!.props).toEqual({
      title: 'aws-access-key-id (45 CFR 164.312(a)(1))',
      file: 'deploy/aws.env',
      startLine: 2,
      endLine: 2,
      startColumn: 19,
      endColumn: 38
    })
    expect(outcome.emitted).toEqual({ failure: 3, warning: 0, notice: 1 })
    expect(outcome.notShown).toEqual({ failure: 0, warning: 0, notice: 0 })
  })

  it('leaves out columns on an annotation that spans lines', () => {
    const { result } = plantedResult()
    const { calls, sink } = recorder()
    emitWorkflowAnnotations(result.findings, sink)
    const pem = calls.find(
      c => (c.props as { file: string }).file === 'keys/id_rsa'
    )!
    expect(pem.props).not.toHaveProperty('startColumn')
  })

  it('counts what GitHub will not show past ten per level', () => {
    const { findings } = manyFindings(14)
    const { sink } = recorder()
    const outcome = emitWorkflowAnnotations(findings, sink)
    expect(outcome.emitted.failure).toBe(14)
    expect(outcome.notShown).toEqual({ failure: 4, warning: 0, notice: 0 })
  })

  it('writes escaped commands to stdout through @actions/core, without values', () => {
    const token = githubToken(12)
    const engine = new Engine(allRules)
    const findings = engine.scanText('a,b::c\n.ts', `x=${token}`)
    const written: string[] = []
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk))
        return true
      })
    try {
      emitWorkflowAnnotations(findings)
    } finally {
      spy.mockRestore()
    }
    const out = written.join('')
    expect(out).toMatch(
      /^::error title=github-classic-token [^,]{1,200},file=a%2Cb%3A%3Ac%0A.ts,line=1/
    )
    expect(out.split('\n').filter(Boolean)).toHaveLength(1)
    expect(leaks(out, { values: [token] })).toEqual([])
  })
})
