/**
 * Credentials in the configuration files of package managers and tools:
 * `.npmrc`, `.pypirc`, `.netrc`, Docker `config.json` and kubeconfig.
 */
import { anyLineStartsWith, matchesOf } from '../regex.js'
import type { Match, TextRule } from '../rule.js'
import { shannonEntropy } from './checks/entropy.js'
import { isPlaceholder } from './checks/placeholder.js'

interface ConfigCredential {
  readonly id: string
  readonly file: string
  readonly summary: string
  readonly grants: string
  readonly revoke: string
  readonly helpUri: string
  readonly keywords: readonly string[]
  readonly pattern: RegExp
  readonly contextLines?: number
  /** Whether the window is the right kind of file at all. */
  readonly requires?: (text: string) => boolean
  readonly appliesTo?: (path: string) => boolean
  /** Whether the captured value is a real credential. */
  readonly accept: (value: string) => boolean
  readonly validation: string
}

/** A value someone typed in place of a credential, or a reference. */
function isRealValue(value: string, minLength = 8): boolean {
  return (
    value.length >= minLength &&
    !isPlaceholder(value) &&
    shannonEntropy(value) >= 2.5
  )
}

/** Decodes a Docker `auth` value; real ones are base64 of `user:secret`. */
export function isDockerAuth(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 1 || !/^[\x20-\x7e]+$/.test(decoded)) return false
  return isRealValue(decoded.slice(colon + 1), 4)
}

/** Whether base64 `value` decodes to a PEM private key. */
export function isBase64PrivateKey(value: string): boolean {
  const decoded = Buffer.from(value.slice(0, 200), 'base64').toString('latin1')
  return /-----BEGIN [A-Z ]{0,30}PRIVATE KEY-----/.test(decoded)
}

function configRule(spec: ConfigCredential): TextRule {
  const message =
    `${spec.summary} committed. It grants ${spec.grants}. ${spec.revoke} ` +
    `See ${spec.helpUri}`
  return {
    kind: 'text',
    id: spec.id,
    category: 'secret',
    severity: 'error',
    safeguard: '164.312(a)(1)',
    summary: spec.summary,
    description:
      `Finds credentials written into ${spec.file}. They grant ` +
      `${spec.grants}. ${spec.revoke} Keep the file out of the repository ` +
      'or reference an environment variable in it.',
    provider: spec.file,
    helpUri: spec.helpUri,
    keywords: spec.keywords,
    redaction: 'prefix',
    validation: spec.validation,
    ...(spec.contextLines
      ? { contextLines: spec.contextLines }
      : { reach: 2000 }),
    ...(spec.appliesTo ? { appliesTo: spec.appliesTo } : {}),
    *detect(text: string): Iterable<Match> {
      if (spec.requires && !spec.requires(text)) return
      for (const m of matchesOf(spec.pattern, text)) {
        const value = m.groups!.secret!
        if (!spec.accept(value)) continue
        const start = m.index + m[0].lastIndexOf(value)
        yield {
          start,
          end: start + value.length,
          value,
          message,
          properties: { provider: spec.file }
        }
      }
    }
  }
}

