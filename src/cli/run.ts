/** Dispatch of the CLI's commands, and the mapping of errors to exit 2. */
import { VERSION } from '../version.js'
import type { CliIO } from './io.js'
import { scanCommand } from './scan-command.js'
import { USAGE } from './usage.js'
import { baselineCommand } from './baseline-command.js'
import { checksumsCommand, verifyCommand } from './verify-command.js'

type Command = (args: string[], io: CliIO) => Promise<number>

const COMMANDS: Record<string, Command> = {
  scan: scanCommand,
  verify: verifyCommand,
  checksums: checksumsCommand,
  baseline: baselineCommand
}

/** Runs the CLI and returns its exit code; never throws. */
export async function runCli(args: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout(USAGE)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  const command = COMMANDS[name]
  if (!command) {
    io.stderr(`hipaa-gate: unknown command "${name}". Run hipaa-gate --help.\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(USAGE)
    return 0
  }
  try {
    return await command(rest, io)
  } catch (error) {
    // Settings, source and verification errors are written for users;
    // anything else is a defect, still reported without a stack trace
    // unless HIPAA_GATE_DEBUG asks for one.
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`hipaa-gate: ${message}\n`)
    if (process.env.HIPAA_GATE_DEBUG && error instanceof Error && error.stack) {
      io.stderr(`${error.stack}\n`)
    }
    return 2
  }
}
