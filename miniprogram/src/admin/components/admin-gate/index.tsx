import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Membership } from '@/api/member'
import type { useAdminCommunity } from '../../hooks/useAdminCommunity'
import { useToken } from '@/hooks/useSession'
import { goHome } from '@/utils/routes'
import ActionButton from '@/components/action-button'
import EmptyView from '@/components/empty-view'
import ErrorView from '@/components/error-view'
import LoadingView from '@/components/loading-view'
import LoginPanel from '@/components/login-panel'

interface AdminGateProps {
  admin: ReturnType<typeof useAdminCommunity>
  children: (membership: Membership) => ReactNode
}

/** Login, loading, error and 无权限 for every admin page; the server checks again anyway. */
export default function AdminGate({ admin, children }: AdminGateProps) {
  const token = useToken()
  if (!token) return <LoginPanel />
  if (admin.communityId && !admin.loading && !admin.error && admin.membership && admin.isAdmin) {
    return <>{children(admin.membership)}</>
  }
  return <View className='qy-page'>{gateState(admin)}</View>
}

function gateState(admin: AdminGateProps['admin']) {
  if (!admin.communityId) {
    return (
      <EmptyView icon='群' title='还没有选择社群' description='请先在首页选择要管理的社群'>
        <ActionButton onClick={goHome}>返回首页</ActionButton>
      </EmptyView>
    )
  }
  if (admin.loading) return <LoadingView />
  if (admin.error) return <ErrorView message={admin.error.message} onRetry={admin.reload} />
  return (
    <EmptyView icon='锁' tone='gray' title='无权限' description='只有群主和管理员可以管理社群'>
      <ActionButton variant='secondary' onClick={goHome}>
        返回首页
      </ActionButton>
    </EmptyView>
  )
}
