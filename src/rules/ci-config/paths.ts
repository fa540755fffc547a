/**
 * Which files the CI configuration rules read. Paths are repository-relative
 * and POSIX, as the engine passes them.
 */

const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]{1,255}\.ya?ml$/
const ACTION_METADATA = /(?:^|\/)action\.ya?ml$/

/** A GitHub Actions workflow under `.github/workflows/`. */
export function isWorkflowPath(path: string): boolean {
  return WORKFLOW.test(path)
}

/** An action's metadata file (`action.yml`), where composite steps live. */
export function isActionMetadataPath(path: string): boolean {
  return ACTION_METADATA.test(path)
}

/** Either of the two files whose YAML the workflow rules parse. */
export function isActionsPath(path: string): boolean {
  return isWorkflowPath(path) || isActionMetadataPath(path)
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/')
  return path.slice(slash + 1)
}

// Files that run commands or configure how packages are fetched. Source
// code is left out on purpose: its string literals would drown the findings
// in quotations of commands (this repository's own rules among them).
const SCRIPT_EXTENSIONS = /\.(?:sh|bash|zsh|ksh|ps1|psm1|bat|cmd|mk)$/i
const CONFIG_EXTENSIONS =
  /\.(?:ya?ml|toml|ini|cfg|conf|properties|env|repo|list|json)$/i
const NAMED_FILES = new Set([
  'makefile',
  'gnumakefile',
  'containerfile',
  'jenkinsfile',
  'vagrantfile',
  'gemfile',
  'procfile',
  '.npmrc',
  '.yarnrc',
  '.pypirc',
  '.gitconfig',
  '.curlrc',
  '.wgetrc',
  '.env',
  'pip.conf',
  'pip.ini'
])

/**
 * Whether `path` is a file the transmission-security rules read: shell and
 * PowerShell scripts, Dockerfiles, Makefiles, workflow YAML, package-manager
 * configuration, env files and pip requirement files.
 */
export function isTransportPath(path: string): boolean {
  // A dozen rules ask this of the same file one after another.
  if (path === lastPath) return lastAnswer
  lastPath = path
  lastAnswer = transportName(baseName(path).toLowerCase())
  return lastAnswer
}

let lastPath: string | undefined
let lastAnswer = false

function transportName(name: string): boolean {
  if (NAMED_FILES.has(name)) return true
  if (name.startsWith('dockerfile') || name.endsWith('.dockerfile')) {
    return true
  }
  if (name.startsWith('.env.')) return true
  if (/^requirements[\w.-]{0,40}\.(?:txt|in)$/.test(name)) return true
  return SCRIPT_EXTENSIONS.test(name) || CONFIG_EXTENSIONS.test(name)
}

/** Transport files plus Python sources, where `verify=False` is written. */
export function isTlsPath(path: string): boolean {
  return isTransportPath(path) || /\.py$/i.test(path)
}
