/**
 * `hipaa-gate`: the command-line front door. It only dispatches; the
 * commands share the engine, rules and config with the action.
 */
import { runCli } from './cli/run.js'
import { processIO } from './cli/io.js'

process.exitCode = await runCli(process.argv.slice(2), processIO())
