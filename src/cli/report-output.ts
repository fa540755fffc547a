/** Writing a result in the format the user asked for, where they asked. */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { GateResult } from '../gate/result.js'
import {
  renderJsonReport,
  renderSarif,
  renderText,
  summaryLine
} from '../report/index.js'
import type { CliIO } from './io.js'
import type { OutputFormat } from './options.js'

export function render(
  result: GateResult,
  format: OutputFormat,
  cwd: string
): string {
  switch (format) {
    case 'json':
      return renderJsonReport(result)
    case 'sarif':
      return renderSarif(result, { srcRoot: pathToFileURL(cwd + '/').href })
    case 'text':
      return renderText(result, 'detailed')
  }
}

/**
 * Prints the report, or writes it to `output` and prints one summary line,
 * and returns the exit code: 1 when the gate failed, else 0.
 */
export async function emit(
  result: GateResult,
  format: OutputFormat,
  output: string | undefined,
  io: CliIO
): Promise<number> {
  const text = render(result, format, io.cwd)
  if (output) {
    await writeFile(resolve(io.cwd, output), text)
    io.stdout(`${summaryLine(result, output)}\n`)
  } else {
    io.stdout(text)
  }
  return result.conclusion === 'failure' ? 1 : 0
}
