import { View } from '@tarojs/components'
import type { SignupSubmission } from '@/features/signup/api'
import ActionButton from '@/shared/ui/action-button'
import { formatDateTime } from '@/shared/format/format'
import { submissionStatusText } from '@/features/signup/rules'
import { answerText } from '@/features/signup/answers'
import './index.css'

interface SignupStatusProps {
  submission: SignupSubmission
  /** false once the deadline passed or the admin closed the form */
  editable: boolean
  cancelling: boolean
  onEdit: () => void
  onCancel: () => void
}

/** 已报名 / 候补第 N 位, what I answered, and 修改 / 取消报名 until the deadline. */
export default function SignupStatus({ submission, editable, cancelling, onEdit, onCancel }: SignupStatusProps) {
  const waitlisted = submission.status === 'WAITLISTED'
  return (
    <View className={`qy-card qy-signup-status ${waitlisted ? 'is-waitlisted' : ''}`}>
      <View className='qy-signup-status__badge'>{waitlisted ? '候' : '✓'}</View>
      <View className='qy-signup-status__title'>{submissionStatusText(submission)}</View>
      <View className='qy-signup-status__hint'>
        {waitlisted ? '有人取消时，会按候补顺序自动补上' : `提交于 ${formatDateTime(submission.updatedAt)}`}
      </View>
      <View className='qy-signup-status__answers'>
        {submission.answers.map((answer) => (
          <View key={answer.fieldId} className='qy-signup-status__answer'>
            <View className='qy-signup-status__label'>{answer.label}</View>
            <View className='qy-signup-status__value'>{answerText(answer) || '—'}</View>
          </View>
        ))}
      </View>
      {editable && (
        <View className='qy-signup-status__actions'>
          <ActionButton variant='secondary' onClick={onEdit}>
            修改报名信息
          </ActionButton>
          <ActionButton variant='danger' loading={cancelling} onClick={onCancel}>
            取消报名
          </ActionButton>
        </View>
      )}
    </View>
  )
}
