import { useState } from 'react'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import {
  cancelSignup,
  type InvalidSignupAnswer,
  type SignupFormDetail,
  type SignupSubmitted,
  submitSignup,
} from '@/features/signup/api'
import { alertMessage, confirmAction } from '@/platform/feedback'
import { draftOfSubmission, type SignupDraft, signupAnswersOf, signupErrors } from '@/features/signup/answers'
import { askSubscription } from '@/features/notifications/subscription'
import { toastText } from '@/platform/feedback'
import { scrollToSelector } from '@/platform/page'

function scrollToField(fieldId: string): void {
  scrollToSelector(`#field-${fieldId}`)
}

/**
 * The member's answers to one form: the server's checks first on the phone, then submitSignup
 * (a first sign-up or an edit); a field the server refuses is marked like a local mistake.
 */
export function useSignupSubmit(form: SignupFormDetail, onChanged: (form: SignupFormDetail, submitted?: SignupSubmitted) => void, reload: () => void) {
  const [draft, setDraft] = useState<SignupDraft>(() => draftOfSubmission(form.mySubmission))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [pending, setPending] = useState<'submit' | 'cancel' | null>(null)

  const setAnswer = (fieldId: string, value: string | string[]) => {
    setDraft((current) => ({ ...current, [fieldId]: value }))
    setErrors(({ [fieldId]: _fixed, ...rest }) => rest)
  }

  const markInvalid = (found: Record<string, string>) => {
    setErrors(found)
    const first = form.fields.find((field) => found[field.id])
    if (first) scrollToField(first.id)
  }

  const submit = async () => {
    if (pending) return
    const found = signupErrors(form.fields, draft)
    if (Object.keys(found).length > 0) {
      markInvalid(found)
      return
    }
    setPending('submit')
    try {
      // A new sign-up on a full form goes to the waitlist: ask now to hear when it turns into a seat.
      if (!form.mySubmission && form.waitlist && form.confirmedCount >= form.capacity) await askSubscription(['SIGNUP_PROMOTED'])
      const result = await submitSignup(form.id, signupAnswersOf(form.fields, draft))
      if (result.__typename === 'InvalidSignupAnswer') {
        markInvalid({ [(result as InvalidSignupAnswer).fieldId]: errorResultMessage(result as InvalidSignupAnswer) })
        return
      }
      if (isErrorResult(result)) {
        void alertMessage(errorResultMessage(result), '报名失败')
        reload()
        return
      }
      onChanged(result.form, result)
    } catch (caught) {
      void alertMessage(messageOf(caught), '报名失败')
    } finally {
      setPending(null)
    }
  }

  const cancel = async () => {
    if (pending) return
    const confirmed = await confirmAction({
      title: '取消报名',
      content: form.mySubmission?.status === 'CONFIRMED' && form.waitlist ? '取消后名额会让给候补的第一位，确定取消吗？' : '确定取消报名吗？',
      confirmText: '取消报名',
      cancelText: '再想想',
      danger: true,
    })
    if (!confirmed) return
    setPending('cancel')
    try {
      const result = await cancelSignup(form.id)
      if (isErrorResult(result)) {
        void alertMessage(errorResultMessage(result), '取消失败')
        reload()
        return
      }
      setDraft(draftOfSubmission(null))
      onChanged(result.form)
      toastText('已取消报名')
    } catch (caught) {
      void alertMessage(messageOf(caught), '取消失败')
    } finally {
      setPending(null)
    }
  }

  return { draft, errors, pending, setAnswer, submit, cancel }
}
