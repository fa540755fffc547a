/**
 * A workflow or action metadata file read into the few structures the rules
 * need (triggers, permissions, jobs, steps), each still a YAML node with its
 * source position. Parsing happens once per file however many rules ask.
 */
import {
  isMap,
  isScalar,
  isSeq,
  isAlias,
  parseDocument,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap
} from 'yaml'
import type { ScanDocument } from '../rule.js'
import { isActionMetadataPath, isWorkflowPath } from './paths.js'
import {
  entries,
  mapAt,
  pairOf,
  scalarAt,
  scalarText,
  seqItems,
  valueOf
} from './yaml-nodes.js'

/** An event the workflow runs on, with the node that names it. */
export interface Trigger {
  readonly event: string
  readonly node: Scalar
}

/** One step: a `uses:` reference or a `run:` script. */
export interface Step {
  readonly node: YAMLMap
  readonly uses?: Scalar
  readonly run?: Scalar
  readonly with?: YAMLMap
  readonly env?: YAMLMap
}

/** A job, or for a composite action the action's own steps. */
export interface Job {
  readonly id: string
  /** The job's key (`build:`), or `runs:` in an action. */
  readonly key: Scalar
  readonly node: YAMLMap
  readonly permissions?: Pair
  readonly runsOn?: Node
  readonly container?: Node
  readonly services?: YAMLMap
  /** A reusable workflow the job calls instead of having steps. */
  readonly uses?: Scalar
  readonly secrets?: Node
  readonly env?: YAMLMap
  readonly steps: readonly Step[]
}

export interface WorkflowFile {
  /** `workflow` under .github/workflows, `action` for action.yml. */
  readonly kind: 'workflow' | 'action'
  readonly root: YAMLMap
  /** The first key of the file, where a missing top-level block belongs. */
  readonly firstKey: Scalar
  readonly triggers: readonly Trigger[]
  readonly permissions?: Pair
  readonly env?: YAMLMap
  readonly jobs: readonly Job[]
  /** For a Docker action, `runs.image`. */
  readonly image?: Scalar
}

let cached:
  { path: string; text: string; file: WorkflowFile | undefined } | undefined

/**
 * Reads `document` as a workflow or action file; undefined when the YAML
 * does not parse or is not shaped like one (actionlint reports those).
 */
export function readWorkflow(document: ScanDocument): WorkflowFile | undefined {
  if (
    cached &&
    cached.path === document.path &&
    cached.text === document.text
  ) {
    return cached.file
  }
  const file = parse(document.path, document.text)
  cached = { path: document.path, text: document.text, file }
  return file
}

function parse(path: string, text: string): WorkflowFile | undefined {
  const kind = isWorkflowPath(path)
    ? 'workflow'
    : isActionMetadataPath(path)
      ? 'action'
      : undefined
  if (kind === undefined) return undefined

  // Only the node tree is read, never toJS(), so aliases are not expanded
  // and a "billion laughs" document costs no more than its own length.
  let doc
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false })
  } catch {
    // A parser failure on hostile input must not stop the gate; the file
    // is left to actionlint, as any other unreadable workflow.
    return undefined
  }
  if (doc.errors.length > 0) return undefined
  resolveAliases(doc.contents)
  const root = doc.contents
  if (!isMap(root)) return undefined
  const first = root.items[0]?.key
  if (!isScalar(first)) return undefined

  if (kind === 'action') return readAction(root, first)
  return {
    kind,
    root,
    firstKey: first,
    triggers: readTriggers(pairOf(root, 'on')?.value),
    ...optional('permissions', pairOf(root, 'permissions')),
    ...optional('env', mapAt(root, 'env')),
    jobs: entries(mapAt(root, 'jobs')).flatMap(([id, key, value]) =>
      isMap(value) ? [readJob(id, key, value)] : []
    )
  }
}

