import type { ReactNode } from 'react'
import type { Membership } from '@/features/membership/api'
import type { MembershipState } from '@/features/membership/hooks/useMembership'
import { goHome } from '@/shared/routes'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import MembershipGate from '@/features/membership/components/membership-gate'

function deniedView(membership: Membership | null) {
  const [title, description] =
    membership?.status === 'APPLICANT'
      ? ['入群申请审核中', '管理员审核通过后，就可以签到、攒积分、领福利啦。']
      : ['你还不是这个社群的成员', '通过群里的小程序卡片或邀请链接加入后再来吧。']
  return (
    <EmptyView icon='群' tone='gray' title={title} description={description}>
      <ActionButton variant='secondary' onClick={goHome}>
        返回首页
      </ActionButton>
    </EmptyView>
  )
}

/** Member pages (签到日历, 积分明细, 积分商城, 我的优惠券): active members only. */
export default function MemberGate({ state, children }: { state: MembershipState; children: (membership: Membership) => ReactNode }) {
  return (
    <MembershipGate state={state} allowed={state.membership?.status === 'ACTIVE'} denied={deniedView(state.membership)}>
      {children}
    </MembershipGate>
  )
}
