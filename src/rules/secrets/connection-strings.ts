/**
 * Passwords embedded in URLs and connection strings: database and broker
 * URLs, HTTP basic auth, JDBC parameters and ADO.NET key/value strings.
 */
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { isPlaceholder } from './checks/placeholder.js'

const SCHEMES = [
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'mongodb',
  'mongodb+srv',
  'redis',
  'rediss',
  'amqp',
  'amqps',
  'mssql',
  'sqlserver',
  'cockroachdb',
  'clickhouse',
  'couchdb',
  'neo4j',
  'neo4j+s',
  'nats',
  'ldap',
  'ldaps',
  'ftp',
  'sftp',
  'smtp',
  'smtps',
  'imap',
  'imaps'
]

const SCHEME_PATTERN = SCHEMES.map(s => s.replace('+', '\\+'))
  .sort((a, b) => b.length - a.length)
  .join('|')

// user:password@host. The user and password stop at the characters a URL
// would have to escape, so a match cannot run across a sentence.
const USERINFO =
  '(?<user>[^\\s:@/"\'<>`]{1,100}):(?<secret>[^\\s:@/"\'<>`]{1,200})@' +
  '(?<host>[A-Za-z0-9.[\\]_-]{1,253})'

const DATABASE_URL = new RegExp(
  `(?<![A-Za-z0-9+])(?:${SCHEME_PATTERN})://${USERINFO}`,
  'gi'
)
const HTTP_URL = new RegExp(`(?<![A-Za-z0-9+])https?://${USERINFO}`, 'gi')
const JDBC =
  /jdbc:[a-z0-9]{2,20}:[^\s"'<>]{0,300}?[;?&:]password=(?<secret>[^\s;&"'<>]{1,200})/gi
const ADO_NET =
  /(?:Server|Data Source|Host|Address)\s{0,2}=[^;"'\n]{1,200};[^"'\n]{0,300}?(?:Password|Pwd)\s{0,2}=\s{0,2}(?<secret>[^;"'\s]{1,200})/gi

// Passwords that documentation and local defaults use; none protects data.
const DEFAULT_PASSWORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'changeme',
  'admin',
  'root',
  'guest',
  'test',
  'user',
  'postgres',
  'mysql',
  'redis',
  'mongo',
  'foo',
  'bar',
  'baz',
  'x',
  'xxx',
  '123',
  '1234',
  '123456',
  'token',
  'x-oauth-basic'
])
const DOCUMENTATION_HOST =
  /^(?:[a-z0-9-]{1,60}\.)?example\.(?:com|org|net)$|^(?:host|hostname|server|domain)$/i

/** Whether a password found in a URL is a real one. */
export function isRealUrlPassword(password: string, host: string): boolean {
  let decoded = password
  try {
    decoded = decodeURIComponent(password)
  } catch {
    // A malformed escape is kept as written.
  }
  if (DEFAULT_PASSWORDS.has(decoded.toLowerCase())) return false
  if (isPlaceholder(decoded) || /^[$%:]/.test(decoded)) return false
  if (/^\*+$/.test(decoded) || decoded.length < 3) return false
  return !DOCUMENTATION_HOST.test(host)
}

const HELP =
  'https://owasp.org/www-project-top-ten/2017/A3_2017-Sensitive_Data_Exposure'

function urlRule(
  id: string,
  summary: string,
  what: string,
  keywords: readonly string[],
  pattern: RegExp,
  needs?: string
): TextRule {
  return {
    kind: 'text',
    id,
    category: 'secret',
    severity: 'error',
    safeguard: '164.312(a)(1)',
    summary,
    description:
      `Finds ${what} with the password written in them. The password ` +
      'grants the account’s access to the server it names. Change it on ' +
      'the server and build the URL from a secret at run time.',
    provider: 'Any (service account password)',
    helpUri: HELP,
    keywords,
    reach: 800,
    redaction: 'prefix',
    validation:
      'A non-empty user and password; not a placeholder, reference, ' +
      'masked value, well-known default password or documentation host.',
    // Most windows around `https://` are a plain link.
    ...(needs !== undefined ? { needs } : {}),
    *detect(text: string): Iterable<Match> {
      for (const m of matchesOf(pattern, text)) {
        const secret = m.groups!.secret!
        if (!isRealUrlPassword(secret, m.groups!.host ?? '')) continue
        if (/\$\{|\{\{|^<|^\$/.test(m.groups!.user ?? '')) continue
        const start = m.index + m[0].lastIndexOf(secret)
        yield {
          start,
          end: start + secret.length,
          value: secret,
          message:
            `Password embedded in one of the ${what}. It grants the ` +
            'account’s access to that server. Change the password and ' +
            `read it from a secret at run time. See ${HELP}`,
          properties: { provider: 'connection string' }
        }
      }
    }
  }
}

export const connectionStringRules: readonly TextRule[] = [
  urlRule(
    'database-url-password',
    'Password in a database, broker or mail server URL',
    'database, message broker, directory and mail server URLs',
    SCHEMES.map(s => `${s}://`),
    DATABASE_URL,
    '@'
  ),
  urlRule(
    'url-basic-auth-password',
    'Password in an HTTP(S) URL (basic authentication)',
    'HTTP and HTTPS URLs',
    ['http://', 'https://'],
    HTTP_URL,
    '@'
  ),
  urlRule(
    'jdbc-password',
    'Password parameter in a JDBC URL',
    'JDBC URLs',
    ['jdbc:'],
    JDBC
  ),
  urlRule(
    'ado-net-connection-string-password',
    'Password in an ADO.NET or ODBC connection string',
    'ADO.NET and ODBC connection strings',
    ['password=', 'pwd=', 'password =', 'pwd ='],
    ADO_NET
  )
]