/**
 * Replaces each alias (`steps: *common`) by the node its anchor names, as
 * GitHub does when it reads the file, so findings point at the anchored
 * text. Nodes are shared, not copied, and each is walked once, in document
 * order so an alias gets the latest anchor of its name before it.
 */
function resolveAliases(root: unknown): void {
  const anchors = new Map<string, unknown>()
  // An anchored node was walked where it was defined; walking it again at
  // each alias would make a "billion laughs" document exponential.
  const visit = (node: unknown, depth: number): unknown => {
    if (isAlias(node)) return anchors.get(node.source) ?? node
    walk(node, depth)
    return node
  }
  const walk = (node: unknown, depth: number): void => {
    // Deeper nesting than any workflow has is left as it is.
    if (depth > 200) return
    if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.key, depth + 1)
        pair.value = visit(pair.value, depth + 1)
      }
    } else if (isSeq(node)) {
      node.items = node.items.map(item => visit(item, depth + 1))
    }
    // Registered after its children, so a node cannot contain itself.
    if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor) {
      anchors.set(node.anchor, node)
    }
  }
  walk(root, 0)
}

function readAction(root: YAMLMap, first: Scalar): WorkflowFile {
  const runs = mapAt(root, 'runs')
  const runsKey = pairOf(root, 'runs')?.key
  const jobs: Job[] = []
  if (runs && isScalar(runsKey)) {
    jobs.push({ id: 'runs', key: runsKey, node: runs, steps: readSteps(runs) })
  }
  return {
    kind: 'action',
    root,
    firstKey: first,
    triggers: [],
    jobs,
    ...optional('image', scalarAt(runs, 'image'))
  }
}

function readTriggers(on: unknown): Trigger[] {
  if (isScalar(on)) return [{ event: String(on.value), node: on }]
  if (isSeq(on)) {
    return on.items.flatMap(item =>
      isScalar(item) ? [{ event: String(item.value), node: item }] : []
    )
  }
  return entries(on).map(([event, node]) => ({ event, node }))
}

function readJob(id: string, key: Scalar, node: YAMLMap): Job {
  return {
    id,
    key,
    node,
    ...optional('permissions', pairOf(node, 'permissions')),
    ...optional('runsOn', valueOf(node, 'runs-on')),
    ...optional('container', valueOf(node, 'container')),
    ...optional('services', mapAt(node, 'services')),
    ...optional('uses', scalarAt(node, 'uses')),
    ...optional('secrets', valueOf(node, 'secrets')),
    ...optional('env', mapAt(node, 'env')),
    steps: readSteps(node)
  }
}

function readSteps(node: YAMLMap): Step[] {
  return seqItems(node, 'steps').flatMap(item => {
    if (!isMap(item)) return []
    const step: Step = {
      node: item,
      ...optional('uses', scalarAt(item, 'uses')),
      ...optional('run', scalarAt(item, 'run')),
      ...optional('with', mapAt(item, 'with')),
      ...optional('env', mapAt(item, 'env'))
    }
    return [step]
  })
}

/** `{ key: value }` when value is defined, else `{}`, for optional fields. */
function optional<K extends string, V>(
  key: K,
  value: V | undefined
): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V })
}

/** The action a `uses:` names, lower-cased, without its `@ref`. */
export function actionName(uses: Scalar | undefined): string | undefined {
  const text = scalarText(uses)
  if (text === undefined) return undefined
  const at = text.indexOf('@')
  return (at === -1 ? text : text.slice(0, at)).trim().toLowerCase()
}

/** Whether a step uses the action `name` (`actions/checkout`, any ref). */
export function usesAction(step: Step, name: string): boolean {
  const used = actionName(step.uses)
  return used === name || (used?.startsWith(name + '/') ?? false)
}

/** Whether the workflow runs on `event`; the trigger node if so. */
export function triggerOf(
  file: WorkflowFile,
  events: readonly string[]
): Trigger | undefined {
  return file.triggers.find(t => events.includes(t.event))
}
