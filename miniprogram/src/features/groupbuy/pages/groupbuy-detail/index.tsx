import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { fetchGroupBuy } from '@/features/groupbuy/api'
import MemberGate from '@/features/membership/components/member-gate'
import BottomSheet from '@/shared/ui/bottom-sheet'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { queryStatePage } from '@/shared/ui/query-state'
import { useQuery } from '@/shared/hooks/useQuery'
import { groupBuyPhase } from '@/features/groupbuy/rules'
import { routes } from '@/shared/routes'
import EntryForm from '@/features/groupbuy/components/entry-form'
import EntryList from '@/features/groupbuy/components/entry-list'
import GroupBuyActionBar from '@/features/groupbuy/components/groupbuy-action-bar'
import GroupBuyGallery from '@/features/groupbuy/components/groupbuy-gallery'
import GroupBuySummary from '@/features/groupbuy/components/groupbuy-summary'
import { useGroupBuyEntry } from '@/features/groupbuy/hooks/useGroupBuyEntry'
import './index.css'

export default function GroupBuyDetailPage() {
  const { params } = useRouter()
  const groupBuyId = params.groupBuyId ?? ''
  const state = useMembership()
  const groupBuy = useQuery(() => fetchGroupBuy(groupBuyId), [groupBuyId], {
    enabled: state.membership?.status === 'ACTIVE' && !!groupBuyId,
  })
  const [sheet, setSheet] = useState<'join' | 'edit' | null>(null)
  usePageRefresh(groupBuy.refresh)
  const entry = useGroupBuyEntry(
    groupBuyId,
    (fresh) => {
      groupBuy.setData(() => fresh)
      setSheet(null)
    },
    () => {
      // After a refusal the numbers moved (sold out, closed …): show the fresh page, not a stale form.
      setSheet(null)
      void groupBuy.refresh()
    },
  )

  useShareAppMessage(() => ({
    title: groupBuy.data ? `【团购接龙】${groupBuy.data.title}` : '团购接龙',
    path: state.communityId ? routes.groupBuyDetail(state.communityId, groupBuyId) : routes.home,
  }))

  return (
    <MemberGate state={state}>
      {() => {
        const waiting = queryStatePage(groupBuy, { icon: '团', tone: 'gray', title: '没有找到这个团购', description: '它可能已被管理员删除或还没有发布。' })
        if (waiting) return waiting
        const detail = groupBuy.data!
        const phase = groupBuyPhase(detail, Date.now())
        const myEntry = detail.myEntry
        return (
          <View className='qy-page qy-gb-detail'>
            <GroupBuyGallery images={detail.images} />
            <GroupBuySummary groupBuy={detail} onPhaseEnd={() => void groupBuy.refresh()} />
            {detail.pickupNote && (
              <View className='qy-card'>
                <View className='qy-gb-detail__section'>取货说明</View>
                <Text className='qy-gb-detail__text' userSelect>
                  {detail.pickupNote}
                </Text>
              </View>
            )}
            {detail.description && (
              <View className='qy-card'>
                <View className='qy-gb-detail__section'>商品介绍</View>
                <Text className='qy-gb-detail__text' userSelect>
                  {detail.description}
                </Text>
              </View>
            )}
            <EntryList entries={detail.entries} myEntryId={myEntry?.id ?? null} />
            <GroupBuyActionBar
              phase={phase}
              startsAt={detail.startsAt}
              remaining={detail.remaining}
              myEntry={myEntry}
              onJoin={() => setSheet('join')}
              onEdit={() => setSheet('edit')}
            />
            {sheet && (
              <BottomSheet title={sheet === 'edit' ? '修改我的接龙' : '参与接龙'} onClose={() => setSheet(null)}>
                <EntryForm
                  groupBuy={detail}
                  entry={sheet === 'edit' ? myEntry : null}
                  pending={entry.pending}
                  onSubmit={(choice) =>
                    void (sheet === 'edit' && myEntry ? entry.update(myEntry, choice) : entry.join(choice))
                  }
                  onCancelEntry={() => myEntry && void entry.cancel(myEntry)}
                />
              </BottomSheet>
            )}
          </View>
        )
      }}
    </MemberGate>
  )
}
