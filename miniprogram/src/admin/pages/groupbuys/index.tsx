import { View } from '@tarojs/components'
import { fetchGroupBuys } from '@/api/groupbuy'
import AdminGate from '@/admin/components/admin-gate'
import { useAdminCommunity } from '@/admin/hooks/useAdminCommunity'
import ActionButton from '@/components/action-button'
import EmptyView from '@/components/empty-view'
import ErrorView from '@/components/error-view'
import GroupBuyCard from '@/components/groupbuy-card'
import LoadingView from '@/components/loading-view'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useQuery } from '@/hooks/useQuery'
import { openPage, routes } from '@/utils/routes'
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
