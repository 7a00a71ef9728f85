import { View } from '@tarojs/components'
import { fetchCouponTemplates } from '@/features/coupons/template-api'
import CouponTemplateCard from '@/features/coupons/components/coupon-template-card'
import EmptyView from '@/shared/ui/empty-view'
import NoticeBar from '@/shared/ui/notice-bar'
import PointsExpiryNotice from '@/features/points/components/expiry-notice'
import { affordableWith } from '@/features/coupons/rules'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import MemberGate from '@/features/membership/components/member-gate'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { useRedeemCoupon } from '@/features/coupons/hooks/useRedeemCoupon'
import { confirmAction } from '@/platform/feedback'
import { openPage, routes } from '@/shared/routes'
import './index.css'

export default function CouponShopPage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const templates = useQuery(() => fetchCouponTemplates(communityId), [communityId], {
    enabled: state.membership?.status === 'ACTIVE',
  })
  const refreshAll = async () => {
    await Promise.all([state.refresh(), templates.refresh()])
  }
  usePageRefresh(refreshAll)

  const { pendingId, redeem } = useRedeemCoupon(async (redeemed) => {
    void refreshAll()
    const open = await confirmAction({
      title: '兑换成功',
      content: `「${redeemed.coupon.title}」已放入我的优惠券，剩余 ${redeemed.balance} 积分。`,
      confirmText: '去使用',
    })
    if (open) openPage(routes.couponDetail(redeemed.coupon.id))
  })

  return (
    <MemberGate state={state}>
      {(membership) => (
        <View className='qy-page qy-shop'>
          <View className='qy-shop__head'>
            <View>
              <View className='qy-shop__label'>我的积分</View>
              <View className='qy-shop__points'>{membership.points}</View>
            </View>
            <View className='qy-shop__rate'>100 积分 = ¥1</View>
          </View>
          {membership.community.couponIssuingPausedAt && (
            <NoticeBar tone='warning' title='优惠券暂停兑换' description={membership.community.couponIssuingPauseReason ?? '请稍后再来'} />
          )}

          {templates.data && (
            <PointsExpiryNotice
              key={`${communityId}:${membership.points}`}
              communityId={communityId}
              suggestion={(expiring) => {
                const titles = affordableWith(templates.data ?? [], expiring.points).map((template) => `「${template.title}」`)
                return titles.length ? `可兑换 ${titles.slice(0, 3).join('、')}，别让它们白白过期。` : null
              }}
            />
          )}
          {templates.loading && <LoadingView />}
          {templates.error && <ErrorView message={templates.error.message} onRetry={templates.reload} />}
          {templates.data?.length === 0 && (
            <EmptyView icon='兑' tone='gray' title='暂时没有可兑换的优惠券' description='管理员上新后会第一时间出现在这里。' />
          )}
          {templates.data?.map((template) => (
            <CouponTemplateCard
              key={template.id}
              template={template}
              paused={membership.community.couponIssuingPausedAt !== null}
              redeeming={pendingId === template.id}
              onRedeem={() => void redeem(template)}
            />
          ))}
        </View>
      )}
    </MemberGate>
  )
}
