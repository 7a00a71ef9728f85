import { View } from '@tarojs/components'
import './index.css'

interface ListFooterProps {
  loadingMore: boolean
  error: string | null
  hasNextPage: boolean
  onRetry: () => void
}

/** The end of an infinite list: loading, a retry after a failure, or 没有更多了. */
export default function ListFooter({ loadingMore, error, hasNextPage, onRetry }: ListFooterProps) {
  if (loadingMore) return <View className='qy-list-footer'>加载中…</View>
  if (error) {
    return (
      <View className='qy-list-footer qy-list-footer--error' onClick={onRetry}>
        {error}，点击重试
      </View>
    )
  }
  if (hasNextPage) {
    return (
      <View className='qy-list-footer' onClick={onRetry}>
        上拉加载更多
      </View>
    )
  }
  return <View className='qy-list-footer'>没有更多了</View>
}
