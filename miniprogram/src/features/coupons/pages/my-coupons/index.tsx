import { View } from '@tarojs/components'
import { useState } from 'react'
import { type CouponStatus, fetchMyCoupons } from '@/features/coupons/api'
import ActionButton from '@/shared/ui/action-button'
import CouponCard from '@/features/coupons/components/coupon-card'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import MemberGate from '@/features/membership/components/member-gate'
import StatusTabs from '@/shared/ui/status-tabs'
import { MY_COUPON_TABS } from '@/features/coupons/labels'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { openPage, routes } from '@/shared/routes'

const EMPTY_TEXT: Record<CouponStatus, string> = {
  UNUSED: '还没有可用的优惠券，去积分商城用积分兑换吧',
  USED: '还没有使用过优惠券',
  EXPIRED: '没有过期的优惠券',
  VOID: '没有被作废的优惠券',
}

export default function MyCouponsPage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const [status, setStatus] = useState<CouponStatus>('UNUSED')
  const coupons = useQuery(() => fetchMyCoupons(communityId, status), [communityId, status], {
    enabled: state.membership?.status === 'ACTIVE',
  })
  usePageRefresh(coupons.refresh)

  return (
    <MemberGate state={state}>
      {() => (
        <View className='qy-page qy-my-coupons'>
          <StatusTabs tabs={MY_COUPON_TABS} value={status} onChange={setStatus} />
          {coupons.loading && <LoadingView />}
          {coupons.error && <ErrorView message={coupons.error.message} onRetry={coupons.reload} />}
          {coupons.data?.length === 0 && (
            <EmptyView icon='券' tone='gray' title='暂无优惠券' description={EMPTY_TEXT[status]}>
              {status === 'UNUSED' && <ActionButton onClick={() => openPage(routes.couponShop(communityId))}>去积分商城</ActionButton>}
            </EmptyView>
          )}
          {coupons.data?.map((coupon) => (
            <CouponCard key={coupon.id} coupon={coupon} onClick={() => openPage(routes.couponDetail(coupon.id))} />
          ))}
        </View>
      )}
    </MemberGate>
  )
}
