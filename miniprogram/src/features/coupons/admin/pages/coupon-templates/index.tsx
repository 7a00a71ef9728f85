import { View } from '@tarojs/components'
import { Switch } from '@/shared/ui/form-controls'
import { useState } from 'react'
import { type CouponTemplate, fetchCouponTemplates } from '@/features/coupons/template-api'
import { setCouponTemplateActive } from '@/features/coupons/admin/template-api'
import { messageOf } from '@/shared/graphql/errors'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import ActionButton from '@/shared/ui/action-button'
import CouponTicket from '@/features/coupons/components/coupon-ticket'
import IssuingPauseCard from '@/features/coupons/admin/components/issuing-pause-card'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { templateFacts } from '@/features/coupons/rules'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import { formatDate } from '@/shared/format/format'
import { openPage, routes } from '@/shared/routes'
import './index.css'

function windowText(template: CouponTemplate): string | null {
  if (!template.startsAt && !template.endsAt) return null
  return `${template.startsAt ? formatDate(template.startsAt) : '即日'} 至 ${template.endsAt ? formatDate(template.endsAt) : '长期'}`
}

export default function CouponTemplatesPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const templates = useQuery(() => fetchCouponTemplates(communityId, true), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await templates.refresh()
  })
  const [switching, setSwitching] = useState<string | null>(null)

  const toggle = async (template: CouponTemplate, active: boolean) => {
    setSwitching(template.id)
    try {
      const updated = await setCouponTemplateActive(template.id, active)
      templates.setData((list) => list?.map((item) => (item.id === updated.id ? updated : item)))
      toastSuccess(active ? '已上架' : '已下架')
    } catch (caught) {
      void alertMessage(messageOf(caught), '操作失败')
      void templates.refresh()
    } finally {
      setSwitching(null)
    }
  }

  return (
    <AdminGate admin={admin}>
      {(self) => (
        <View className='qy-page qy-templates'>
          <IssuingPauseCard
            communityId={communityId}
            pausedAt={self.community.couponIssuingPausedAt}
            reason={self.community.couponIssuingPauseReason}
            onChanged={admin.refresh}
          />
          <ActionButton className='qy-templates__create' onClick={() => openPage(routes.adminCouponTemplateEdit(communityId))}>
            + 新建优惠券
          </ActionButton>
          {templates.loading && <LoadingView />}
          {templates.error && <ErrorView message={templates.error.message} onRetry={templates.reload} />}
          {templates.data?.length === 0 && (
            <EmptyView icon='券' tone='gray' title='还没有优惠券' description='新建一张优惠券，成员就能在积分商城用积分兑换。' />
          )}
          {templates.data?.map((template) => (
            <CouponTicket
              key={template.id}
              title={template.title}
              faceValueFen={template.faceValueFen}
              minSpendFen={template.minSpendFen}
              muted={!template.active}
              footer={
                <>
                  <View className='qy-templates__switch'>
                    <Switch
                      label={`${template.title} 上架`}
                      checked={template.active}
                      color='#07c160'
                      disabled={switching === template.id}
                      onChange={(event) => void toggle(template, event.detail.value)}
                    />
                    <View className='qy-muted'>{template.active ? '上架中' : '已下架'}</View>
                  </View>
                  <ActionButton
                    size='small'
                    variant='secondary'
                    onClick={() => openPage(routes.adminCouponTemplateEdit(communityId, template.id))}
                  >
                    编辑
                  </ActionButton>
                </>
              }
            >
              <View>{template.pointsCost} 积分</View>
              <View>已发放 {template.issuedCount} 张</View>
              {templateFacts(template).map((fact) => (
                <View key={fact}>{fact}</View>
              ))}
              {windowText(template) && <View>{windowText(template)}</View>}
            </CouponTicket>
          ))}
        </View>
      )}
    </AdminGate>
  )
}
