import { View } from '@tarojs/components'
import { fetchGroupBuys, type GroupBuy } from '@/features/groupbuy/api'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import GroupBuyCard from '@/features/groupbuy/components/groupbuy-card'
import LoadingView from '@/shared/ui/loading-view'
import MemberGate from '@/features/membership/components/member-gate'
import { isAdminRole } from '@/features/membership/labels'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { groupBuyPhase } from '@/features/groupbuy/rules'
import { openPage, routes } from '@/shared/routes'
import './index.css'

const PHASE_ORDER = { open: 0, upcoming: 1, ended: 2, closed: 3, cancelled: 4, draft: 5 }

/** Running ones first (ending soonest on top), then the finished ones, latest first. */
function byRelevance(list: GroupBuy[]): GroupBuy[] {
  const now = Date.now()
  return [...list].sort((a, b) => {
    const phaseA = PHASE_ORDER[groupBuyPhase(a, now)]
    const phaseB = PHASE_ORDER[groupBuyPhase(b, now)]
    if (phaseA !== phaseB) return phaseA - phaseB
    return phaseA <= 1 ? Date.parse(a.endsAt) - Date.parse(b.endsAt) : Date.parse(b.endsAt) - Date.parse(a.endsAt)
  })
}

export default function GroupBuyListPage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const groupBuys = useQuery(() => fetchGroupBuys(communityId), [communityId], {
    enabled: state.membership?.status === 'ACTIVE',
  })
  usePageRefresh(async () => {
    await Promise.all([state.refresh(), groupBuys.refresh()])
  })
  // Members never see drafts, even when the caller is an admin (they have their own list).
  const visible = groupBuys.data ? byRelevance(groupBuys.data.filter((groupBuy) => groupBuy.status !== 'DRAFT')) : undefined

  return (
    <MemberGate state={state}>
      {(membership) => (
        <View className='qy-page qy-gb-list'>
          {isAdminRole(membership.role) && (
            <View className='qy-gb-list__admin'>
              <View className='qy-muted'>你是管理员，可以发布和管理团购</View>
              <ActionButton size='small' variant='secondary' onClick={() => openPage(routes.adminGroupBuys(communityId))}>
                管理团购
              </ActionButton>
            </View>
          )}
          {groupBuys.loading && <LoadingView />}
          {groupBuys.error && <ErrorView message={groupBuys.error.message} onRetry={groupBuys.reload} />}
          {visible?.length === 0 && (
            <EmptyView icon='团' tone='gray' title='暂时没有团购' description='管理员发布团购后，会第一时间出现在这里。' />
          )}
          {visible?.map((groupBuy) => (
            <GroupBuyCard
              key={groupBuy.id}
              groupBuy={groupBuy}
              onClick={() => openPage(routes.groupBuyDetail(communityId, groupBuy.id))}
              onPhaseEnd={() => void groupBuys.refresh()}
            />
          ))}
        </View>
      )}
    </MemberGate>
  )
}
