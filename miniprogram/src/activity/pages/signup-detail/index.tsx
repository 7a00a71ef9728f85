import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { fetchSignupForm } from '@/api/signup'
import EmptyView from '@/components/empty-view'
import ErrorView from '@/components/error-view'
import LoadingView from '@/components/loading-view'
import MemberGate from '@/components/member-gate'
import { useMembership } from '@/hooks/useMembership'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useQuery } from '@/hooks/useQuery'
import { routes } from '@/utils/routes'
import SignupHeader from '../../components/signup-header'
import SignupPanel from '../../components/signup-panel'

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
