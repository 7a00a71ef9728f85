import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { createCouponTemplate, fetchCouponTemplates, updateCouponTemplate } from '@/api/coupon-template'
import { messageOf } from '@/api/errors'
import { fetchTiers } from '@/api/tier'
import AdminGate from '@/admin/components/admin-gate'
import CouponTemplateForm from '@/admin/components/coupon-template-form'
import { useAdminCommunity } from '@/admin/hooks/useAdminCommunity'
import { useEditableCopy } from '@/admin/hooks/useEditableCopy'
import { checkTemplateForm, emptyTemplateForm, templateForm } from '@/admin/utils/coupon-template-form'
import ActionButton from '@/components/action-button'
import EmptyView from '@/components/empty-view'
import ErrorView from '@/components/error-view'
import LoadingView from '@/components/loading-view'
import { useQuery } from '@/hooks/useQuery'
import { alertMessage, toastSuccess } from '@/utils/feedback'

export default function CouponTemplateEditPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const templateId = useRouter().params.templateId ?? null
  useEffect(() => {
    if (!templateId) void Taro.setNavigationBarTitle({ title: '新建优惠券' })
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
      setTimeout(() => void Taro.navigateBack(), 800)
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
