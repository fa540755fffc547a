/**
 * JSON and YAML documents as trees of nodes that keep their offsets, so a
 * record found in an object can be reported at the lines it spans. The
 * `yaml` parser reads both (JSON is YAML's flow style); aliases are left
 * unresolved, so a hostile document cannot expand. JSON that parses as
 * JSON is read into the same tree, faster, by `json-tree.ts`.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'

export type TreeNode =
  | {
      readonly type: 'map'
      readonly entries: readonly (readonly [string, TreeNode])[]
      readonly start: number
      readonly end: number
    }
  | {
      readonly type: 'seq'
      readonly items: readonly TreeNode[]
      readonly start: number
      readonly end: number
    }
  | {
      readonly type: 'scalar'
      readonly value: string
      readonly start: number
      readonly end: number
    }

/** Largest document parsed into a tree; larger ones are read as text. */
export const MAX_TREE_BYTES = 4 * 1024 * 1024

/** Parses JSON or YAML into a tree, or undefined when it does not parse. */
export function parseTree(text: string): TreeNode | undefined {
  if (text.length > MAX_TREE_BYTES) return undefined
  try {
    const doc = parseDocument(text, {
      uniqueKeys: false,
      prettyErrors: false,
      keepSourceTokens: false
    })
    if (doc.errors.length > 0) return undefined
    return convert(doc.contents as Node | null, 0)
  } catch {
    // Nesting deep enough to exhaust the stack is not a fixture; the
    // caller reads such a file as text.
    return undefined
  }
}

function convert(node: Node | null, depth: number): TreeNode | undefined {
  if (!node || depth > 64) return undefined
  const [start, end] = node.range ?? [0, 0]
  if (isMap(node)) {
    const entries: [string, TreeNode][] = []
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      const value = convert(pair.value as Node | null, depth + 1)
      if (value) entries.push([key, value])
    }
    return { type: 'map', entries, start, end }
  }
  if (isSeq(node)) {
    const items: TreeNode[] = []
    for (const item of node.items) {
      const value = convert(item as Node | null, depth + 1)
      if (value) items.push(value)
    }
    return { type: 'seq', items, start, end }
  }
  if (isScalar(node)) {
    const v = node.value
    if (v === null || v === undefined || typeof v === 'object') return undefined
    return { type: 'scalar', value: String(v), start, end }
  }
  return undefined
}

/** A plain JSON value (from JSON.parse) as a tree spanning `start`–`end`. */
export function fromJson(
  value: unknown,
  start: number,
  end: number,
  depth = 0
): TreeNode | undefined {
  if (value === null || value === undefined || depth > 64) return undefined
  if (Array.isArray(value)) {
    const items = value
      .map(v => fromJson(v, start, end, depth + 1))
      .filter((v): v is TreeNode => v !== undefined)
    return { type: 'seq', items, start, end }
  }
  if (typeof value === 'object') {
    const entries: [string, TreeNode][] = []
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const node = fromJson(v, start, end, depth + 1)
      if (node) entries.push([k, node])
    }
    return { type: 'map', entries, start, end }
  }
  return { type: 'scalar', value: String(value), start, end }
}

/** The value under `key` in a map node. */
export function child(node: TreeNode, key: string): TreeNode | undefined {
  if (node.type !== 'map') return undefined
  for (const [k, v] of node.entries) if (k === key) return v
  return undefined
}

/** The string under `key` in a map node, when it is a scalar. */
export function text(node: TreeNode | undefined, key: string): string {
  const c = node ? child(node, key) : undefined
  return c?.type === 'scalar' ? c.value : ''
}

/** The items of a sequence node; a single node as one item. */
export function items(node: TreeNode | undefined): readonly TreeNode[] {
  if (!node) return []
  return node.type === 'seq' ? node.items : [node]
}

/** Every scalar string in a subtree. */
export function* scalars(node: TreeNode): Iterable<string> {
  if (node.type === 'scalar') yield node.value
  else if (node.type === 'seq') for (const i of node.items) yield* scalars(i)
  else for (const [, v] of node.entries) yield* scalars(v)
}
