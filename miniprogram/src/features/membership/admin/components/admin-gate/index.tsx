import type { ReactNode } from 'react'
import type { Membership } from '@/features/membership/api'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import MembershipGate from '@/features/membership/components/membership-gate'
import { goHome } from '@/shared/routes'
import type { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'

interface AdminGateProps {
  admin: ReturnType<typeof useAdminCommunity>
  children: (membership: Membership) => ReactNode
}

/** Login, loading, error and 无权限 for every admin page; the server checks again anyway. */
export default function AdminGate({ admin, children }: AdminGateProps) {
  const denied = (
    <EmptyView
      icon='锁'
      tone='gray'
      title='无权限'
      description={admin.allowStaff ? '只有核销员、管理员和群主可以核销优惠券' : '只有群主和管理员可以管理社群'}
    >
      <ActionButton variant='secondary' onClick={goHome}>
        返回首页
      </ActionButton>
    </EmptyView>
  )
  return (
    <MembershipGate state={admin} allowed={admin.allowed} denied={denied}>
      {children}
    </MembershipGate>
  )
}
