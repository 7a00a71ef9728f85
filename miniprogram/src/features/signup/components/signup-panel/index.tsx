import { View } from '@tarojs/components'
import { useState } from 'react'
import type { SignupFormDetail } from '@/features/signup/api'
import ActionButton from '@/shared/ui/action-button'
import NoticeBar from '@/shared/ui/notice-bar'
import { toastSuccess } from '@/platform/feedback'
import { signupFormPhase, submissionStatusText } from '@/features/signup/rules'
import { useSignupSubmit } from '@/features/signup/hooks/useSignupSubmit'
import SignupFieldInput from '@/features/signup/components/signup-field-input'
import SignupStatus from '@/features/signup/components/signup-status'
import './index.css'

interface SignupPanelProps {
  form: SignupFormDetail
  onChanged: (form: SignupFormDetail) => void
  reload: () => void
}

/** My status with 修改 / 取消, or the form to fill in (first time, or editing before the deadline). */
export default function SignupPanel({ form, onChanged, reload }: SignupPanelProps) {
  const [editing, setEditing] = useState(false)
  const signup = useSignupSubmit(
    form,
    (fresh, submitted) => {
      setEditing(false)
      onChanged(fresh)
      if (submitted) toastSuccess(submissionStatusText(submitted.submission))
    },
    reload,
  )
  const phase = signupFormPhase(form, Date.now())
  const mine = form.mySubmission && form.mySubmission.status !== 'CANCELLED' ? form.mySubmission : null

  if (mine && !editing) {
    return (
      <SignupStatus
        submission={mine}
        editable={phase !== 'closed'}
        cancelling={signup.pending === 'cancel'}
        onEdit={() => setEditing(true)}
        onCancel={() => void signup.cancel()}
      />
    )
  }
  if (phase === 'closed') return <NoticeBar tone='warning' title='报名已截止' description='下次活动早点来哦～' />
  if (phase === 'full' && !mine) return <NoticeBar tone='warning' title='名额已满' description='这个活动不设候补，名额已经报满了。' />

  return (
    <View className='qy-card qy-signup-panel'>
      {phase === 'waitlist' && !mine && (
        <NoticeBar tone='info' title='名额已满，可以候补' description='有人取消时，按候补顺序自动补上。' />
      )}
      {form.fields.map((field) => (
        <SignupFieldInput
          key={field.id}
          field={field}
          value={signup.draft[field.id]}
          error={signup.errors[field.id] ?? null}
          onChange={(value) => signup.setAnswer(field.id, value)}
        />
      ))}
      <View className='qy-signup-panel__actions'>
        <ActionButton loading={signup.pending === 'submit'} onClick={() => void signup.submit()}>
          {mine ? '保存修改' : phase === 'waitlist' ? '加入候补' : '提交报名'}
        </ActionButton>
        {editing && (
          <ActionButton variant='plain' onClick={() => setEditing(false)}>
            放弃修改
          </ActionButton>
        )}
      </View>
    </View>
  )
}
