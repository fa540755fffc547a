/**
 * Small readers over the `yaml` package's node tree that keep source
 * offsets, so every finding can point at the exact line and column.
 */
import {
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq
} from 'yaml'

/** A span of the document text: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** The source span of a node's value (comments after it excluded). */
export function spanOf(node: Node): Span | undefined {
  const range = node.range
  if (!range) return undefined
  return { start: range[0], end: Math.max(range[0], range[1]) }
}

/** The pair whose key is the string `key`, if `map` is a mapping. */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair
  }
  return undefined
}

/** The value node under `key`, if it is a node. */
export function valueOf(map: unknown, key: string): Node | undefined {
  const value = pairOf(map, key)?.value
  return isNodeLike(value) ? value : undefined
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value)
}

/** The scalar under `key`, if the value there is a scalar. */
export function scalarAt(map: unknown, key: string): Scalar | undefined {
  const value = pairOf(map, key)?.value
  return isScalar(value) ? value : undefined
}

/** A scalar's value as text (`true`, `0` and `null` included). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  return node.value === null ? '' : String(node.value)
}

/** The mapping under `key`, if there is one. */
export function mapAt(map: unknown, key: string): YAMLMap | undefined {
  const value = pairOf(map, key)?.value
  return isMap(value) ? value : undefined
}

/** The items of the sequence under `key` (empty when there is none). */
export function seqItems(map: unknown, key: string): unknown[] {
  const value = pairOf(map, key)?.value
  return isSeq(value) ? (value as YAMLSeq).items : []
}

/** The string keys of a mapping with their key nodes, in order. */
export function entries(map: unknown): [string, Scalar, unknown][] {
  if (!isMap(map)) return []
  const list: [string, Scalar, unknown][] = []
  for (const pair of map.items) {
    if (isScalar(pair.key))
      list.push([String(pair.key.value), pair.key, pair.value])
  }
  return list
}

/** Scalars at or below `node`, depth first, for text searches. */
export function scalarsUnder(node: unknown): Scalar[] {
  const found: Scalar[] = []
  // Aliases make the tree a graph that can fan out exponentially (nine
  // levels of ten aliases is a billion paths), so the walk has a budget as
  // well as a depth limit.
  let budget = MAX_VISITS
  const walk = (current: unknown, depth: number): void => {
    if (depth > 64 || --budget < 0) return
    if (isScalar(current)) {
      found.push(current)
    } else if (isMap(current)) {
      for (const pair of current.items) {
        walk(pair.key, depth + 1)
        walk(pair.value, depth + 1)
      }
    } else if (isSeq(current)) {
      for (const item of current.items) walk(item, depth + 1)
    }
  }
  walk(node, 0)
  return found
}

/** Nodes one walk of `scalarsUnder` may visit. */
const MAX_VISITS = 10_000
