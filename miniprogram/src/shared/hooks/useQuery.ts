import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, toApiError } from '@/shared/graphql/errors'
import { toastText } from '@/platform/feedback'

interface QueryState<T> {
  data: T | undefined
  error: ApiError | null
  loading: boolean
}

export interface QueryResult<T> extends QueryState<T> {
  /** Fetch again keeping what is on screen; a failure shows a toast instead of the error page. */
  refresh: () => Promise<void>
  /** Fetch again from scratch (the 重试 button). */
  reload: () => Promise<void>
  /** Replace the data locally, e.g. with a mutation's answer. */
  setData: (update: (current: T | undefined) => T | undefined) => void
}

/**
 * Runs `fetcher` when `deps` change (and `enabled` is true); the latest answer wins.
 * A load shows the loading state; refreshes keep the page and toast on failure.
 */
export function useQuery<T>(
  fetcher: () => Promise<T>,
  deps: DependencyList,
  { enabled = true }: { enabled?: boolean } = {},
): QueryResult<T> {
  const [state, setState] = useState<QueryState<T>>({ data: undefined, error: null, loading: enabled })
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher
  const latestRequest = useRef(0)

  const run = useCallback(async (mode: 'load' | 'refresh') => {
    const request = ++latestRequest.current
    // A load starts from scratch: never show the previous user's or filter's data meanwhile.
    if (mode === 'load') setState({ data: undefined, error: null, loading: true })
    try {
      const data = await fetcherRef.current()
      if (request === latestRequest.current) setState({ data, error: null, loading: false })
    } catch (caught) {
      if (request !== latestRequest.current) return
      const error = toApiError(caught)
      if (mode === 'refresh' && !error.isUnauthenticated) {
        setState((current) => ({ ...current, loading: false }))
        toastText(error.message)
      } else {
        setState((current) => ({ ...current, error, loading: false }))
      }
    }
  }, [])

  useEffect(() => {
    if (enabled) {
      void run('load')
    } else {
      latestRequest.current++
      setState({ data: undefined, error: null, loading: false })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, run, ...deps])

  const refresh = useCallback(() => run('refresh'), [run])
  const reload = useCallback(() => run('load'), [run])
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setState((current) => ({ ...current, data: update(current.data) })),
    [],
  )

  return { ...state, refresh, reload, setData }
}
