/**
 * Artifact uploads: which steps publish files from the workspace, and
 * whether they take hidden files such as `.git/config` along.
 */
import { actionName, usesAction, type Job, type Step } from './workflow.js'
import { scalarAt, scalarText, spanOf } from './yaml-nodes.js'

const UPLOAD_ARTIFACT = 'actions/upload-artifact'
const UPLOADERS = [UPLOAD_ARTIFACT, 'actions/upload-pages-artifact']

/** The steps of `job` that upload an artifact. */
export function uploadSteps(job: Job): Step[] {
  return job.steps.filter(step => UPLOADERS.some(a => usesAction(step, a)))
}

const COMMIT_SHA = /^[0-9a-f]{40}$/i
const VERSION = /^v?(\d{1,4})(?:\.(\d{1,4}))?/
// The version comment that follows a pinned SHA: `@<sha> # v4.6.2`.
const VERSION_COMMENT =
  /^[^\n#]{0,200}#[ \t]{0,10}(v?\d{1,4}(?:\.\d{1,4}){0,2})/

/**
 * Whether an upload step can include `.git`. `actions/upload-artifact`
 * leaves hidden files out since v4.4 unless `include-hidden-files: true`;
 * earlier versions, and a version the gate cannot tell (a branch, a SHA
 * without a version comment), are assumed to include them.
 * `upload-pages-artifact` never archives `.git`.
 */
export function uploadsHiddenFiles(step: Step, text: string): boolean {
  if (actionName(step.uses) !== UPLOAD_ARTIFACT) return false
  const hidden = scalarText(scalarAt(step.with, 'include-hidden-files'))
  if (hidden?.trim().toLowerCase() === 'true') return true

  const reference = scalarText(step.uses) ?? ''
  let version = reference.slice(reference.lastIndexOf('@') + 1).trim()
  if (COMMIT_SHA.test(version)) {
    const span = step.uses && spanOf(step.uses)
    const rest = span ? text.slice(span.end, span.end + 200) : ''
    version = VERSION_COMMENT.exec(rest)?.[1] ?? ''
  }
  const m = VERSION.exec(version)
  if (!m) return true
  const major = Number(m[1])
  const minor = m[2] === undefined ? undefined : Number(m[2])
  // A bare `v4` follows the newest v4 release.
  return major < 4 || (major === 4 && minor !== undefined && minor < 4)
}
