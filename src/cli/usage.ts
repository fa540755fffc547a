/** The CLI's help text. */
export const USAGE = `Usage: hipaa-gate <command> [options]

Commands:
  scan [PATH...]        Scan files, a commit range or the staged changes
  verify [ARTIFACT...]  Verify artifact checksums and Sigstore signatures
  checksums generate FILE...
                        Write a GNU-format checksum manifest
  baseline [PATH...]    Write a baseline that accepts the current findings

scan options:
  --diff BASE[..HEAD]   Scan the lines a commit range adds (BASE...HEAD
                        compares from their merge base; HEAD defaults to HEAD)
  --staged              Scan the lines staged for commit (pre-commit hooks)
  --format FORMAT       text (default), json or sarif
  --output FILE         Write the report to FILE; stdout gets one summary line
  --config FILE         Config file (default .github/hipaa-gate.yml)
  --baseline FILE       Baseline of accepted findings
  --fail-on LEVEL       error (default), warning, note or never
  --max-file-bytes N    Larger files are reported as not scanned (default 2M)
  --quiet               No progress on stderr

verify options:
  --checksums FILE      A checksum manifest (repeatable; globs allowed)
  --bundle FILE         A Sigstore bundle (repeatable); default: beside each
                        artifact (.sigstore.json, .sigstore, .bundle)
  --require-checksum    An artifact in no manifest is an error
  --require-signature   An artifact without a verified bundle is an error
  --certificate-identity ID | --certificate-identity-regexp RE
  --certificate-oidc-issuer URL
  --signer-repository OWNER/REPO  --signer-workflow PATH
  --predicate-type URI  --trusted-root FILE  --key FILE
  --tlog-threshold N    Transparency log entries each bundle needs (default 1)
  --timestamp-threshold N  Verified timestamps each bundle needs (default 1)
  --format, --output, --fail-on as for scan

checksums generate options:
  --algorithm sha256|sha512  (default sha256)
  --output FILE         Write the manifest to FILE instead of stdout

Without --diff or --staged, scan reads the files under PATH (default .),
skipping what .gitignore ignores inside a git work tree.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage, configuration or runtime error.

  --help      Show this help
  --version   Show the version
`
