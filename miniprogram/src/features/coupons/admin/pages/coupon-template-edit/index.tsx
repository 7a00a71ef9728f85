import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { fetchCouponTemplates } from '@/features/coupons/template-api'
import { createCouponTemplate, updateCouponTemplate } from '@/features/coupons/admin/template-api'
import { messageOf } from '@/shared/graphql/errors'
import { fetchTiers } from '@/features/membership/admin/tier-api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import CouponTemplateForm from '@/features/coupons/admin/components/coupon-template-form'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useEditableCopy } from '@/shared/hooks/useEditableCopy'
import { checkTemplateForm, emptyTemplateForm, templateForm } from '@/features/coupons/admin/template-form'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import { useQuery } from '@/shared/hooks/useQuery'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import { navigateBack } from '@/platform/navigation'
import { setPageTitle } from '@/platform/page'

export default function CouponTemplateEditPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const templateId = useRouter().params.templateId ?? null
  useEffect(() => {
    if (!templateId) setPageTitle('新建优惠券')
  }, [templateId])
  // There is no single-template query: the admin list has every template.
  const source = useQuery(
    async () => (templateId ? ((await fetchCouponTemplates(communityId, true)).find((item) => item.id === templateId) ?? null) : null),
    [communityId, templateId],
    { enabled: admin.allowed },
  )
  const tiers = useQuery(() => fetchTiers(communityId), [communityId], { enabled: admin.allowed })
  const [form, setForm] = useEditableCopy(source.data, (template) => (template ? templateForm(template) : emptyTemplateForm()))
  const [showErrors, setShowErrors] = useState(false)
  const [saving, setSaving] = useState(false)

  const checked = form ? checkTemplateForm(form) : null

  const save = async () => {
    setShowErrors(true)
    if (!checked?.input) return
    setSaving(true)
    try {
      if (templateId) await updateCouponTemplate(templateId, checked.input)
      else await createCouponTemplate(communityId, checked.input)
      toastSuccess(templateId ? '已保存' : '已创建')
      setTimeout(() => navigateBack(), 800)
    } catch (caught) {
      setSaving(false)
      void alertMessage(messageOf(caught), '保存失败')
    }
  }

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page'>
          {source.loading && <LoadingView />}
          {source.error && <ErrorView message={source.error.message} onRetry={source.reload} />}
          {templateId && source.data === null && <EmptyView icon='券' tone='gray' title='没有找到这张优惠券' />}
          {form && (templateId === null || source.data) && (
            <>
              <CouponTemplateForm form={form} errors={showErrors ? checked?.errors ?? {} : {}} tiers={tiers.data ?? []} onChange={setForm} />
              <ActionButton loading={saving} onClick={() => void save()}>
                {templateId ? '保存修改' : '创建优惠券'}
              </ActionButton>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
