import { useState } from 'react'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import { type ApplicationSubmitted, type InvalidAnswer, type Question, submitApplication } from '@/features/questionnaire/api'
import { alertMessage } from '@/platform/feedback'
import { answersOf, questionnaireErrors, type QuestionnaireDraft } from '@/features/questionnaire/answers'
import { askSubscription } from '@/features/notifications/subscription'
import { toastText } from '@/platform/feedback'
import { scrollToSelector } from '@/platform/page'

function scrollToQuestion(questionId: string): void {
  scrollToSelector(`#question-${questionId}`)
}

/**
 * The applicant's answers: required checks before sending, then submitApplication. A question
 * the server refuses (InvalidAnswer) is marked and scrolled to, like a local mistake.
 */
export function useApplicationForm(
  communityId: string,
  questions: Question[],
  initialDraft: QuestionnaireDraft,
  onSubmitted: (submitted: ApplicationSubmitted) => void,
) {
  const [draft, setDraft] = useState<QuestionnaireDraft>(initialDraft)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitting, setSubmitting] = useState(false)

  const setAnswer = (questionId: string, answer: QuestionnaireDraft[string]) => {
    setDraft((current) => ({ ...current, [questionId]: answer }))
    setErrors(({ [questionId]: _fixed, ...rest }) => rest)
  }

  const markInvalid = (found: Record<string, string>) => {
    setErrors(found)
    const first = questions.find((question) => found[question.id])
    if (first) scrollToQuestion(first.id)
  }

  const submit = async () => {
    if (submitting) return
    const found = questionnaireErrors(questions, draft)
    if (Object.keys(found).length > 0) {
      markInvalid(found)
      toastText('还有题目没有完成')
      return
    }
    setSubmitting(true)
    try {
      await askSubscription(['APPLICATION_RESULT'], communityId)
      const result = await submitApplication(communityId, answersOf(questions, draft))
      if (result.__typename === 'InvalidAnswer' && (result as InvalidAnswer).questionId) {
        markInvalid({ [(result as InvalidAnswer).questionId!]: errorResultMessage(result as InvalidAnswer) })
        return
      }
      if (isErrorResult(result)) {
        void alertMessage(errorResultMessage(result), '提交失败')
        return
      }
      onSubmitted(result)
    } catch (caught) {
      void alertMessage(messageOf(caught), '提交失败')
    } finally {
      setSubmitting(false)
    }
  }

  return { draft, errors, submitting, setAnswer, submit }
}
