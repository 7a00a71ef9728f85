import { View } from '@tarojs/components'
import { useState } from 'react'
import { type Coupon } from '@/features/coupons/api'
import { fetchCommunityCoupons, voidCoupon } from '@/features/coupons/admin/api'
import { isErrorResult, messageOf } from '@/shared/graphql/errors'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import ActionButton from '@/shared/ui/action-button'
import CouponCard from '@/features/coupons/components/coupon-card'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import StatusTabs from '@/shared/ui/status-tabs'
import { COMMUNITY_COUPON_TABS, type CouponStatusFilter } from '@/features/coupons/labels'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { economyFailureMessage } from '@/features/points/economy-messages'
import { alertMessage, confirmAction } from '@/platform/feedback'

export default function AdminCouponsPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const [filter, setFilter] = useState<CouponStatusFilter>('ALL')
  const coupons = useQuery(() => fetchCommunityCoupons(communityId, filter === 'ALL' ? undefined : filter), [communityId, filter], {
    enabled: admin.allowed,
  })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await coupons.refresh()
  })
  const [voiding, setVoiding] = useState<string | null>(null)

  const voidOne = async (coupon: Coupon) => {
    const confirmed = await confirmAction({
      title: '作废优惠券',
      content: `作废「${coupon.member.nickname || ANONYMOUS_NICKNAME}」的「${coupon.title}」？兑换它的 ${coupon.pointsCost} 积分会退回给 TA。`,
      confirmText: '作废',
      danger: true,
    })
    if (!confirmed) return
    setVoiding(coupon.id)
    try {
      const result = await voidCoupon(coupon.id)
      if (isErrorResult(result)) {
        void alertMessage(economyFailureMessage(result), '作废失败')
      } else {
        void alertMessage(`已退回 ${result.refundedPoints} 积分，TA 当前积分 ${result.balance}`, '已作废')
      }
      void coupons.refresh()
    } catch (caught) {
      void alertMessage(messageOf(caught), '作废失败')
    } finally {
      setVoiding(null)
    }
  }

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page'>
          <StatusTabs tabs={COMMUNITY_COUPON_TABS} value={filter} onChange={setFilter} />
          {coupons.loading && <LoadingView />}
          {coupons.error && <ErrorView message={coupons.error.message} onRetry={coupons.reload} />}
          {coupons.data?.length === 0 && <EmptyView icon='券' tone='gray' title='暂无优惠券' description='成员兑换的优惠券会出现在这里。' />}
          {coupons.data?.map((coupon) => (
            <CouponCard
              key={coupon.id}
              coupon={coupon}
              showOwner
              action={
                coupon.status === 'UNUSED' && (
                  <ActionButton size='small' variant='danger' loading={voiding === coupon.id} onClick={() => void voidOne(coupon)}>
                    作废
                  </ActionButton>
                )
              }
            />
          ))}
        </View>
      )}
    </AdminGate>
  )
}
