/**
 * One scan, start to finish: walk what the scope names (a diff, the staged
 * changes, a tree), feed each file to the engine, and apply suppression.
 * Files are read one at a time so memory stays flat as the change grows.
 */
import { Engine } from '../engine/engine.js'
import type { Baseline } from '../findings/baseline.js'
import { severityRank, type Finding } from '../findings/finding.js'
import { suppressor } from '../findings/suppress.js'
import type { Rule, RuleMetadata } from '../rules/rule.js'
import type { GateConfig } from '../settings/config.js'
import {
  listTree,
  readBlobs,
  streamDiff,
  streamStagedDiff,
  type ChangedFile
} from '../source/index.js'
import type { CommitRange, ScanStats, SkippedFile } from './result.js'

export type ScanScope =
  | ({ readonly kind: 'diff' } & CommitRange)
  | { readonly kind: 'staged' }
  | {
      readonly kind: 'tree'
      readonly source: 'worktree' | 'head'
      /** For `head`: the commit whose tree is scanned. */
      readonly ref?: string
      readonly paths?: readonly string[]
    }

export interface ScanOptions {
  /** The repository work tree (or any folder, for a worktree scan). */
  readonly cwd: string
  readonly scope: ScanScope
  readonly rules: readonly Rule[]
  readonly config: GateConfig
  readonly baseline?: Baseline
  readonly maxFileBytes: number
  /** Receives every matched value first, to mask it in logs. */
  readonly onValue?: (value: string, rule: RuleMetadata) => void
  /** Decisions worth a debug line: skipped files, loaded documents. */
  readonly debug?: (message: string) => void
  /** Called after each file, for progress displays. */
  readonly onProgress?: (files: number, bytes: number) => void
}

export interface ScanOutcome {
  readonly findings: readonly Finding[]
  readonly stats: ScanStats
}

const SAMPLE_BYTES = 4096

