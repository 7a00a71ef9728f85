import { View } from '@tarojs/components'
import { useState } from 'react'
import { type CouponStatus, fetchMyCoupons } from '@/api/coupon'
import ActionButton from '@/components/action-button'
import CouponCard from '@/components/coupon-card'
import EmptyView from '@/components/empty-view'
import ErrorView from '@/components/error-view'
import LoadingView from '@/components/loading-view'
import MemberGate from '@/components/member-gate'
import StatusTabs from '@/components/status-tabs'
import { MY_COUPON_TABS } from '@/constants/coupon'
import { useMembership } from '@/hooks/useMembership'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useQuery } from '@/hooks/useQuery'
import { openPage, routes } from '@/utils/routes'

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
