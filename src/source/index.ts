/**
 * Where the text to scan comes from: the commit range of a GitHub event,
 * the added lines of a diff, whole files at a revision, and file trees.
 */
export { readBlobs, type BlobReader } from './blobs.js'
export {
  streamDiff,
  streamStagedDiff,
  type ChangedFile,
  type DiffOptions
} from './diff.js'
export { DEFAULT_MAX_FILE_BYTES } from './diff-parser.js'
export { SourceError, type SourceErrorCode } from './errors.js'
export {
  resolveScanTarget,
  type ScanTarget,
  type ScanTargetInput
} from './event-range.js'
export type { SourceLog } from './git.js'
export {
  listTree,
  looksBinary,
  type TreeFile,
  type TreeOptions
} from './tree.js'
export { resolveCliRange } from './cli-range.js'
