import { View } from '@tarojs/components'
import { fetchSignupForms } from '@/api/signup'
import AdminGate from '@/admin/components/admin-gate'
import { useAdminCommunity } from '@/admin/hooks/useAdminCommunity'
import ActionButton from '@/components/action-button'
import EmptyView from '@/components/empty-view'
import ErrorView from '@/components/error-view'
import LoadingView from '@/components/loading-view'
import SignupCard from '@/components/signup-card'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useQuery } from '@/hooks/useQuery'
import { openPage, routes } from '@/utils/routes'
import './index.css'

export default function AdminSignupsPage() {
  const admin = useAdminCommunity()
  const communityId = admin.communityId ?? ''
  const forms = useQuery(() => fetchSignupForms(communityId), [communityId], { enabled: admin.allowed })
  usePageRefresh(async () => {
    await admin.refresh()
    if (admin.allowed) await forms.refresh()
  })

  return (
    <AdminGate admin={admin}>
      {() => (
        <View className='qy-page'>
          <ActionButton className='qy-admin-signups__create' onClick={() => openPage(routes.adminSignupEdit(communityId))}>
            + 发布报名
          </ActionButton>
          {forms.loading && <LoadingView />}
          {forms.error && <ErrorView message={forms.error.message} onRetry={forms.reload} />}
          {forms.data?.length === 0 && (
            <EmptyView icon='报' tone='gray' title='还没有报名活动' description='发布一个报名表，成员就能在「活动报名」里报名。' />
          )}
          {forms.data?.map((form) => (
            <SignupCard
              key={form.id}
              form={{ ...form, mySubmission: null }}
              onClick={() => openPage(routes.adminSignupManage(communityId, form.id))}
            />
          ))}
        </View>
      )}
    </AdminGate>
  )
}
