import { View } from '@tarojs/components'
import { useState } from 'react'
import { type MemberStatus } from '@/features/membership/api'
import { fetchMembers } from '@/features/members/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import MemberRow from '@/features/members/components/member-row'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { canManage, useMemberActions } from '@/features/members/hooks/useMemberActions'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
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
  const [filter, setFilter] = useState<StatusFilter>('ALL')
  const members = useQuery(() => fetchMembers(communityId, filter === 'ALL' ? undefined : filter), [communityId, filter], {
    enabled: admin.isAdmin,
  })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.isAdmin) await members.refresh()
  })
  const openActions = useMemberActions(communityId, () => {
    void members.refresh()
    void admin.refresh()
  })

  return (
    <AdminGate admin={admin}>
      {(self) => (
        <View className='qy-page'>
          <StatusTabs tabs={TABS} value={filter} onChange={setFilter} />
          {members.loading && <LoadingView />}
          {!members.loading && members.error && <ErrorView message={members.error.message} onRetry={members.reload} />}
          {!members.loading && members.data?.length === 0 && (
            <EmptyView icon='人' tone='gray' title='暂无成员' description={EMPTY_TEXT[filter]} />
          )}
          {!members.loading && !!members.data?.length && (
            <>
              <View className='qy-members__summary'>共 {members.data.length} 人 · 点击成员可调整角色或移出</View>
              <View className='qy-card qy-members__list'>
                {members.data.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    isSelf={member.id === self.id}
                    onClick={canManage(member, self.id) ? () => void openActions(member) : undefined}
                  />
                ))}
              </View>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
