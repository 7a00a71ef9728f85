import { View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { MemberRole, MemberStatus } from '@/features/membership/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { fetchTiers } from '@/features/membership/admin/tier-api'
import MemberFilters from '@/features/members/components/member-filters'
import MemberRow from '@/features/members/components/member-row'
import MemberSearch from '@/features/members/components/member-search'
import { canManage, useMemberActions } from '@/features/members/hooks/useMemberActions'
import { useMemberList } from '@/features/members/hooks/useMemberList'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import ListFooter from '@/shared/ui/list-footer'
import LoadingView from '@/shared/ui/loading-view'
import StatusTabs from '@/shared/ui/status-tabs'
import type { Option } from '@/shared/format/option'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import './index.css'

type StatusFilter = MemberStatus | 'ALL'

const TABS: Option<StatusFilter>[] = [
  { value: 'ALL', label: '全部' },
  { value: 'ACTIVE', label: '正常' },
  { value: 'APPLICANT', label: '待审核' },
  { value: 'REMOVED', label: '已移出' },
  { value: 'BANNED', label: '已拉黑' },
]

const EMPTY_TEXT: Record<StatusFilter, string> = {
  ALL: '还没有成员，去邀请大家加入吧',
  ACTIVE: '还没有正常状态的成员',
  APPLICANT: '没有待审核的申请',
  REMOVED: '没有被移出的成员',
  BANNED: '没有被拉黑的成员',
}

export default function AdminMembersPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const [status, setStatus] = useState<StatusFilter>('ALL')
  const [role, setRole] = useState<MemberRole | undefined>()
  const [tierLevel, setTierLevel] = useState<number | undefined>()
  const [tag, setTag] = useState<string | undefined>()
  const members = useMemberList(communityId, { status: status === 'ALL' ? undefined : status, role, tierLevel, tag }, { enabled: admin.isAdmin })
  const tiers = useQuery(() => fetchTiers(communityId), [communityId], { enabled: admin.isAdmin })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.isAdmin) await members.refresh()
  })
  useReachBottom(() => void members.loadMore())
  const openActions = useMemberActions(communityId, () => {
    void members.refresh()
    void admin.refresh()
  })

  const rows = members.items ?? []
  const narrowed = !!(members.search || role || tierLevel !== undefined || tag)
  const clearFilters = () => {
    members.setKeyword('')
    setRole(undefined)
    setTierLevel(undefined)
    setTag(undefined)
  }

  return (
    <AdminGate admin={admin}>
      {(self) => (
        <View className='qy-page qy-members'>
          <MemberSearch value={members.keyword} onChange={members.setKeyword} />
          <StatusTabs tabs={TABS} value={status} onChange={setStatus} />
          <MemberFilters
            role={role}
            onRole={setRole}
            tiers={tiers.data ?? []}
            tierLevel={tierLevel}
            onTierLevel={setTierLevel}
            tag={tag}
            onClearTag={() => setTag(undefined)}
          />
          {members.loading && <LoadingView />}
          {!members.loading && members.error && <ErrorView message={members.error.message} onRetry={members.reload} />}
          {!members.loading && !members.error && rows.length === 0 && (
            <EmptyView
              icon='人'
              tone='gray'
              title={narrowed ? '没有符合条件的成员' : '暂无成员'}
              description={narrowed ? '换个昵称或筛选条件试试' : EMPTY_TEXT[status]}
            />
          )}
          {!members.loading && narrowed && rows.length === 0 && (
            <View className='qy-members__clear' ariaRole='button' onClick={clearFilters}>
              清除搜索和筛选
            </View>
          )}
          {!members.loading && rows.length > 0 && (
            <>
              <View className='qy-members__summary'>
                {narrowed ? '符合条件' : '共'} {members.totalCount ?? rows.length} 人 · 点击成员可调整角色或移出
              </View>
              <View className='qy-card qy-members__list'>
                {rows.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    isSelf={member.id === self.id}
                    tierName={member.tier.name}
                    tags={member.tags}
                    onTag={setTag}
                    onClick={canManage(member, self.id) ? () => void openActions(member) : undefined}
                  />
                ))}
              </View>
              <ListFooter loadingMore={members.loadingMore} error={members.loadMoreError} hasNextPage={members.hasNextPage} onRetry={() => void members.loadMore()} />
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
