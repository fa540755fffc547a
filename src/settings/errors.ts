/**
 * Problems with what the user gave the gate: an input, a flag, the config
 * file, the baseline. They stop the gate before it scans, because a gate
 * that ran on a misread configuration would pass for the wrong reasons.
 */
export type SettingsErrorCode =
  | 'input-invalid'
  | 'config-unreadable'
  | 'config-syntax'
  | 'config-invalid'
  | 'baseline-invalid'

export class SettingsError extends Error {
  readonly code: SettingsErrorCode

  constructor(code: SettingsErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'SettingsError'
    this.code = code
  }
}
