/** A Relay-style cursor connection, as the server pages long lists. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
}

/** The selection of a connection around the fields of its node. */
export function connectionFields(nodeFields: string): string {
  return `edges { cursor node { ${nodeFields} } } pageInfo { hasNextPage endCursor }`
}
