/**
 * GitHub's GraphQL resource limits, computed the way GitHub documents them: every connection must say
 * `first` or `last` (at most 100), and a query's node count — for each connection, the product of the
 * `first`/`last` values down its path — must stay under 500,000. Used by the stand-in (to refuse what
 * GitHub refuses) and by the query tests.
 */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode
} from 'graphql'

export const MAX_NODES = 500_000
export const MAX_PAGE = 100

export interface QueryLimits {
  nodes: number
  /** Connections asking for more than 100 items. */
  excessive: Array<{ field: string; requested: number }>
}

export function measureQuery(document: DocumentNode, variables: Record<string, unknown> = {}): QueryLimits {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  }
  const result: QueryLimits = { nodes: 0, excessive: [] }

  const valueOf = (node: ValueNode): unknown => {
    switch (node.kind) {
      case Kind.INT:
        return Number(node.value)
      case Kind.VARIABLE:
        return variables[node.name.value]
      default:
        return undefined
    }
  }

  const walk = (selectionSet: SelectionSetNode, multiplier: number, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        let size: number | null = null
        for (const argument of selection.arguments ?? []) {
          if (argument.name.value !== 'first' && argument.name.value !== 'last') continue
          const value = valueOf(argument.value)
          if (typeof value === 'number') {
            size = value
            if (value > MAX_PAGE) result.excessive.push({ field: selection.name.value, requested: value })
          }
        }
        let childMultiplier = multiplier
        if (size !== null) {
          result.nodes += multiplier * size
          childMultiplier = multiplier * size
        }
        if (selection.selectionSet) walk(selection.selectionSet, childMultiplier, seen)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier, seen)
      } else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (fragment && !seen.has(name)) walk(fragment.selectionSet, multiplier, new Set([...seen, name]))
      }
    }
  }

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1, new Set())
  }
  return result
}
