import { View } from '@tarojs/components'
import type { SignupSubmission } from '@/features/signup/api'
import Avatar from '@/shared/ui/avatar'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { formatDateTime } from '@/shared/format/format'
import { submissionStatusText } from '@/features/signup/rules'
import { answerText } from '@/features/signup/answers'
import './index.css'

/** One submission for the admin: who, status, when, and every answer. */
export default function SubmissionRow({ submission, index }: { submission: SignupSubmission; index: number }) {
  const nickname = submission.member.nickname || ANONYMOUS_NICKNAME
  return (
    <View className='qy-submission'>
      <View className='qy-submission__head'>
        <View className='qy-submission__index'>{index + 1}</View>
        <Avatar name={nickname} url={submission.member.avatarUrl} size='small' />
        <View className='qy-submission__who'>
          <View className='qy-submission__name qy-ellipsis'>{nickname}</View>
          <View className='qy-muted'>{formatDateTime(submission.submittedAt)} 报名</View>
        </View>
        <View className={`qy-tag ${submission.status === 'WAITLISTED' ? 'qy-tag--warning' : ''}`}>{submissionStatusText(submission)}</View>
      </View>
      <View className='qy-submission__answers'>
        {submission.answers.map((answer) => (
          <View key={answer.fieldId} className='qy-submission__answer'>
            <View className='qy-submission__label'>{answer.label}</View>
            <View className='qy-submission__value'>{answerText(answer) || '—'}</View>
          </View>
        ))}
      </View>
    </View>
  )
}
