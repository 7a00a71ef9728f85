import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { fetchSignupForm } from '@/features/signup/api'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import MemberGate from '@/features/membership/components/member-gate'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { routes } from '@/shared/routes'
import SignupHeader from '@/features/signup/components/signup-header'
import SignupPanel from '@/features/signup/components/signup-panel'

export default function SignupDetailPage() {
  const { params } = useRouter()
  const formId = params.formId ?? ''
  const state = useMembership()
  const form = useQuery(() => fetchSignupForm(formId), [formId], {
    enabled: state.membership?.status === 'ACTIVE' && !!formId,
  })
  usePageRefresh(form.refresh)

  useShareAppMessage(() => ({
    title: form.data ? `【报名】${form.data.title}` : '活动报名',
    path: state.communityId ? routes.signupDetail(state.communityId, formId) : routes.home,
  }))

  return (
    <MemberGate state={state}>
      {() => (
        <View className='qy-page'>
          {form.loading && <LoadingView />}
          {form.error && <ErrorView message={form.error.message} onRetry={form.reload} />}
          {!form.loading && !form.error && !form.data && (
            <EmptyView icon='报' tone='gray' title='没有找到这个报名' description='它可能已被管理员删除。' />
          )}
          {form.data && (
            <>
              <SignupHeader form={form.data} />
              <SignupPanel
                key={form.data.id}
                form={form.data}
                onChanged={(fresh) => form.setData(() => fresh)}
                reload={() => void form.refresh()}
              />
            </>
          )}
        </View>
      )}
    </MemberGate>
  )
}
