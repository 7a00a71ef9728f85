import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { messageOf } from '@/shared/graphql/errors'
import { fetchSignupForm, type SignupStatus } from '@/features/signup/api'
import { closeSignupForm, exportSignupSubmissions, fetchSignupSubmissions } from '@/features/signup/admin/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import ExportBar from '@/features/exports/components/export-bar'
import SubmissionRow from '@/features/signup/admin/components/submission-row'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import SignupCard from '@/features/signup/components/signup-card'
import StatusTabs from '@/shared/ui/status-tabs'
import { SIGNUP_SUBMISSION_TABS } from '@/features/signup/labels'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { queryStatePage } from '@/shared/ui/query-state'
import { useQuery } from '@/shared/hooks/useQuery'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import { openPage, routes } from '@/shared/routes'
import './index.css'

export default function SignupManagePage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const formId = useRouter().params.formId ?? ''
  const [status, setStatus] = useState<Exclude<SignupStatus, 'CANCELLED'>>('CONFIRMED')
  const form = useQuery(() => fetchSignupForm(formId), [formId], { enabled: admin.allowed && !!formId })
  const submissions = useQuery(() => fetchSignupSubmissions(formId, status), [formId, status], { enabled: admin.allowed && !!formId })
  const [closing, setClosing] = useState(false)
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await Promise.all([form.refresh(), submissions.refresh()])
  })

  const close = async () => {
    const confirmed = await confirmAction({
      title: '截止报名',
      content: '截止后成员不能再报名、修改或取消，确定现在截止吗？',
      confirmText: '截止',
      danger: true,
    })
    if (!confirmed) return
    setClosing(true)
    try {
      const closed = await closeSignupForm(formId)
      form.setData((current) => current && { ...current, ...closed })
      toastSuccess('已截止报名')
    } catch (caught) {
      void alertMessage(messageOf(caught), '操作失败')
    } finally {
      setClosing(false)
    }
  }

  return (
    <AdminGate admin={admin}>
      {() => {
        const waiting = queryStatePage(form, { icon: '报', tone: 'gray', title: '没有找到这个报名' })
        if (waiting) return waiting
        const detail = form.data!
        return (
          <View className='qy-page'>
            <SignupCard form={{ ...detail, mySubmission: null }} onClick={() => openPage(routes.signupDetail(communityId, detail.id))} />
            <View className='qy-signup-manage__actions'>
              <ActionButton size='small' variant='secondary' onClick={() => openPage(routes.adminSignupEdit(communityId, detail.id))}>
                编辑
              </ActionButton>
              {detail.status === 'OPEN' && (
                <ActionButton size='small' variant='danger' loading={closing} onClick={() => void close()}>
                  截止报名
                </ActionButton>
              )}
            </View>
            <ExportBar hint='每个字段一列，表头为字段名称。' exportFile={(format) => exportSignupSubmissions(detail.id, format)} />
            <StatusTabs
              tabs={SIGNUP_SUBMISSION_TABS.map((tab) => ({
                ...tab,
                label: `${tab.label} ${tab.value === 'CONFIRMED' ? detail.confirmedCount : detail.waitlistCount}`,
              }))}
              value={status}
              onChange={setStatus}
            />
            {submissions.loading && <LoadingView />}
            {submissions.error && <ErrorView message={submissions.error.message} onRetry={submissions.reload} />}
            {submissions.data?.length === 0 && (
              <EmptyView icon='人' tone='gray' title={status === 'CONFIRMED' ? '还没有人报名' : '没有候补'} />
            )}
            {!!submissions.data?.length && (
              <View className='qy-card qy-signup-manage__list'>
                {submissions.data.map((submission, index) => (
                  <SubmissionRow key={submission.id} submission={submission} index={index} />
                ))}
              </View>
            )}
          </View>
        )
      }}
    </AdminGate>
  )
}
