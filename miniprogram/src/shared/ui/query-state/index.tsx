import { View } from '@tarojs/components'
import type { ReactElement } from 'react'
import EmptyView, { type EmptyViewProps } from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import type { QueryResult } from '@/shared/hooks/useQuery'

/**
 * The page a detail query shows before it has data: loading, the error with 重试, or `missing`
 * when there is nothing. Null once the data is there.
 */
export function queryStatePage<T>(query: QueryResult<T | null>, missing: EmptyViewProps): ReactElement | null {
  if (query.loading) return <View className='qy-page'><LoadingView /></View>
  if (query.error) {
    return (
      <View className='qy-page'>
        <ErrorView message={query.error.message} onRetry={query.reload} />
      </View>
    )
  }
  if (!query.data) {
    return (
      <View className='qy-page'>
        <EmptyView {...missing} />
      </View>
    )
  }
  return null
}
