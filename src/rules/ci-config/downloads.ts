/**
 * Transmission security (164.312(e)(1)) for what the pipeline installs:
 * downloaded code is checked before it runs, and package managers keep
 * verifying signatures.
 */
import type { Match, TextRule } from '../rule.js'
import {
  findProgram,
  leadingProgram,
  programName,
  type Command
} from './shell.js'
import {
  lineCheck,
  transportRule,
  type TransportCheck
} from './transport-rule.js'

const DOWNLOADERS = new Set([
  'curl',
  'curl.exe',
  'wget',
  'iwr',
  'irm',
  'invoke-webrequest',
  'invoke-restmethod'
])

const INTERPRETERS = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'ash',
  'fish',
  'python',
  'python2',
  'python3',
  'perl',
  'ruby',
  'node',
  'php',
  'pwsh',
  'powershell',
  'iex',
  'invoke-expression'
])

const PIPE_MESSAGE =
  'A download piped straight into an interpreter runs whatever the server ' +
  '(or anyone who can change the response) sends, with no check. Download ' +
  'to a file, verify its checksum or signature, then run it.'

const pipedIntoInterpreter: TransportCheck = function* ({ text, commands }) {
  // Only a `|` pipes one command into the next; most windows around a
  // `curl` or `wget` have none, and then they need not be read as commands.
  if (!text.includes('|')) return
  const list = commands()
  for (let i = 0; i + 1 < list.length; i++) {
    const command = list[i]!
    if (!command.pipesToNext) continue
    const at = findProgram(command, DOWNLOADERS)
    if (at === -1) continue
    const next = list[i + 1]!
    const interpreter = leadingProgram(next)
    if (interpreter === undefined || !INTERPRETERS.has(interpreter)) continue
    const first = command.words[at]!
    const last = interpreterWord(next) ?? first
    yield {
      start: first.start,
      end: last.end,
      value: `${programName(first)} | ${interpreter}`,
      kind: 'pipeline',
      message: PIPE_MESSAGE
    }
  }
}

function interpreterWord(command: Command) {
  return command.words.find(w => INTERPRETERS.has(programName(w)))
}

