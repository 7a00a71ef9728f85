import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { messageOf } from '@/shared/graphql/errors'
import { fetchSignupForm } from '@/features/signup/api'
import { createSignupForm, updateSignupForm } from '@/features/signup/admin/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import SignupFieldEditor from '@/features/signup/admin/components/signup-field-editor'
import SignupSettings from '@/features/signup/admin/components/signup-settings'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import { useEditableCopy } from '@/shared/hooks/useEditableCopy'
import { moved } from '@/shared/format/list-order'
import { checkSignupForm, emptySignupForm, type FieldDraft, newField, signupEditForm } from '@/features/signup/admin/signup-form'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import NoticeBar from '@/shared/ui/notice-bar'
import { SIGNUP_FIELDS_MAX } from '@/features/signup/labels'
import { useQuery } from '@/shared/hooks/useQuery'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import { routes } from '@/shared/routes'
import './index.css'
import { redirectTo } from '@/platform/navigation'
import { setPageTitle } from '@/platform/page'

export default function SignupEditPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const formId = useRouter().params.formId ?? null
  const source = useQuery(async () => (formId ? fetchSignupForm(formId) : null), [formId], { enabled: admin.allowed })
  const [form, setForm] = useEditableCopy(source.data, (existing) => (existing ? signupEditForm(existing) : emptySignupForm()))
  const [showErrors, setShowErrors] = useState(false)
  const [saving, setSaving] = useState(false)
  const existing = source.data ?? null

  useEffect(() => {
    setPageTitle(formId ? '编辑报名' : '发布报名')
  }, [formId])

  const checked = form ? checkSignupForm(form) : null
  const errors = showErrors && checked ? checked.errors : { byField: {} as Record<string, string> }
  const setFields = (update: (fields: FieldDraft[]) => FieldDraft[]) => setForm((current) => current && { ...current, fields: update(current.fields) })

  const save = async () => {
    setShowErrors(true)
    if (!checked?.input) {
      void alertMessage('有内容没有填好，请按红色提示修改', '还不能发布')
      return
    }
    setSaving(true)
    try {
      const saved = existing ? await updateSignupForm(existing.id, checked.input) : await createSignupForm(communityId, checked.input)
      toastSuccess(existing ? '已保存' : '已发布')
      setTimeout(() => redirectTo(routes.adminSignupManage(communityId, saved.id)), 800)
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
          {formId && source.data === null && <EmptyView icon='报' tone='gray' title='没有找到这个报名' />}
          {existing && existing.confirmedCount + existing.waitlistCount > 0 && (
            <NoticeBar tone='info' title={`已有 ${existing.confirmedCount + existing.waitlistCount} 人报名`} description='修改字段后，已提交的答案仍按原字段保留。' />
          )}
          {form && (formId === null || existing) && (
            <>
              <SignupSettings form={form} errors={errors} onChange={setForm} />
              <View className='qy-section-title'>
                报名信息
                <View className='qy-section-title__extra'>成员报名时填写</View>
              </View>
              {errors.fields && <View className='qy-signup-edit__error'>{errors.fields}</View>}
              {form.fields.map((field, index) => (
                <SignupFieldEditor
                  key={field.key}
                  index={index}
                  count={form.fields.length}
                  field={field}
                  error={errors.byField[field.key] ?? null}
                  onChange={(next) => setFields((list) => list.map((item) => (item.key === field.key ? next : item)))}
                  onMove={(delta) => setFields((list) => moved(list, index, delta))}
                  onRemove={() => setFields((list) => list.filter((item) => item.key !== field.key))}
                />
              ))}
              {form.fields.length < SIGNUP_FIELDS_MAX && (
                <View className='qy-signup-edit__add'>
                  <ActionButton variant='plain' onClick={() => setFields((list) => [...list, newField()])}>
                    + 添加字段
                  </ActionButton>
                </View>
              )}
              <ActionButton loading={saving} onClick={() => void save()}>
                {existing ? '保存修改' : '发布报名'}
              </ActionButton>
            </>
          )}
        </View>
      )}
    </AdminGate>
  )
}
