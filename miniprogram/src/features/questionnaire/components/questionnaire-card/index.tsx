import { View } from '@tarojs/components'
import { fetchMyApplication } from '@/features/questionnaire/api'
import { usePageRefresh } from '@/shared/hooks/usePageRefresh'
import { useQuery } from '@/shared/hooks/useQuery'
import { openPage, routes } from '@/shared/routes'
import ActionButton from '@/shared/ui/action-button'
import './index.css'

/** Home, for an applicant of a QUESTIONNAIRE community: fill in, wait, or try again after a rejection. */
export default function QuestionnaireCard({ communityId }: { communityId: string }) {
  const application = useQuery(() => fetchMyApplication(communityId), [communityId])
  usePageRefresh(application.refresh)
  const open = () => openPage(routes.questionnaire(communityId))

  if (application.loading) return null
  if (application.error) {
    return (
      <View className='qy-card qy-questionnaire-card' onClick={() => void application.reload()}>
        <View className='qy-muted'>入群问卷状态加载失败，点击重试</View>
      </View>
    )
  }

  const status = application.data?.status
  if (status === 'PENDING') {
    return (
      <View className='qy-card qy-questionnaire-card qy-questionnaire-card--pending' hoverClass='is-pressed' onClick={open}>
        <View className='qy-questionnaire-card__icon'>审</View>
        <View className='qy-questionnaire-card__body'>
          <View className='qy-questionnaire-card__title'>问卷已提交，等待审核</View>
          <View className='qy-questionnaire-card__text'>管理员审核通过后，就可以签到、攒积分、领福利啦。</View>
        </View>
      </View>
    )
  }

  const rejected = status === 'REJECTED'
  return (
    <View className='qy-card qy-questionnaire-card'>
      <View className='qy-questionnaire-card__row'>
        <View className={`qy-questionnaire-card__icon ${rejected ? 'is-rejected' : ''}`}>{rejected ? '!' : '问'}</View>
        <View className='qy-questionnaire-card__body'>
          <View className='qy-questionnaire-card__title'>{rejected ? '入群申请未通过' : '完成入群问卷'}</View>
          <View className='qy-questionnaire-card__text'>
            {rejected
              ? `原因：${application.data?.rejectReason || '未填写'}。可以修改回答后重新提交。`
              : '回答几个小问题，通过后即可成为正式成员。'}
          </View>
        </View>
      </View>
      <ActionButton className='qy-questionnaire-card__button' onClick={open}>
        {rejected ? '重新填写' : '开始填写'}
      </ActionButton>
    </View>
  )
}
