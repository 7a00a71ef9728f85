import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { messageOf } from '@/api/errors'
import { fetchSignupForm } from '@/api/signup'
import { createSignupForm, updateSignupForm } from '@/api/signup-admin'
import AdminGate from '@/admin/components/admin-gate'
import SignupFieldEditor from '@/admin/components/signup-field-editor'
import SignupSettings from '@/admin/components/signup-settings'
import { useAdminCommunity } from '@/admin/hooks/useAdminCommunity'
import { useEditableCopy } from '@/admin/hooks/useEditableCopy'
import { moved } from '@/admin/utils/list-order'
import { checkSignupForm, emptySignupForm, type FieldDraft, newField, signupEditForm } from '@/admin/utils/signup-form'
import ActionButton from '@/components/action-button'
import EmptyView from '@/components/empty-view'
import ErrorView from '@/components/error-view'
import LoadingView from '@/components/loading-view'
import NoticeBar from '@/components/notice-bar'
import { SIGNUP_FIELDS_MAX } from '@/constants/signup'
import { useQuery } from '@/hooks/useQuery'
import { alertMessage, toastSuccess } from '@/utils/feedback'
import { routes } from '@/utils/routes'
import './index.css'

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
    void Taro.setNavigationBarTitle({ title: formId ? '编辑报名' : '发布报名' })
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
      setTimeout(() => void Taro.redirectTo({ url: routes.adminSignupManage(communityId, saved.id) }), 800)
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
