/**
 * Encryption in transit (164.312(e)(2)(ii)): packages, artifacts and
 * registries are fetched over HTTPS, never plain HTTP, except from this
 * machine.
 */
import { matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { findProgram, isLoopbackUrl } from './shell.js'
import { transportRule, type TransportCheck } from './transport-rule.js'

const MESSAGE =
  'Plain `http://` lets anyone on the network path read the request and ' +
  'replace what comes back. Use the `https://` address of the same ' +
  'server (or mirror it behind TLS).'

// Programs whose URL arguments are downloads, package sources or remotes.
const FETCHERS = new Set([
  'curl',
  'curl.exe',
  'wget',
  'aria2c',
  'http',
  'iwr',
  'irm',
  'invoke-webrequest',
  'invoke-restmethod',
  'start-bitstransfer',
  'add',
  'git',
  'pip',
  'pip3',
  'pipx',
  'uv',
  'poetry',
  'npm',
  'npx',
  'yarn',
  'pnpm',
  'bun',
  'gem',
  'bundle',
  'helm',
  'apk',
  'choco',
  'nuget',
  'dotnet',
  'go',
  'cargo',
  'conda',
  'mamba',
  'mvn',
  'gradle',
  'composer',
  'brew',
  'pecl'
])

// Flags whose value is a package index or registry, whatever the program.
const SOURCE_FLAG =
  /^-(?:i|f|-registry|-index-url|-extra-index-url|-find-links|-source|-repository|-repo|-index)=?$/i

const URL_AT = /http\\?:\/\/[^\s'"<>`)\]]{1,2000}/iy

/** The URL starting at `from` in `text` (sticky match), if any. */
function urlAt(text: string, from: number): string | undefined {
  URL_AT.lastIndex = from
  return URL_AT.exec(text)?.[0]
}

const fetchedOverHttp: TransportCheck = function* ({ text, commands }) {
  for (const command of commands()) {
    // Which word names a fetcher matters only once a URL turns up, and
    // most commands in a window (a JSON or YAML line) hold none.
    let fetcher: number | undefined
    for (let i = 0; i < command.words.length; i++) {
      const word = command.words[i]!
      if (!word.text.includes(':')) continue
      const at = word.text.toLowerCase().search(/http\\?:\/\//)
      if (at === -1) continue
      fetcher ??= findProgram(command, FETCHERS)
      const flag = word.text.slice(0, at)
      const previous = command.words[i - 1]?.text ?? ''
      const inContext =
        (fetcher !== -1 && fetcher < i) ||
        SOURCE_FLAG.test(flag) ||
        (flag === '' && SOURCE_FLAG.test(previous))
      if (!inContext) continue
      // Quotes removed from the word shift offsets, so find the URL in
      // the source span of the word itself.
      const inWord = text
        .slice(word.start, word.end)
        .toLowerCase()
        .search(/http\\?:\/\//)
      if (inWord === -1) continue
      const sourceAt = word.start + inWord
      const url = urlAt(text, sourceAt)
      if (!url || isLoopbackUrl(url)) continue
      yield urlMatch(sourceAt, url)
    }
  }
}

function urlMatch(start: number, url: string): Match {
  return {
    start,
    end: start + url.length,
    value: url,
    kind: 'URL',
    message: MESSAGE
  }
}

// Configuration keys that name where packages come from: `.npmrc`
// `registry=`, pip `index-url`, `PIP_INDEX_URL`, Gradle `distributionUrl`,
// yum `baseurl`, Gemfile `source`, setup-node `registry-url`, and so on.
const SOURCE_NAMES =
  'registry(?:[-_]?(?:server|url))?|(?:extra[-_])?index[-_]?url|' +
  'find[-_]links|distributionurl|baseurl|mirrorlist|goproxy|source|' +
  'repository(?:[-_]?url)?|repo[-_]?url'
const SOURCE_SETTING = new RegExp(
  `(?:^|[^\\w.-])(?:[\\w@:.-]{0,60}[._:-])?(?:${SOURCE_NAMES})["']?` +
    '(?:[ \\t]{0,5}[=:][ \\t]{0,5}|[ \\t]{1,5})["\']?' +
    '(http\\\\?:\\/\\/[^\\s\'"<>`]{1,2000})',
  'gim'
)
// SOURCE_SETTING may start at almost any character, and then reads up to
// 60 characters of a prefix before it can fail. Many windows hold none of
// its names, and a search for those alone says so much sooner.
const SOURCE_NAME = new RegExp(SOURCE_NAMES, 'i')

const configuredOverHttp: TransportCheck = function* ({ text, isComment }) {
  if (!SOURCE_NAME.test(text)) return
  for (const m of matchesOf(SOURCE_SETTING, text)) {
    const url = m[1]!
    const start = m.index + m[0].length - url.length
    if (isComment(start) || isLoopbackUrl(url)) continue
    yield urlMatch(start, url)
  }
}

export const plaintextPackageUrl: TextRule = transportRule(
  {
    id: 'plaintext-package-url',
    severity: 'error',
    safeguard: '164.312(e)(2)(ii)',
    summary: 'Package, artifact or registry fetched over plain HTTP',
    description:
      'Reports `http://` URLs given to downloaders (curl, wget, ' +
      'PowerShell, Dockerfile `ADD`), to git and package managers (pip, ' +
      'npm, yarn, gem, helm, go, …) or to their index and registry ' +
      'flags, and `http://` values of registry, index, mirror and source ' +
      'settings (`.npmrc`, `pip.conf`, `PIP_INDEX_URL`, Gradle ' +
      '`distributionUrl`, yum `baseurl`, Gemfile `source`). URLs on this ' +
      'machine (localhost, 127.0.0.1, ::1) pass. APT `deb http://` lines ' +
      'pass too: APT checks every package against the signed release file.',
    validation:
      'Other `http://` links (documentation, XML namespaces) are not ' +
      'reported: only those in a download, package or registry context.',
    examples: {
      bad: 'pip install --index-url http://pypi.internal.example/simple app',
      good: 'pip install --index-url https://pypi.internal.example/simple app'
    },
    keywords: ['http://', 'http\\://'],
    // The command name can sit a few continuation lines above the URL.
    contextLines: 5
  },
  [fetchedOverHttp, configuredOverHttp]
)
