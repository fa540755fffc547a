/**
 * Transmission security (164.312(e)(1)) for SSH: deploy steps and git
 * over SSH check the server's host key, the SSH counterpart of a TLS
 * certificate.
 */
import type { TextRule } from '../rule.js'
import { isTlsPath } from './paths.js'
import { lineCheck, transportRule } from './transport-rule.js'

const FIX =
  'Pin the host key instead: store the server’s `known_hosts` line in a ' +
  'variable or secret and write it before connecting.'

const SETTINGS: readonly [RegExp, string, 'error' | 'warning'][] = [
  [
    /\bStrictHostKeyChecking["']?(?:[ \t]{0,3}=[ \t]{0,3}|[ \t]{1,3})["']?(?:no|off|false)\b/gi,
    '`StrictHostKeyChecking=no` connects to whatever server answers.',
    'error'
  ],
  [
    /\bUserKnownHostsFile["']?(?:[ \t]{0,3}=[ \t]{0,3}|[ \t]{1,3})["']?\/dev\/null\b/gi,
    '`UserKnownHostsFile=/dev/null` forgets every host key, so none is checked.',
    'error'
  ],
  [
    /\b(?:AutoAddPolicy|WarningPolicy)[ \t]{0,3}\(/g,
    'Paramiko’s `AutoAddPolicy`/`WarningPolicy` accepts unknown host keys.',
    'error'
  ],
  [
    /\bssh-keyscan\b[^\n|;&]{0,300}>>?/g,
    '`ssh-keyscan` trusts whichever key answers at run time.',
    'warning'
  ]
]

export const sshHostKeyCheckDisabled: TextRule = transportRule(
  {
    id: 'ssh-host-key-check-disabled',
    severity: 'error',
    safeguard: '164.312(e)(1)',
    summary: 'SSH host key verification turned off or trusted on first use',
    description:
      'The host key is how SSH proves the deploy target or git server is ' +
      'the real one. `StrictHostKeyChecking=no`, `UserKnownHostsFile=' +
      '/dev/null` and Paramiko’s `AutoAddPolicy` skip that proof, and ' +
      '`ssh-keyscan` in the pipeline learns the key from whoever answers ' +
      'at that moment (reported as a warning). A machine in the path can ' +
      'then read what is copied and capture the credentials used. Keep ' +
      'the expected `known_hosts` entry in configuration instead.',
    validation: 'Commented-out lines pass.',
    examples: {
      bad: 'ssh -o StrictHostKeyChecking=no deploy@app.example.com ./release.sh',
      good:
        'echo "$DEPLOY_KNOWN_HOSTS" >> ~/.ssh/known_hosts\n' +
        'ssh deploy@app.example.com ./release.sh'
    },
    keywords: [
      'stricthostkeychecking',
      'userknownhostsfile',
      'autoaddpolicy',
      'warningpolicy',
      'ssh-keyscan'
    ],
    appliesTo: isTlsPath
  },
  SETTINGS.map(([pattern, message, severity]) =>
    lineCheck(pattern, () => ({
      kind: 'setting',
      severity,
      message: `${message} ${FIX}`
    }))
  )
)
