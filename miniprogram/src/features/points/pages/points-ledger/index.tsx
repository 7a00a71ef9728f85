import { useReachBottom } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { fetchPointsLedger } from '@/features/points/api'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LedgerRow from '@/features/points/components/ledger-row'
import ListFooter from '@/shared/ui/list-footer'
import LoadingView from '@/shared/ui/loading-view'
import MemberGate from '@/features/membership/components/member-gate'
import PointsExpiryNotice from '@/features/points/components/expiry-notice'
import { useCursorList } from '@/shared/hooks/useCursorList'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import './index.css'

export default function PointsLedgerPage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const ledger = useCursorList((after) => fetchPointsLedger(communityId, after), [communityId], {
    enabled: state.membership?.status === 'ACTIVE',
  })
  useReachBottom(() => void ledger.loadMore())
  usePageRefresh(async () => {
    await state.refresh()
    await ledger.refresh()
  })

  return (
    <MemberGate state={state}>
      {(membership) => (
        <View className='qy-page qy-ledger'>
          <View className='qy-ledger__summary'>
            <View className='qy-ledger__summary-item'>
              <View className='qy-ledger__summary-label'>当前积分</View>
              <View className='qy-ledger__summary-value qy-ledger__balance'>{membership.points}</View>
            </View>
            <View className='qy-ledger__summary-item'>
              <View className='qy-ledger__summary-label'>累计获得</View>
              <View className='qy-ledger__summary-value'>{membership.lifetimePoints}</View>
            </View>
          </View>
          <PointsExpiryNotice key={`${communityId}:${membership.points}`} communityId={communityId} />

          {ledger.loading && <LoadingView />}
          {ledger.error && <ErrorView message={ledger.error.message} onRetry={ledger.reload} />}
          {ledger.items?.length === 0 && (
            <EmptyView icon='积' tone='gray' title='还没有积分记录' description='每天签到就能攒积分，积分可以兑换优惠券。' />
          )}
          {!!ledger.items?.length && (
            <>
              <View className='qy-card qy-ledger__list'>
                {ledger.items.map((entry) => (
                  <LedgerRow key={entry.id} entry={entry} />
                ))}
              </View>
              <ListFooter
                loadingMore={ledger.loadingMore}
                error={ledger.loadMoreError}
                hasNextPage={ledger.hasNextPage}
                onRetry={() => void ledger.loadMore()}
              />
            </>
          )}
        </View>
      )}
    </MemberGate>
  )
}
