/** A Relay-style cursor connection, as the server pages long lists. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  /** How many items match in all, on connections that count them. */
  totalCount?: number
}