// A line that makes the window a kubeconfig. The window is 61 lines, and
// in a bundle that can be megabytes of minified code.
const KUBECONFIG_LINE =
  /[ \t]{0,8}(?:kind:[ \t]{0,4}["']?Config["']?[ \t]{0,4}(?:\n|$)|current-context:|users:)/y

const CONFIG: readonly ConfigCredential[] = [
  {
    id: 'npmrc-auth-token',
    file: '.npmrc / .yarnrc.yml',
    summary: 'npm registry credential in an npm or Yarn configuration',
    grants: 'publishing (or reading private) packages on that registry',
    revoke: 'Revoke the token on the registry (npm token revoke).',
    helpUri:
      'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
    keywords: ['_authtoken', '_auth', '_password', 'npmauthtoken'],
    pattern:
      // npmrc keys take `=`; Yarn's npmAuthToken takes `:`. A colon after
      // `_password` is a parameter or property (`_password: KDFInput`).
      /(?:(?:_authToken|_auth|_password)["']?\s{0,4}=|npmAuthToken["']?\s{0,4}:)\s{0,4}["']?(?<secret>[^\s"'$]{8,500})/g,
    accept: value => isRealValue(value),
    validation:
      'A value of 8 or more characters that is not `${NPM_TOKEN}` or another reference.'
  },
  {
    id: 'pypirc-password',
    file: '.pypirc',
    summary: 'Package index password or token in .pypirc',
    grants: 'uploading releases to the index as its user',
    revoke: 'Revoke the API token on the index and use trusted publishing.',
    helpUri: 'https://packaging.python.org/en/latest/specifications/pypirc/',
    keywords: ['password'],
    appliesTo: path => /(?:^|\/)\.pypirc$/.test(path),
    pattern:
      /^[ \t]{0,8}password[ \t]{0,4}[=:][ \t]{0,4}(?<secret>\S{6,400})/gm,
    accept: value => isRealValue(value, 6),
    validation:
      'A `password` entry in a `.pypirc` file that is not a placeholder.'
  },
  {
    id: 'netrc-password',
    file: '.netrc',
    summary: 'Password in a netrc machine entry',
    grants: 'logging in to the named machine as the entry’s user',
    revoke: 'Change the password or revoke the token used as one.',
    helpUri: 'https://everything.curl.dev/usingcurl/netrc.html',
    keywords: ['machine'],
    contextLines: 3,
    pattern:
      /(?:^|\s)machine[ \t]{1,10}\S{1,253}[\s\S]{0,300}?\spassword[ \t]{1,10}(?<secret>\S{3,400})/g,
    accept: value => isRealValue(value, 6),
    validation:
      'A `machine … password …` entry whose password is not a placeholder.'
  },
  {
    id: 'docker-config-auth',
    file: 'Docker config.json',
    summary: 'Registry credential in a Docker config.json `auths` entry',
    grants: 'pulling and pushing images on that registry as the user',
    revoke:
      'Revoke the registry token or change the password; use a credential helper.',
    helpUri:
      'https://docs.docker.com/reference/cli/docker/login/#credential-stores',
    keywords: ['"auth"', '"identitytoken"'],
    pattern:
      /"(?:auth|identitytoken)"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9+/._-]{8,2000}={0,2})"/g,
    accept: value =>
      isDockerAuth(value) || (value.length >= 32 && isRealValue(value)),
    validation:
      'An `auth` value that decodes to `user:password` with a real password, or an identity token.'
  },
  {
    id: 'kubeconfig-user-token',
    file: 'kubeconfig',
    summary: 'Bearer token of a kubeconfig user',
    grants: 'the cluster access of that user or service account',
    revoke:
      'Delete the service account token Secret or revoke the user’s credential.',
    helpUri:
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/',
    keywords: ['token:'],
    contextLines: 30,
    requires: text => anyLineStartsWith(KUBECONFIG_LINE, text),
    pattern:
      /(?:^|\n)[ \t-]{0,20}(?:token|id-token|refresh-token)[ \t]{0,4}:[ \t]{0,4}["']?(?<secret>[A-Za-z0-9._~+/=-]{20,4000})/g,
    accept: value => isRealValue(value, 20),
    validation:
      'A `token` under a kubeconfig (a file with `users:` or `kind: Config`).'
  },
  {
    id: 'kubeconfig-client-key',
    file: 'kubeconfig',
    summary: 'Client certificate private key embedded in a kubeconfig',
    grants: 'the cluster access of the certificate’s user',
    revoke:
      'Revoke the certificate (rotate the cluster CA if it cannot be revoked).',
    helpUri:
      'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/',
    keywords: ['client-key-data'],
    pattern:
      /client-key-data[ \t]{0,4}:[ \t]{0,4}["']?(?<secret>[A-Za-z0-9+/]{40,20000}={0,2})/g,
    accept: isBase64PrivateKey,
    validation: 'The base64 value decodes to a PEM private key.'
  }
]

export const configFileRules = CONFIG.map(configRule)
