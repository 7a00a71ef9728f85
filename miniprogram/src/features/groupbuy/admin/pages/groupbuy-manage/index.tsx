import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { fetchGroupBuy } from '@/features/groupbuy/api'
import { exportGroupBuy } from '@/features/groupbuy/admin/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import EntryManageRow from '@/features/groupbuy/admin/components/entry-manage-row'
import ExportBar from '@/features/exports/components/export-bar'
import GroupBuyStats from '@/features/groupbuy/admin/components/groupbuy-stats'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useGroupBuyActions } from '@/features/groupbuy/admin/hooks/useGroupBuyActions'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import GroupBuyCard from '@/features/groupbuy/components/groupbuy-card'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { queryStatePage } from '@/shared/ui/query-state'
import { useQuery } from '@/shared/hooks/useQuery'
import { openPage, routes } from '@/shared/routes'
import './index.css'

export default function GroupBuyManagePage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const groupBuyId = useRouter().params.groupBuyId ?? ''
  const groupBuy = useQuery(() => fetchGroupBuy(groupBuyId), [groupBuyId], { enabled: admin.allowed && !!groupBuyId })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await groupBuy.refresh()
  })
  const actions = useGroupBuyActions(groupBuy.data, (fresh) => groupBuy.setData(() => fresh), () => void groupBuy.refresh())

  return (
    <AdminGate admin={admin}>
      {() => {
        const waiting = queryStatePage(groupBuy, { icon: '团', tone: 'gray', title: '没有找到这个团购' })
        if (waiting) return waiting
        const detail = groupBuy.data!
        const running = detail.status === 'DRAFT' || detail.status === 'OPEN'
        return (
          <View className='qy-page qy-gb-manage'>
            <GroupBuyCard
              groupBuy={detail}
              onClick={() => openPage(routes.groupBuyDetail(communityId, detail.id))}
              onPhaseEnd={() => void groupBuy.refresh()}
            />
            <GroupBuyStats groupBuy={detail} />
            {running && (
              <View className='qy-gb-manage__actions'>
                <ActionButton size='small' variant='secondary' onClick={() => openPage(routes.adminGroupBuyEdit(communityId, detail.id))}>
                  编辑
                </ActionButton>
                {detail.status === 'DRAFT' && (
                  <ActionButton size='small' loading={actions.busy === 'publish'} onClick={() => void actions.publish()}>
                    发布
                  </ActionButton>
                )}
                {detail.status === 'OPEN' && (
                  <ActionButton size='small' variant='plain' loading={actions.busy === 'close'} onClick={() => void actions.close()}>
                    提前截团
                  </ActionButton>
                )}
                <ActionButton size='small' variant='danger' loading={actions.busy === 'cancel'} onClick={() => void actions.cancel()}>
                  取消团购
                </ActionButton>
              </View>
            )}
            {detail.status !== 'DRAFT' && (
              <ExportBar hint='接龙序号、昵称、份数、备注、取货状态。' exportFile={(format) => exportGroupBuy(detail.id, format)} />
            )}
            <View className='qy-section-title'>
              接龙名单
              <View className='qy-section-title__extra'>{detail.entries.length} 人</View>
            </View>
            {detail.entries.length === 0 ? (
              <EmptyView icon='龙' tone='gray' title='还没有人接龙' description='把团购分享到群里，大家就能接龙了。' />
            ) : (
              <View className='qy-card qy-gb-manage__entries'>
                {detail.entries.map((entry) => (
                  <EntryManageRow
                    key={entry.id}
                    entry={entry}
                    busy={actions.busy === `entry:${entry.id}`}
                    onPickedUp={(pickedUp) => void actions.setPickedUp(entry, pickedUp)}
                  />
                ))}
              </View>
            )}
          </View>
        )
      }}
    </AdminGate>
  )
}
