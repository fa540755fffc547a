/**
 * Annotations through workflow commands (`::error file=…::`), the channel
 * that needs no API permission: used when the check run cannot be created
 * (fork pull requests) or could not be completed. GitHub shows at most ten
 * annotations of each level per step, so the most severe go first and the
 * result says how many will not be shown, for the summary to tell.
 */
import * as core from '@actions/core'
import type { Finding } from '../findings/finding.js'
import {
  annotationsFor,
  type Annotation,
  type AnnotationLevel
} from './annotations.js'

/** GitHub's limit on annotations of one level from one step. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10

/** Where the commands go; `@actions/core` unless a test passes its own. */
export interface WorkflowCommandSink {
  error(message: string, properties: core.AnnotationProperties): void
  warning(message: string, properties: core.AnnotationProperties): void
  notice(message: string, properties: core.AnnotationProperties): void
}

export interface WorkflowAnnotationResult {
  /** Annotations emitted, per level. */
  readonly emitted: Readonly<Record<AnnotationLevel, number>>
  /** Of those, how many GitHub will not display, per level. */
  readonly notShown: Readonly<Record<AnnotationLevel, number>>
}

const coreSink: WorkflowCommandSink = {
  error: (m, p) => core.error(m, p),
  warning: (m, p) => core.warning(m, p),
  notice: (m, p) => core.notice(m, p)
}

function properties(a: Annotation): core.AnnotationProperties {
  return {
    title: a.title,
    file: a.path,
    startLine: a.startLine,
    endLine: a.endLine,
    ...(a.startColumn !== undefined
      ? { startColumn: a.startColumn, endColumn: a.endColumn }
      : {})
  }
}

/**
 * Emits one annotation per active finding, most severe first. Every one is
 * written to the log even past GitHub's display limit, so the log stays a
 * complete record; `@actions/core` escapes the command syntax in messages
 * and properties, so a file name cannot end or forge a command.
 */
export function emitWorkflowAnnotations(
  findings: readonly Finding[],
  sink: WorkflowCommandSink = coreSink
): WorkflowAnnotationResult {
  const emitted: Record<AnnotationLevel, number> = {
    failure: 0,
    warning: 0,
    notice: 0
  }
  for (const a of annotationsFor(findings)) {
    const props = properties(a)
    if (a.level === 'failure') sink.error(a.message, props)
    else if (a.level === 'warning') sink.warning(a.message, props)
    else sink.notice(a.message, props)
    emitted[a.level]++
  }
  const hidden = (n: number) => Math.max(0, n - ANNOTATIONS_SHOWN_PER_LEVEL)
  return {
    emitted,
    notShown: {
      failure: hidden(emitted.failure),
      warning: hidden(emitted.warning),
      notice: hidden(emitted.notice)
    }
  }
}
