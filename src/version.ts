/** The gate's name and version, as reports and `--version` give them. */
export const TOOL_NAME = 'HIPAA Gate'
export const VERSION = '0.1.0'
export const INFORMATION_URI = 'https://github.com/hipaa-gate/hipaa-gate'
