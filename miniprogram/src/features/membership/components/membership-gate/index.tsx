import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Membership } from '@/features/membership/api'
import type { MembershipState } from '@/features/membership/hooks/useMembership'
import { useToken } from '@/features/session/hooks/useSession'
import { goHome } from '@/shared/routes'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import LoginPanel from '@/features/session/components/login-panel'

interface MembershipGateProps {
  state: MembershipState
  /** Whether this membership may see the page. */
  allowed: boolean
  /** What to show otherwise (无权限, 审核中 …). */
  denied: ReactNode
  children: (membership: Membership) => ReactNode
}

/** Login, no community, loading, error and "not for you" for every page of one community. */
export default function MembershipGate({ state, allowed, denied, children }: MembershipGateProps) {
  const token = useToken()
  if (!token) return <LoginPanel />
  if (state.communityId && !state.loading && !state.error && state.membership && allowed) {
    return <>{children(state.membership)}</>
  }
  if (!state.communityId) {
    return (
      <View className='qy-page'>
        <EmptyView icon='群' title='还没有选择社群' description='请先在首页选择社群'>
          <ActionButton onClick={goHome}>返回首页</ActionButton>
        </EmptyView>
      </View>
    )
  }
  if (state.loading) {
    return (
      <View className='qy-page'>
        <LoadingView />
      </View>
    )
  }
  if (state.error) {
    return (
      <View className='qy-page'>
        <ErrorView message={state.error.message} onRetry={state.reload} />
      </View>
    )
  }
  return <View className='qy-page'>{denied}</View>
}
