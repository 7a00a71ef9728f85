import { type DependencyList, useCallback, useRef, useState } from 'react'
import type { Connection } from '@/shared/graphql/connection'
import { messageOf } from '@/shared/graphql/errors'
import { useQuery } from './useQuery'

interface LoadedPages<T> {
  items: T[]
  endCursor: string | null
  hasNextPage: boolean
  totalCount: number | null
}

function pagesOf<T>(connection: Connection<T>): LoadedPages<T> {
  return {
    items: connection.edges.map((edge) => edge.node),
    endCursor: connection.pageInfo.endCursor,
    hasNextPage: connection.pageInfo.hasNextPage,
    totalCount: connection.totalCount ?? null,
  }
}

/**
 * A cursor-paged list: the first page through useQuery (loading, error, refresh), later pages
 * appended by `loadMore` (call it from useReachBottom).
 */
export function useCursorList<T>(
  fetchPage: (after: string | null) => Promise<Connection<T>>,
  deps: DependencyList,
  options?: { enabled?: boolean },
) {
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const first = useQuery(async () => pagesOf(await fetchRef.current(null)), deps, options)
  const [loadingMore, setLoadingMore] = useState(false)
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null)
  const busy = useRef(false)
  const { data, setData } = first

  const loadMore = useCallback(async () => {
    if (!data?.hasNextPage || busy.current) return
    const after = data.endCursor
    busy.current = true
    setLoadingMore(true)
    setLoadMoreError(null)
    try {
      const next = pagesOf(await fetchRef.current(after))
      // A refresh meanwhile replaced the list: this page belongs to the old one.
      setData((latest) =>
        latest && latest.endCursor === after ? { ...next, items: [...latest.items, ...next.items] } : latest,
      )
    } catch (caught) {
      setLoadMoreError(messageOf(caught))
    } finally {
      busy.current = false
      setLoadingMore(false)
    }
  }, [data, setData])

  return {
    items: data?.items,
    hasNextPage: data?.hasNextPage ?? false,
    /** As the first page counted it (null when the connection does not count). */
    totalCount: data?.totalCount ?? null,
    loading: first.loading,
    error: first.error,
    refresh: first.refresh,
    reload: first.reload,
    loadingMore,
    loadMoreError,
    loadMore,
  }
}
