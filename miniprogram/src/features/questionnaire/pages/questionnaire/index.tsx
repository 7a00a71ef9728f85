import { View } from '@tarojs/components'
import { useState } from 'react'
import type { Membership } from '@/features/membership/api'
import { type ApplicationSubmitted, fetchMyApplication, fetchQuestionnaire } from '@/features/questionnaire/api'
import ActionButton from '@/shared/ui/action-button'
import ApplicationResult from '@/features/questionnaire/components/application-result'
import EmptyView from '@/shared/ui/empty-view'
import ErrorView from '@/shared/ui/error-view'
import LoadingView from '@/shared/ui/loading-view'
import MembershipGate from '@/features/membership/components/membership-gate'
import QuestionnaireForm from '@/features/questionnaire/components/questionnaire-form'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { setCurrentCommunityId } from '@/features/community/current-community'
import { draftOfApplication } from '@/features/questionnaire/answers'
import { goHome } from '@/shared/routes'

const canApply = (membership: Membership | null) => membership?.status === 'APPLICANT' || membership?.status === 'ACTIVE'

export default function QuestionnairePage() {
  const state = useMembership()
  const communityId = state.communityId ?? ''
  const enabled = canApply(state.membership)
  const questionnaire = useQuery(() => fetchQuestionnaire(communityId), [communityId], { enabled })
  const application = useQuery(() => fetchMyApplication(communityId), [communityId], { enabled })
  const [rewriting, setRewriting] = useState(false)
  const [approved, setApproved] = useState(false)
  usePageRefresh(async () => {
    await Promise.all([state.refresh(), questionnaire.refresh(), application.refresh()])
  })

  const enterCommunity = () => {
    setCurrentCommunityId(communityId)
    goHome()
  }

  const onSubmitted = ({ application: submitted, member }: ApplicationSubmitted) => {
    application.setData(() => submitted)
    state.setData((current) => current && { ...current, ...member })
    setRewriting(false)
    if (member.status === 'ACTIVE') setApproved(true)
  }

  const denied = (
    <EmptyView icon='群' tone='gray' title='你还不是这个社群的成员' description='通过群里的小程序卡片或邀请链接加入后再来填写问卷。'>
      <ActionButton variant='secondary' onClick={goHome}>
        返回首页
      </ActionButton>
    </EmptyView>
  )

  return (
    <MembershipGate state={state} allowed={enabled} denied={denied}>
      {(membership) => {
        const name = membership.community.name
        if (approved || membership.status === 'ACTIVE') {
          return (
            <View className='qy-page'>
              <ApplicationResult
                kind={approved ? 'approved' : 'member'}
                communityName={name}
                welcomePoints={questionnaire.data?.welcomePoints}
              >
                <ActionButton onClick={enterCommunity}>进入社群</ActionButton>
              </ApplicationResult>
            </View>
          )
        }
        if (questionnaire.loading || application.loading) {
          return (
            <View className='qy-page'>
              <LoadingView />
            </View>
          )
        }
        const failure = questionnaire.error ?? application.error
        if (failure) {
          return (
            <View className='qy-page'>
              <ErrorView
                message={failure.message}
                onRetry={() => void Promise.all([questionnaire.reload(), application.reload()])}
              />
            </View>
          )
        }
        const mine = application.data
        if (mine?.status === 'PENDING') {
          return (
            <View className='qy-page'>
              <ApplicationResult kind='pending' communityName={name}>
                <ActionButton variant='secondary' onClick={goHome}>
                  返回首页
                </ActionButton>
              </ApplicationResult>
            </View>
          )
        }
        if (mine?.status === 'REJECTED' && !rewriting) {
          return (
            <View className='qy-page'>
              <ApplicationResult kind='rejected' communityName={name} rejectReason={mine.rejectReason}>
                {questionnaire.data && <ActionButton onClick={() => setRewriting(true)}>重新填写</ActionButton>}
                <ActionButton variant='secondary' onClick={goHome}>
                  返回首页
                </ActionButton>
              </ApplicationResult>
            </View>
          )
        }
        if (!questionnaire.data) {
          return (
            <View className='qy-page'>
              <EmptyView icon='问' tone='gray' title='社群还没有设置入群问卷' description='请耐心等待管理员审核你的入群申请。'>
                <ActionButton variant='secondary' onClick={goHome}>
                  返回首页
                </ActionButton>
              </EmptyView>
            </View>
          )
        }
        return (
          <View className='qy-page'>
            <QuestionnaireForm
              communityId={communityId}
              communityName={name}
              questionnaire={questionnaire.data}
              initialDraft={draftOfApplication(questionnaire.data.questions, mine)}
              onSubmitted={onSubmitted}
            />
          </View>
        )
      }}
    </MembershipGate>
  )
}