// `bash <(curl …)`, `sh -c "$(curl …)"` and PowerShell's
// `iex (iwr …)` / `iex ((New-Object Net.WebClient).DownloadString(…))`.
const SUBSTITUTED =
  /\b(?:ba|z|da|k)?sh\b[^\n|;&]{0,100}?(?:<\(|\$\()[ \t]{0,5}(?:curl|wget)\b|\b(?:iex|invoke-expression)\b[ \t]{0,5}\(?[ \t]{0,5}\(?[ \t]{0,5}(?:iwr|irm|invoke-webrequest|invoke-restmethod|new-object[ \t]{1,5}(?:system\.)?net\.webclient)\b/gi

export const downloadPipedToShell: TextRule = transportRule(
  {
    id: 'download-piped-to-shell',
    severity: 'warning',
    safeguard: '164.312(e)(1)',
    summary: 'Downloaded script run without verification (`curl … | sh`)',
    description:
      'Installer one-liners fetch a script and run it in the same breath. ' +
      'HTTPS proves only which server answered, not that the script is the ' +
      'one that was reviewed; a compromised server or CDN runs its code in ' +
      'the pipeline with its secrets. Download to a file, compare a pinned ' +
      'checksum (`sha256sum -c`) or verify a signature, then run it. ' +
      'Covers `curl`/`wget`/`Invoke-WebRequest` piped into a shell or ' +
      'interpreter, `bash <(curl …)`, `sh -c "$(curl …)"` and `iex (iwr …)`.',
    validation: 'Pipelines are read across continuation lines.',
    examples: {
      bad: 'curl -fsSL https://get.example.com/install.sh | sudo bash',
      good:
        'curl -fsSLo install.sh https://get.example.com/install.sh\n' +
        'echo "$INSTALL_SHA256  install.sh" | sha256sum -c -\nbash install.sh'
    },
    keywords: [
      'curl',
      'wget',
      'iwr',
      'irm',
      'invoke-webrequest',
      'invoke-restmethod',
      'webclient'
    ],
    contextLines: 3
  },
  [
    pipedIntoInterpreter,
    lineCheck(SUBSTITUTED, () => ({ kind: 'pipeline', message: PIPE_MESSAGE }))
  ]
)

const SIGNATURE_FLAGS: Readonly<Record<string, string>> = {
  '--allow-unauthenticated': 'APT installs packages it cannot authenticate.',
  '--force-yes': 'APT `--force-yes` also accepts unauthenticated packages.',
  '--nogpgcheck': 'yum/dnf skip the package signature check.',
  '--no-gpg-checks': 'zypper skips the package signature check.',
  '--allow-untrusted': 'apk installs packages with unknown signatures.',
  '--nosignature': 'rpm skips the package signature check.',
  '--nodigest': 'rpm skips the package digest check.',
  '--no-debsig': 'dpkg skips the package signature check.',
  '--force-bad-verify': 'dpkg installs packages that fail verification.',
  '--ignore-checksums': 'Chocolatey skips the download checksum.',
  '--allow-empty-checksums': 'Chocolatey accepts packages without a checksum.',
  '--skip-integrity-check': 'Yarn skips the lockfile integrity check.'
}

const PACKAGE_MANAGERS = new Set([
  'apt',
  'apt-get',
  'yum',
  'dnf',
  'microdnf',
  'zypper',
  'apk',
  'rpm',
  'dpkg',
  'pip',
  'pip3',
  'npm',
  'yarn',
  'pnpm',
  'gem',
  'choco',
  'nuget',
  'helm',
  'snap',
  'conda',
  'composer',
  'brew'
])

const skippingFlags: TransportCheck = function* ({ commands }) {
  for (const command of commands()) {
    const manager = findProgram(command, PACKAGE_MANAGERS)
    for (let i = 0; i < command.words.length; i++) {
      const word = command.words[i]!
      const flag = word.text.toLowerCase()
      let message = SIGNATURE_FLAGS[flag]
      if (message === undefined && manager !== -1 && manager < i) {
        if (flag === '--no-verify') {
          message = `\`${programName(command.words[manager]!)} --no-verify\` skips verification.`
        } else if (
          flag === '--dangerous' &&
          programName(command.words[manager]!) === 'snap'
        ) {
          message = '`snap install --dangerous` installs an unsigned snap.'
        }
      }
      if (message === undefined) continue
      yield signatureMatch(word.start, word.end, word.text, message)
    }
  }
}

function withFix(message: string): string {
  return (
    `${message} Install the repository's signing key instead ` +
    '(`signed-by=` for APT, `gpgkey=` for yum) and keep checks on.'
  )
}

function signatureMatch(
  start: number,
  end: number,
  value: string,
  message: string
): Match {
  return { start, end, value, kind: 'flag', message: withFix(message) }
}

const SIGNATURE_SETTINGS: readonly [RegExp, string][] = [
  [
    /\b(?:AllowInsecureRepositories|AllowUnauthenticated|AllowDowngradeToInsecureRepositories)["']?(?:[ \t]{0,3}=[ \t]{0,3}|[ \t]{1,3})["']?(?:true|1|yes)\b/gi,
    'This APT option accepts unsigned repositories or packages.'
  ],
  [
    /\[[^\]\n]{0,200}?\btrusted=yes\b[^\]\n]{0,200}\]/gi,
    'An APT source marked `[trusted=yes]` is used without signature checks.'
  ],
  [
    /(?:^|[\s=])(?:repo_|localpkg_)?gpgcheck[ \t]{0,3}=[ \t]{0,3}(?:0|false|no)\b/gim,
    '`gpgcheck=0` makes yum/dnf skip the package signature check.'
  ],
  [
    /\bGOSUMDB["']?[ \t]{0,3}[=:][ \t]{0,3}["']?off\b/g,
    '`GOSUMDB=off` stops Go checking modules against the checksum database.'
  ],
  [
    /\bGOINSECURE["']?[ \t]{0,3}[=:][ \t]{0,3}["']?[^\s"'$]/g,
    '`GOINSECURE` lets Go fetch those modules without TLS or checksum checks.'
  ]
]

export const packageSignatureCheckDisabled: TextRule = transportRule(
  {
    id: 'package-signature-check-disabled',
    severity: 'error',
    safeguard: '164.312(e)(1)',
    summary: 'Package manager told to skip signature or checksum checks',
    description:
      'Signatures and checksums are what make a package downloaded over ' +
      'any network trustworthy; turning them off lets a mirror, proxy or ' +
      'attacker on the path substitute code. Covers APT ' +
      '`--allow-unauthenticated`, `--force-yes`, `[trusted=yes]` and the ' +
      '`AllowUnauthenticated`/`AllowInsecureRepositories` options, yum/dnf ' +
      '`--nogpgcheck` and `gpgcheck=0`, zypper `--no-gpg-checks`, apk ' +
      '`--allow-untrusted`, rpm `--nosignature`/`--nodigest`, dpkg ' +
      '`--no-debsig`, Chocolatey `--ignore-checksums`, snap `--dangerous`, ' +
      'Go `GOSUMDB=off`/`GOINSECURE`, and `--no-verify` given to a ' +
      'package manager (git\u2019s `--no-verify`, which skips hooks, passes).',
    validation: 'Flags count only on the command they belong to.',
    examples: {
      bad: 'apt-get install -y --allow-unauthenticated internal-agent',
      good:
        'curl -fsSLo /usr/share/keyrings/internal.gpg https://apt.internal.example/key.gpg\n' +
        'apt-get install -y internal-agent'
    },
    keywords: [
      'allow-unauthenticated',
      'force-yes',
      'nogpgcheck',
      'no-gpg-checks',
      'allow-untrusted',
      'nosignature',
      'nodigest',
      'no-debsig',
      'force-bad-verify',
      'checksums',
      'integrity-check',
      'no-verify',
      'dangerous',
      'allowinsecurerepositories',
      'allowunauthenticated',
      'allowdowngradetoinsecurerepositories',
      'trusted=yes',
      'gpgcheck',
      'gosumdb',
      'goinsecure'
    ],
    contextLines: 3
  },
  [
    skippingFlags,
    ...SIGNATURE_SETTINGS.map(([pattern, message]) =>
      lineCheck(pattern, () => ({ kind: 'setting', message: withFix(message) }))
    )
  ]
)
