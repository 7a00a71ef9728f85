import { View } from '@tarojs/components'
import { fetchSignupForms } from '@/features/signup/api'
import ActionButton from '@/shared/ui/action-button'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import MemberGate from '@/features/membership/components/member-gate'
import SignupCard from '@/features/signup/components/signup-card'
import { isAdminRole } from '@/features/membership/labels'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { openPage, routes } from '@/shared/routes'
import './index.css'

export default function SignupListPage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const forms = useQuery(() => fetchSignupForms(communityId), [communityId], {
    enabled: state.membership?.status === 'ACTIVE',
  })
  usePageRefresh(async () => {
    await Promise.all([state.refresh(), forms.refresh()])
  })

  return (
    <MemberGate state={state}>
      {(membership) => (
        <View className='qy-page qy-signup-list'>
          {isAdminRole(membership.role) && (
            <View className='qy-signup-list__admin'>
              <View className='qy-muted'>你是管理员，可以发布和管理报名</View>
              <ActionButton size='small' variant='secondary' onClick={() => openPage(routes.adminSignups(communityId))}>
                管理报名
              </ActionButton>
            </View>
          )}
          {forms.loading && <LoadingView />}
          {forms.error && <ErrorView message={forms.error.message} onRetry={forms.reload} />}
          {forms.data?.length === 0 && (
            <EmptyView icon='报' tone='gray' title='暂时没有报名活动' description='管理员发布活动后，会第一时间出现在这里。' />
          )}
          {forms.data?.map((form) => (
            <SignupCard key={form.id} form={form} onClick={() => openPage(routes.signupDetail(communityId, form.id))} />
          ))}
        </View>
      )}
    </MemberGate>
  )
}
