/**
 * Encryption in transit (164.312(e)(2)(ii)) for database connections: a
 * connection string must not turn TLS off or accept any certificate.
 */
import { matchesOf } from '../regex.js'
import type { TextRule } from '../rule.js'
import { isLoopbackHost, perLine } from './shell.js'
import { transportRule, type TransportCheck } from './transport-rule.js'

const SETTINGS: readonly [RegExp, string][] = [
  [
    /\b(?:pg)?sslmode["']?\s{0,3}[=:]\s{0,3}["']?disable\b/gi,
    '`sslmode=disable` sends queries and results in clear text.'
  ],
  [
    /\bssl[-_]mode["']?\s{0,3}[=:]\s{0,3}["']?disabled\b/gi,
    '`ssl-mode=DISABLED` sends queries and results in clear text.'
  ],
  [
    /\buse_?ssl["']?\s{0,3}[=:]\s{0,3}["']?false\b/gi,
    '`useSSL=false` sends queries and results in clear text.'
  ],
  [
    /[?&;](?:ssl|tls)\s{0,3}=\s{0,3}false\b/gi,
    '`ssl=false` / `tls=false` sends queries and results in clear text.'
  ],
  [
    /(?:^|[;?&])[ \t]{0,3}encrypt\s{0,3}=\s{0,3}(?:false|no|optional)\b/gim,
    '`Encrypt=False` lets the connection run without TLS.'
  ],
  [
    /\btrustservercertificate\s{0,3}=\s{0,3}(?:true|yes)\b/gi,
    '`TrustServerCertificate=True` accepts any server certificate.'
  ],
  [/--skip-ssl\b/g, '`--skip-ssl` connects without TLS.']
]

// Hosts named on a line: URL authorities and `host=`-style settings.
const URL_HOST =
  /[a-z][\w+.-]{0,20}:\/\/(?:[^@/\s]{0,200}@)?(\[[^\]\s]{1,60}\]|[^:/\s?#'",;]{1,253})/gi
const HOST_SETTING =
  /\b(?:host|hostaddr|server|data source|pghost|addr|address)["']?\s{0,3}[=:]\s{0,3}["']?(?:tcp:)?(\[[^\]\s]{1,60}\]|[^\s;,:'"\\]{1,253})/gi

/** True when the line names at least one host and all are loopback. */
function loopbackOnly(line: string): boolean {
  const hosts = [...matchesOf(URL_HOST, line), ...matchesOf(HOST_SETTING, line)]
    .map(m => m[1]!.toLowerCase())
    .filter(host => !host.includes('${') && !host.startsWith('$'))
  return hosts.length > 0 && hosts.every(isLoopbackHost)
}

const insecureConnection: TransportCheck = function* ({ text, isComment }) {
  const local = perLine(text, loopbackOnly)
  for (const [pattern, message] of SETTINGS) {
    for (const m of matchesOf(pattern, text)) {
      const lead = m[0].search(/[^;?&\s]/)
      const start = m.index + Math.max(0, lead)
      if (isComment(start) || local(start)) continue
      const value = text.slice(start, m.index + m[0].length)
      yield {
        start,
        end: start + value.length,
        value,
        kind: 'connection setting',
        message:
          `${message} Require TLS (\`sslmode=verify-full\`, ` +
          '`ssl-mode=VERIFY_IDENTITY`, `Encrypt=True`) with the server’s CA.'
      }
    }
  }
}

export const databaseTlsDisabled: TextRule = transportRule(
  {
    id: 'database-tls-disabled',
    severity: 'error',
    safeguard: '164.312(e)(2)(ii)',
    summary: 'Database connection with TLS turned off or unverified',
    description:
      'Covers PostgreSQL `sslmode=disable` (and `PGSSLMODE`), MySQL ' +
      '`ssl-mode=DISABLED`, `useSSL=false` and `--skip-ssl`, MongoDB and ' +
      'JDBC `ssl=false`/`tls=false`, and SQL Server `Encrypt=False` and ' +
      '`TrustServerCertificate=True`. A line whose hosts are all on this ' +
      'machine (localhost, 127.0.0.1, ::1) passes: nothing crosses a ' +
      'network. A service container reached by its name (`postgres:5432`) ' +
      'is reported; it is a network hop, so use TLS there or allow it ' +
      'inline with the reason.',
    validation:
      'Hosts are read from URLs and `host=`/`Server=` settings on the same line.',
    examples: {
      bad: 'DATABASE_URL=postgres://app@db.internal.example:5432/app?sslmode=disable',
      good: 'DATABASE_URL=postgres://app@db.internal.example:5432/app?sslmode=verify-full'
    },
    keywords: [
      'sslmode',
      'ssl-mode',
      'ssl_mode',
      'usessl',
      'use_ssl',
      'ssl=',
      'tls=',
      'encrypt',
      'trustservercertificate',
      'skip-ssl'
    ]
  },
  [insecureConnection]
)
