import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { MemberListItem } from '@/features/members/api'
import MemberRow from '@/features/members/components/member-row'
import MemberSearch from '@/features/members/components/member-search'
import { useMemberList } from '@/features/members/hooks/useMemberList'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import ListFooter from '@/shared/ui/list-footer'
import LoadingView from '@/shared/ui/loading-view'
import './index.css'

interface MemberPickerProps {
  communityId: string
  selfId: string
  onPick: (member: MemberListItem) => void
}

/** The community's active members, searched by nickname on the server and paged as the page scrolls; tap to choose. */
export default function MemberPicker({ communityId, selfId, onPick }: MemberPickerProps) {
  const members = useMemberList(communityId, { status: 'ACTIVE' }, { enabled: !!communityId })
  useReachBottom(() => void members.loadMore())
  const rows = members.items ?? []
  return (
    <View className='qy-member-picker'>
      <MemberSearch value={members.keyword} onChange={members.setKeyword} />
      {members.loading && <LoadingView />}
      {!members.loading && members.error && <ErrorView message={members.error.message} onRetry={members.reload} />}
      {!members.loading && !members.error && rows.length === 0 && (
        <EmptyView icon='人' tone='gray' title='没有找到成员' description={members.search ? `没有昵称包含「${members.search}」的成员` : undefined} />
      )}
      {!members.loading && rows.length > 0 && (
        <>
          <View className='qy-card qy-member-picker__list'>
            {rows.map((member) => (
              <MemberRow key={member.id} member={member} isSelf={member.id === selfId} actionLabel='选择' onClick={() => onPick(member)} />
            ))}
          </View>
          <ListFooter loadingMore={members.loadingMore} error={members.loadMoreError} hasNextPage={members.hasNextPage} onRetry={() => void members.loadMore()} />
        </>
      )}
    </View>
  )
}
