import { View } from '@tarojs/components'
import { useState } from 'react'
import { type Coupon, fetchCommunityCoupons, voidCoupon } from '@/api/coupon'
import { isErrorResult, messageOf } from '@/api/errors'
import AdminGate from '@/admin/components/admin-gate'
import { useAdminCommunity } from '@/admin/hooks/useAdminCommunity'
import ActionButton from '@/components/action-button'
import CouponCard from '@/components/coupon-card'
import EmptyView from '@/components/empty-view'
import ErrorView from '@/components/error-view'
import LoadingView from '@/components/loading-view'
import StatusTabs from '@/components/status-tabs'
import { COMMUNITY_COUPON_TABS, type CouponStatusFilter } from '@/constants/coupon'
import { ANONYMOUS_NICKNAME } from '@/constants/profile'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useQuery } from '@/hooks/useQuery'
import { economyFailureMessage } from '@/utils/economy-messages'
import { alertMessage, confirmAction } from '@/utils/feedback'

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
      content: `作废「${coupon.member.nickname || ANONYMOUS_NICKNAME}」的「${coupon.template.title}」？兑换它的 ${coupon.pointsCost} 积分会退回给 TA。`,
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
