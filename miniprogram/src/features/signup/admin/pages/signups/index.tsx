import { View } from '@tarojs/components'
import { fetchSignupForms } from '@/features/signup/api'
import AdminGate from '@/features/membership/admin/components/admin-gate'
import { useAdminCommunity } from '@/features/membership/admin/hooks/useAdminCommunity'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import SignupCard from '@/features/signup/components/signup-card'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { openPage, routes } from '@/shared/routes'
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
