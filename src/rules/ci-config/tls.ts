/**
 * Transmission security (164.312(e)(1)): nothing in the pipeline turns off
 * certificate verification, which would let anyone on the network path
 * read or replace what is downloaded or sent.
 */
import type { Match, TextRule } from '../rule.js'
import { isTlsPath } from './paths.js'
import { findProgram, isLoopbackUrl, type Word } from './shell.js'
import {
  lineCheck,
  transportRule,
  type TransportCheck
} from './transport-rule.js'

const FIX =
  'Fix the trust store instead (install the CA certificate, or point ' +
  'the tool at it with its CA option) and keep verification on.'

function wordMatch(word: Word, message: string): Match {
  return {
    start: word.start,
    end: word.end,
    value: word.text,
    kind: 'flag',
    message: `${message} ${FIX}`
  }
}

/** Whether every URL the command names is on this machine. */
function onlyLoopback(args: readonly Word[]): boolean {
  const urls = args.filter(w => /^[a-z][\w+.-]{0,20}:\/\//i.test(w.text))
  return urls.length > 0 && urls.every(w => isLoopbackUrl(w.text))
}

// curl's short options that take an argument: in `-so file` the `o` ends
// the cluster, and in `-H -k` the `-k` would be the header's value.
const CURL_ARGUMENT_OPTIONS = new Set('oHdXuAeTwxrmbcFECYyzQtUPKD')
const CURL = new Set(['curl', 'curl.exe'])
const WGET = new Set(['wget', 'wget2'])
const GIT = new Set(['git'])

const curlInsecure: TransportCheck = function* ({ commands }) {
  for (const command of commands()) {
    const at = findProgram(command, CURL)
    if (at === -1) continue
    const args = command.words.slice(at + 1)
    if (onlyLoopback(args)) continue
    for (let i = 0; i < args.length; i++) {
      const word = args[i]!
      const text = word.text
      if (text === '--insecure' || text === '--proxy-insecure') {
        yield wordMatch(word, `curl \`${text}\` skips certificate checks.`)
      } else if (/^-[A-Za-z0-9]{1,30}$/.test(text)) {
        for (let c = 1; c < text.length; c++) {
          const option = text[c]!
          if (option === 'k') {
            yield wordMatch(word, 'curl `-k` skips certificate checks.')
            break
          }
          if (CURL_ARGUMENT_OPTIONS.has(option)) {
            if (c === text.length - 1) i++
            break
          }
        }
      }
    }
  }
}

const wgetInsecure: TransportCheck = function* ({ commands }) {
  for (const command of commands()) {
    const at = findProgram(command, WGET)
    if (at === -1) continue
    const args = command.words.slice(at + 1)
    if (onlyLoopback(args)) continue
    for (const word of args) {
      const text = word.text.toLowerCase()
      if (
        text === '--no-check-certificate' ||
        /^--check-certificate=(?:off|no|0|false)$/.test(text)
      ) {
        yield wordMatch(word, `wget \`${word.text}\` skips certificate checks.`)
      }
    }
  }
}

const GIT_SSL_VERIFY = /^http\.(?:[^\s=]{1,300}\.)?sslverify(?:=(.{0,20}))?$/i
const FALSY = /^(?:false|0|no|off)$/i

const gitSslVerify: TransportCheck = function* ({ commands }) {
  for (const command of commands()) {
    if (findProgram(command, GIT) === -1) continue
    const words = command.words
    for (let i = 0; i < words.length; i++) {
      const m = GIT_SSL_VERIFY.exec(words[i]!.text)
      if (!m) continue
      const value = m[1] ?? words[i + 1]?.text ?? ''
      if (!FALSY.test(value.trim())) continue
      yield wordMatch(
        words[i]!,
        'git `http.sslVerify=false` skips certificate checks.'
      )
    }
  }
}

// Flags several tools share for the same thing.
const INSECURE_FLAG =
  /^--(?:insecure-skip-tls-verify|skip-tls-verify(?:-pull|-registry)?|no-verify-ssl|insecure-registry|allow-insecure-registry|trusted-host)(?:=(.{0,300}))?$|^--(?:src-|dest-)?tls-verify=(?:false|0)$|^-SkipCertificateCheck(?::\$true)?$/i

const sharedFlags: TransportCheck = function* ({ commands }) {
  for (const command of commands()) {
    for (const word of command.words) {
      const m = INSECURE_FLAG.exec(word.text)
      if (!m || (m[1] !== undefined && FALSY.test(m[1]))) continue
      const flag = word.text.split('=')[0]!.toLowerCase()
      const message =
        flag === '-skipcertificatecheck'
          ? 'PowerShell `-SkipCertificateCheck` accepts any certificate.'
          : flag === '--trusted-host'
            ? 'pip `--trusted-host` accepts that host without a valid certificate (and over plain HTTP).'
            : `\`${flag}\` turns off certificate verification.`
      yield wordMatch(word, message)
    }
  }
}

const setting = (name: string): TransportCheck =>
  lineCheck(SETTINGS[name]!, () => ({
    kind: 'setting',
    message: `${MESSAGES[name]!} ${FIX}`
  }))

const SETTINGS: Record<string, RegExp> = {
  node: /\bNODE_TLS_REJECT_UNAUTHORIZED["']?\s{0,5}[:=]\s{0,5}["']?0(?![\d.])/g,
  python: /\bPYTHONHTTPSVERIFY["']?\s{0,5}[:=]\s{0,5}["']?0(?!\d)/g,
  requests: /\bverify\s{0,5}=\s{0,5}False\b/g,
  gitEnv: /\bGIT_SSL_NO_VERIFY["']?\s{0,5}[:=]\s{0,5}["']?(?:1|true|yes)\b/gi,
  gitConfig: /^[ \t]{0,40}sslVerify\s{0,5}=\s{0,5}["']?(?:false|0|no|off)\b/gim,
  npm: /\b(?:npm_config_)?strict[-_]ssl\b["']?(?:\s{0,5}[=:]\s{0,5}|[ \t]{1,5})["']?(?:false|0|no)\b/gi,
  yarn: /\benableStrictSsl["']?\s{0,5}:\s{0,5}["']?false\b/gi,
  pipConfig:
    /^[ \t]{0,40}trusted[-_]host[ \t]{0,5}[=:]|\bPIP_TRUSTED_HOST["']?\s{0,5}[=:]\s{0,5}["']?[^\s"']/gim,
  goTls:
    /\binsecure[-_]skip[-_](?:tls[-_])?verify["']?\s{0,5}[:=]\s{0,5}["']?true\b/gi,
  curlrc: /^[ \t]{0,40}-{0,2}insecure[ \t]{0,40}$/gim,
  wgetrc:
    /^[ \t]{0,40}check[-_]certificate[ \t]{0,5}=[ \t]{0,5}(?:off|0|no|false)\b/gim,
  powershell:
    /\bServerCertificateValidationCallback[ \t]{0,5}=[ \t]{0,5}\{[ \t]{0,5}\$true[ \t]{0,5}\}/gi,
  maven: /-Dmaven\.wagon\.http\.ssl\.(?:insecure|allowall)=true\b/g
}

const MESSAGES: Record<string, string> = {
  node: '`NODE_TLS_REJECT_UNAUTHORIZED=0` makes Node.js accept any certificate.',
  python: '`PYTHONHTTPSVERIFY=0` makes Python skip certificate checks.',
  requests: '`verify=False` makes the HTTP client accept any certificate.',
  gitEnv: '`GIT_SSL_NO_VERIFY` makes git skip certificate checks.',
  gitConfig: 'git `sslVerify = false` skips certificate checks.',
  npm: 'npm/yarn `strict-ssl false` accepts any registry certificate.',
  yarn: 'Yarn `enableStrictSsl: false` accepts any registry certificate.',
  pipConfig:
    'pip `trusted-host` accepts that host without a valid certificate.',
  goTls: '`insecure_skip_verify: true` accepts any certificate.',
  curlrc:
    'An `insecure` line in .curlrc turns off certificate checks for every curl call.',
  wgetrc:
    '`check_certificate = off` turns off certificate checks for every wget call.',
  powershell:
    'A certificate validation callback that returns `$true` accepts any certificate.',
  maven: 'Maven `-Dmaven.wagon.http.ssl.insecure=true` accepts any certificate.'
}

export const tlsVerificationDisabled: TextRule = transportRule(
  {
    id: 'tls-verification-disabled',
    severity: 'error',
    safeguard: '164.312(e)(1)',
    summary: 'TLS certificate verification turned off',
    description:
      'With verification off, TLS still encrypts but no longer proves who ' +
      'is on the other end, so anyone on the network path can impersonate ' +
      'the registry, API or database and read or replace what passes. ' +
      'Covers `curl -k`/`--insecure`, `wget --no-check-certificate`, ' +
      '`NODE_TLS_REJECT_UNAUTHORIZED=0`, npm/yarn `strict-ssl false`, git ' +
      '`http.sslVerify=false` and `GIT_SSL_NO_VERIFY`, Python ' +
      '`verify=False` and `PYTHONHTTPSVERIFY=0`, pip `--trusted-host`, and ' +
      'the `--insecure-skip-tls-verify`, `--skip-tls-verify`, ' +
      '`--tls-verify=false` and `--no-verify-ssl` flags of kubectl, helm, ' +
      'kaniko, podman, skopeo and the AWS CLI, PowerShell ' +
      '`-SkipCertificateCheck` and certificate callbacks returning ' +
      '`$true`, and Maven `maven.wagon.http.ssl.insecure`. A curl or wget ' +
      'call whose URLs are all on this machine (localhost, 127.0.0.1, ' +
      '::1) passes.',
    validation:
      'Commands are read word by word, so a flag counts only for the ' +
      'program it belongs to; commented-out lines pass.',
    examples: {
      bad: 'curl -fsSLk https://downloads.example.com/tool.tar.gz -o tool.tgz',
      good:
        'curl -fsSL --cacert /etc/ssl/corp-ca.pem ' +
        'https://downloads.example.com/tool.tar.gz -o tool.tgz'
    },
    keywords: [
      'curl',
      'wget',
      'verify',
      'insecure',
      'strict-ssl',
      'strict_ssl',
      'strictssl',
      'trusted-host',
      'trusted_host',
      'reject_unauthorized',
      'certificate',
      'check_certificate',
      'allowall'
    ],
    // Flags often sit on a continuation line below the command name.
    contextLines: 5,
    appliesTo: isTlsPath
  },
  [
    curlInsecure,
    wgetInsecure,
    gitSslVerify,
    sharedFlags,
    ...Object.keys(SETTINGS).map(setting)
  ]
)
