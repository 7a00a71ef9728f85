import type { AnswerInput, Application, Question } from '@/features/questionnaire/api'
import { TEXT_ANSWER_MAX } from '@/features/questionnaire/labels'

/** Per question id: picked option ids (choices) or the text typed. */
export type QuestionnaireDraft = Record<string, { optionIds: string[]; text: string }>

export const EMPTY_ANSWER = { optionIds: [] as string[], text: '' }

export function textLimitOf(question: Pick<Question, 'maxLength'>): number {
  return question.maxLength ?? TEXT_ANSWER_MAX
}

export function questionError(question: Question, draft: QuestionnaireDraft): string | null {
  const answer = draft[question.id] ?? EMPTY_ANSWER
  if (question.type === 'TEXT') {
    const text = answer.text.trim()
    if (!text) return question.required ? '请填写这道题' : null
    return text.length > textLimitOf(question) ? `最多 ${textLimitOf(question)} 个字` : null
  }
  if (answer.optionIds.length === 0) return question.required ? '请选择一个选项' : null
  if (question.type === 'SINGLE_CHOICE' && answer.optionIds.length > 1) return '只能选择一个选项'
  return null
}

/** Question id → message for every question that does not pass. */
export function questionnaireErrors(questions: Question[], draft: QuestionnaireDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const question of questions) {
    const error = questionError(question, draft)
    if (error) errors[question.id] = error
  }
  return errors
}

export function answersOf(questions: Question[], draft: QuestionnaireDraft): AnswerInput[] {
  return questions.flatMap((question): AnswerInput[] => {
    const answer = draft[question.id] ?? EMPTY_ANSWER
    if (question.type === 'TEXT') {
      const text = answer.text.trim()
      return text ? [{ questionId: question.id, text }] : []
    }
    return answer.optionIds.length > 0 ? [{ questionId: question.id, optionIds: answer.optionIds }] : []
  })
}

/** A rejected applicant starts again from their last answers, where the questions still exist. */
export function draftOfApplication(questions: Question[], application: Application | null | undefined): QuestionnaireDraft {
  const draft: QuestionnaireDraft = {}
  for (const answer of application?.answers ?? []) {
    const question = questions.find((candidate) => candidate.id === answer.questionId)
    if (!question) continue
    const known = new Set(question.options.map((option) => option.id))
    draft[question.id] = { optionIds: answer.optionIds.filter((id) => known.has(id)), text: answer.text ?? '' }
  }
  return draft
}