export async function scan(options: ScanOptions): Promise<ScanOutcome> {
  const { scope, cwd } = options
  const engine = new Engine(options.rules, {
    severities: options.config.severities,
    ...(options.onValue ? { onValue: options.onValue } : {})
  })
  const readsBinary = options.rules.some(
    r => r.kind === 'document' && r.binary === true
  )
  const found: Finding[] = []
  const skipped: SkippedFile[] = []
  const totals = { files: 0, lines: 0, bytes: 0 }
  const debug = options.debug ?? (() => undefined)
  // A loop, not push(...list): a file can yield more findings than a
  // spread may pass as arguments.
  const add = (list: readonly Finding[]): void => {
    for (const finding of list) found.push(finding)
  }
  // A file's text and document findings, merged so that an identifier a
  // record finding already lists is not reported a second time.
  const addFile = (text: readonly Finding[], records: readonly Finding[]) => {
    add(records.length === 0 ? text : withoutRecordedTokens(text, records))
    add(records)
  }

  const count = (lines: number, bytes: number): void => {
    totals.files++
    totals.lines += lines
    totals.bytes += bytes
    options.onProgress?.(totals.files, totals.bytes)
  }

  const scanBinary = (path: string, bytes: Buffer, changed: boolean) => {
    const sample = bytes.subarray(0, SAMPLE_BYTES).toString('latin1')
    if (!readsBinary || !engine.wantsDocument(path, sample)) return false
    add(
      engine.scanDocument({
        path,
        text: '',
        bytes,
        fullScan: !changed,
        isChanged: () => true
      })
    )
    count(0, bytes.length)
    return true
  }

  if (scope.kind === 'tree') {
    for await (const file of listTree({
      cwd,
      mode: scope.source,
      ...(scope.ref ? { ref: scope.ref } : {}),
      ...(scope.paths ? { paths: [...scope.paths] } : {}),
      maxFileBytes: options.maxFileBytes
    })) {
      if (file.tooLarge) {
        skipped.push({ path: file.path, reason: 'too-large', bytes: file.size })
        continue
      }
      if (file.binary) {
        if (!readsBinary || !scanBinary(file.path, await file.read(), false)) {
          skipped.push({ path: file.path, reason: 'binary', bytes: file.size })
        }
        continue
      }
      const text = (await file.read()).toString('utf8')
      addFile(
        engine.scanText(file.path, text),
        engine.wantsDocument(file.path, text.slice(0, SAMPLE_BYTES))
          ? engine.scanDocument({
              path: file.path,
              text,
              fullScan: true,
              isChanged: () => true
            })
          : []
      )
      count(lineCount(text), file.size)
    }
  } else {
    // In a diff the head revision is where whole files are read from; for
    // staged changes it is the index (`:path`).
    const blobs = readBlobs(cwd)
    const readAtHead = (path: string, limit?: number) =>
      scope.kind === 'diff'
        ? limit === undefined
          ? blobs.read(scope.head, path)
          : blobs.readObject(`${scope.head}:${path}`, limit)
        : blobs.readObject(`:${path}`, limit)
    try {
      const files: AsyncIterable<ChangedFile> =
        scope.kind === 'diff'
          ? streamDiff({
              cwd,
              base: scope.base,
              head: scope.head,
              maxFileBytes: options.maxFileBytes
            })
          : streamStagedDiff({ cwd, maxFileBytes: options.maxFileBytes })
      for await (const file of files) {
        if (file.submodule) {
          skipped.push({ path: file.path, reason: 'submodule' })
          continue
        }
        if (file.binary) {
          // One byte past the cap is enough to know a file is too large.
          const bytes = readsBinary
            ? await readAtHead(file.path, options.maxFileBytes + 1)
            : null
          if (
            !bytes ||
            bytes.length > options.maxFileBytes ||
            !scanBinary(file.path, bytes, true)
          ) {
            skipped.push({
              path: file.path,
              reason: 'binary',
              ...(bytes ? { bytes: bytes.length } : {})
            })
          }
          continue
        }
        if (file.tooLarge) {
          skipped.push({
            path: file.path,
            reason: 'too-large',
            bytes: file.addedBytes
          })
          continue
        }
        if (file.lineNumbers.length === 0) continue

        const textFindings = engine.scanText(
          file.path,
          file.text,
          file.lineNumbers
        )
        let records: Finding[] = []
        if (engine.wantsDocument(file.path, file.text.slice(0, SAMPLE_BYTES))) {
          debug(`reading ${file.path} whole for its structure`)
          const text = (await readAtHead(file.path)).toString('utf8')
          const changed = new Set(file.lineNumbers)
          records = engine.scanDocument({
            path: file.path,
            text,
            fullScan: false,
            isChanged: line => changed.has(line)
          })
        }
        addFile(textFindings, records)
        count(file.lineNumbers.length, file.addedBytes)
      }
    } finally {
      blobs.close()
    }
  }

  for (const s of skipped) debug(`not scanned as text: ${s.path} (${s.reason})`)
  const suppress = suppressor({
    ignorePaths: options.config.ignorePaths,
    ...(options.baseline ? { baseline: options.baseline } : {})
  })
  return {
    findings: found.map(suppress),
    stats: {
      mode: scope.kind === 'tree' ? 'full' : 'diff',
      ...(scope.kind === 'diff'
        ? {
            range: {
              base: scope.base,
              head: scope.head,
              description: scope.description
            }
          }
        : {}),
      filesScanned: totals.files,
      linesScanned: totals.lines,
      bytesScanned: totals.bytes,
      skipped
    }
  }
}

/**
 * Drops PHI token findings (an SSN, a card number) that lie inside a PHI
 * record finding of the same file and at least as severe: the record
 * already names them, and one patient should be one finding.
 */
function withoutRecordedTokens(
  text: readonly Finding[],
  documents: readonly Finding[]
): readonly Finding[] {
  const records = documents.filter(f => f.category === 'phi')
  if (records.length === 0) return text
  return text.filter(
    f =>
      f.category !== 'phi' ||
      !records.some(
        r =>
          r.line <= f.line &&
          f.endLine <= r.endLine &&
          // Never hide a token behind a milder record finding.
          severityRank(r.severity) <= severityRank(f.severity)
      )
  )
}

function lineCount(text: string): number {
  if (text.length === 0) return 0
  let lines = 1
  for (
    let at = text.indexOf('\n');
    at !== -1;
    at = text.indexOf('\n', at + 1)
  ) {
    lines++
  }
  return text.endsWith('\n') ? lines - 1 : lines
}
