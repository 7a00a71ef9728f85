import { View } from '@tarojs/components'
import { fetchGroupBuys } from '@/features/groupbuy/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import GroupBuyCard from '@/features/groupbuy/components/groupbuy-card'
import LoadingView from '@/shared/ui/loading-view'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { openPage, routes } from '@/shared/routes'
import './index.css'

export default function AdminGroupBuysPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const groupBuys = useQuery(() => fetchGroupBuys(communityId), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await groupBuys.refresh()
  })

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page'>
          <ActionButton className='qy-admin-gbs__create' onClick={() => openPage(routes.adminGroupBuyEdit(communityId))}>
            + 发布团购
          </ActionButton>
          {groupBuys.loading && <LoadingView />}
          {groupBuys.error && <ErrorView message={groupBuys.error.message} onRetry={groupBuys.reload} />}
          {groupBuys.data?.length === 0 && (
            <EmptyView icon='团' tone='gray' title='还没有团购' description='发布一个团购，成员就能在「团购接龙」里接龙下单。' />
          )}
          {groupBuys.data?.map((groupBuy) => (
            <GroupBuyCard
              key={groupBuy.id}
              groupBuy={groupBuy}
              onClick={() => openPage(routes.adminGroupBuyManage(communityId, groupBuy.id))}
              onPhaseEnd={() => void groupBuys.refresh()}
            />
          ))}
        </View>
      )}
    </AdminGate>
  )
}
