import { View } from '@tarojs/components'
import type { ReviewedApplication } from '@/features/questionnaire/admin/api'
import ActionButton from '@/shared/ui/action-button'
import Avatar from '@/shared/ui/avatar'
import { PAYMENT_STATUS_LABELS } from '@/features/payment/admin/labels'
import { feeText } from '@/features/payment/labels'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { formatDateTime } from '@/shared/format/format'
import './index.css'

interface ApplicationCardProps {
  application: ReviewedApplication
  busy: boolean
  onApprove: () => void
  onReject: () => void
}

function answerText(answer: ReviewedApplication['answers'][number]): string {
  if (answer.type === 'TEXT') return answer.text || '（未填写）'
  return answer.optionLabels.length > 0 ? answer.optionLabels.join('、') : '（未选择）'
}

/** An application as the admin reviews it: who, score, answers, tags; 通过 / 拒绝 while pending. */
export default function ApplicationCard({ application, busy, onApprove, onReject }: ApplicationCardProps) {
  const nickname = application.member.nickname || ANONYMOUS_NICKNAME
  // The server answers tags only to admins (null to anyone else); this card is the admins'.
  const tags = application.tags ?? []
  return (
    <View className='qy-card qy-application'>
      <View className='qy-application__head'>
        <Avatar name={nickname} url={application.member.avatarUrl} size='small' />
        <View className='qy-application__who'>
          <View className='qy-application__name qy-ellipsis'>{nickname}</View>
          <View className='qy-muted'>{formatDateTime(application.submittedAt)} 提交</View>
        </View>
        <View className='qy-application__score'>
          <View className={`qy-application__score-value ${application.passed ? 'is-passed' : ''}`}>{application.score}</View>
          <View className='qy-application__score-label'>{application.passed ? '及格' : '未及格'}</View>
        </View>
      </View>
      <View className='qy-application__answers'>
        {application.answers.map((answer, index) => (
          <View key={answer.questionId} className='qy-application__answer'>
            <View className='qy-application__question'>
              {index + 1}. {answer.questionTitle}
            </View>
            <View className='qy-application__reply'>{answerText(answer)}</View>
          </View>
        ))}
      </View>
      {application.member.entryPayment && (
        <View className='qy-application__paid'>
          入群费 {feeText(application.member.entryPayment.amountFen)} · {PAYMENT_STATUS_LABELS[application.member.entryPayment.status]}
        </View>
      )}
      {tags.length > 0 && (
        <View className='qy-application__tags'>
          {tags.map((tag) => (
            <View key={tag} className='qy-tag'>
              {tag}
            </View>
          ))}
        </View>
      )}
      {application.status === 'REJECTED' && (
        <View className='qy-application__reason'>拒绝原因：{application.rejectReason || '未填写'}</View>
      )}
      {application.reviewedAt && <View className='qy-application__reviewed'>{formatDateTime(application.reviewedAt)} 审核</View>}
      {application.status === 'PENDING' && (
        <View className='qy-application__actions'>
          <ActionButton variant='danger' size='small' disabled={busy} onClick={onReject}>
            拒绝
          </ActionButton>
          <ActionButton size='small' loading={busy} onClick={onApprove}>
            通过
          </ActionButton>
        </View>
      )}
    </View>
  )
}
