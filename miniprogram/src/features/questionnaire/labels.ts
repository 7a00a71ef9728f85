import type { ApplicationStatus, QuestionType } from '@/features/questionnaire/api'
import type { Option } from '@/shared/format/option'

export const QUESTION_TYPE_OPTIONS: Option<QuestionType>[] = [
  { value: 'SINGLE_CHOICE', label: '单选' },
  { value: 'MULTI_CHOICE', label: '多选' },
  { value: 'TEXT', label: '填空' },
]

export const APPLICATION_STATUS_TABS: Option<ApplicationStatus>[] = [
  { value: 'PENDING', label: '待审核' },
  { value: 'APPROVED', label: '已通过' },
  { value: 'REJECTED', label: '已拒绝' },
]

/** A text answer's limit when the question sets none, and the most an admin may set (as the server). */
export const TEXT_ANSWER_MAX = 500
export const TEXT_LIMIT_MAX = 2000
export const QUESTIONNAIRE_TITLE_MAX = 40
export const QUESTIONNAIRE_INTRO_MAX = 500
export const QUESTION_TITLE_MAX = 100
export const QUESTIONS_MAX = 30
export const OPTION_LABEL_MAX = 50
export const OPTION_SCORE_LIMIT = 1000
export const OPTION_TAGS_MAX = 5
export const TAG_MAX = 12
export const REJECT_REASON_MAX = 200
