import { View } from '@tarojs/components'
import type { SignupFormSummary } from '@/features/signup/api'
import { deadlineText, SIGNUP_PHASE_LABELS, signupCountText, signupFormPhase, submissionStatusText } from '@/features/signup/rules'
import './index.css'

interface SignupCardProps {
  form: Pick<SignupFormSummary, 'title' | 'description' | 'deadline' | 'capacity' | 'confirmedCount' | 'waitlistCount' | 'waitlist' | 'status'> & {
    mySubmission?: SignupFormSummary['mySubmission']
  }
  onClick: () => void
}

/** A sign-up form in a list: title, deadline, 已报名 N/容量, its state and mine. */
export default function SignupCard({ form, onClick }: SignupCardProps) {
  const phase = SIGNUP_PHASE_LABELS[signupFormPhase(form, Date.now())]
  const mine = form.mySubmission && form.mySubmission.status !== 'CANCELLED' ? form.mySubmission : null
  const percent = Math.min(100, (form.confirmedCount / Math.max(1, form.capacity)) * 100)
  return (
    <View className='qy-card qy-signup-card' hoverClass='is-pressed' onClick={onClick}>
      <View className='qy-signup-card__head'>
        <View className='qy-signup-card__title'>{form.title}</View>
        <View className={`qy-tag ${phase.tone}`}>{phase.text}</View>
      </View>
      {form.description && <View className='qy-signup-card__description qy-ellipsis'>{form.description}</View>}
      <View className='qy-signup-card__bar'>
        <View className='qy-signup-card__bar-fill' style={{ width: `${percent}%` }} />
      </View>
      <View className='qy-signup-card__foot'>
        <View>
          {signupCountText(form)}
          {form.waitlistCount > 0 && ` · 候补 ${form.waitlistCount}`}
        </View>
        <View>{deadlineText(form.deadline)}</View>
      </View>
      {mine && <View className='qy-signup-card__mine'>我：{submissionStatusText(mine)}</View>}
    </View>
  )
}
