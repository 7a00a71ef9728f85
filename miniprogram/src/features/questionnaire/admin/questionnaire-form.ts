import type { Questionnaire, QuestionType, SaveQuestionnaireInput } from '@/features/questionnaire/api'
import {
  OPTION_LABEL_MAX,
  OPTION_SCORE_LIMIT,
  OPTION_TAGS_MAX,
  QUESTION_TITLE_MAX,
  QUESTIONNAIRE_TITLE_MAX,
  QUESTIONS_MAX,
  TAG_MAX,
  TEXT_LIMIT_MAX,
} from '@/features/questionnaire/labels'
import type { EditableRow } from '@/shared/ui/rows-editor'
import { parseWhole } from '@/shared/format/number-text'

/** One option as the rows editor edits it: id (kept when editing), label, score, tags "a, b". */
export type OptionRow = EditableRow

export interface QuestionDraft {
  /** stable React key, also for new questions */
  key: string
  id?: string
  type: QuestionType
  title: string
  required: boolean
  /** TEXT only; empty = the default limit */
  maxLength: string
  options: OptionRow[]
}

export interface QuestionnaireForm {
  title: string
  intro: string
  passScore: string
  autoApprove: boolean
  welcomePoints: string
  questions: QuestionDraft[]
}

export interface QuestionnaireFormErrors {
  title?: string
  passScore?: string
  welcomePoints?: string
  questions?: string
  /** by question key */
  byQuestion: Record<string, string>
}

let nextKey = 0
const newKey = () => `q${Date.now().toString(36)}${nextKey++}`

export const newOptionRow = (): OptionRow => ({ id: '', label: '', score: '0', tags: '' })

export function newQuestion(type: QuestionType = 'SINGLE_CHOICE'): QuestionDraft {
  return { key: newKey(), type, title: '', required: true, maxLength: '', options: type === 'TEXT' ? [] : [newOptionRow(), newOptionRow()] }
}

export function emptyQuestionnaireForm(): QuestionnaireForm {
  return { title: '入群问卷', intro: '', passScore: '0', autoApprove: false, welcomePoints: '0', questions: [newQuestion()] }
}

export function questionnaireForm(questionnaire: Questionnaire): QuestionnaireForm {
  return {
    title: questionnaire.title,
    intro: questionnaire.intro ?? '',
    passScore: String(questionnaire.passScore ?? 0),
    autoApprove: questionnaire.autoApprove,
    welcomePoints: String(questionnaire.welcomePoints),
    questions: questionnaire.questions.map((question) => ({
      key: newKey(),
      id: question.id,
      type: question.type,
      title: question.title,
      required: question.required,
      maxLength: question.maxLength ? String(question.maxLength) : '',
      options: question.options.map((option) => ({
        id: option.id,
        label: option.label,
        score: String(option.score ?? 0),
        tags: (option.tags ?? []).join(', '),
      })),
    })),
  }
}

/** "老客, 烘焙爱好者，宝妈" → ['老客', '烘焙爱好者', '宝妈'] */
export function parseTags(text: string): string[] {
  return Array.from(new Set(text.split(/[,，、;；\s]+/).map((tag) => tag.trim()).filter(Boolean)))
}

const parseScore = (text: string): number | null => (/^-?\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null)

/** The best score the answers can reach: the top option of each single choice, every positive option of a multi choice. */
export function maxScoreOf(form: QuestionnaireForm): number {
  return form.questions.reduce((total, question) => {
    const scores = question.options.map((option) => parseScore(option.score ?? '') ?? 0)
    if (question.type === 'SINGLE_CHOICE') return total + Math.max(0, ...scores)
    if (question.type === 'MULTI_CHOICE') return total + scores.filter((score) => score > 0).reduce((sum, score) => sum + score, 0)
    return total
  }, 0)
}

function questionProblem(question: QuestionDraft): string | null {
  const title = question.title.trim()
  if (!title) return '请填写题目'
  if (title.length > QUESTION_TITLE_MAX) return `题目最多 ${QUESTION_TITLE_MAX} 个字`
  if (question.type === 'TEXT') {
    if (!question.maxLength.trim()) return null
    const max = parseWhole(question.maxLength)
    return max !== null && max >= 1 && max <= TEXT_LIMIT_MAX ? null : `字数上限需要在 1 到 ${TEXT_LIMIT_MAX} 之间`
  }
  if (question.options.length < 2) return '选择题至少需要 2 个选项'
  if (question.options.some((option) => !(option.label ?? '').trim())) return '请填写每个选项的内容'
  if (question.options.some((option) => (option.label ?? '').trim().length > OPTION_LABEL_MAX)) return `选项最多 ${OPTION_LABEL_MAX} 个字`
  const labels = question.options.map((option) => option.label.trim())
  if (new Set(labels).size !== labels.length) return '选项内容不能重复'
  const scores = question.options.map((option) => parseScore(option.score ?? ''))
  if (scores.some((score) => score === null || Math.abs(score) > OPTION_SCORE_LIMIT)) {
    return `分值请填写 -${OPTION_SCORE_LIMIT} 到 ${OPTION_SCORE_LIMIT} 之间的整数`
  }
  const tags = question.options.map((option) => parseTags(option.tags ?? ''))
  if (tags.some((list) => list.length > OPTION_TAGS_MAX)) return `每个选项最多 ${OPTION_TAGS_MAX} 个标签`
  if (tags.some((list) => list.some((tag) => tag.length > TAG_MAX))) return `标签最多 ${TAG_MAX} 个字`
  return null
}

export function checkQuestionnaireForm(form: QuestionnaireForm): { errors: QuestionnaireFormErrors; input?: SaveQuestionnaireInput } {
  const errors: QuestionnaireFormErrors = { byQuestion: {} }
  const title = form.title.trim()
  if (!title) errors.title = '请填写问卷标题'
  else if (title.length > QUESTIONNAIRE_TITLE_MAX) errors.title = `问卷标题最多 ${QUESTIONNAIRE_TITLE_MAX} 个字`
  const passScore = parseScore(form.passScore)
  if (passScore === null || passScore < 0) errors.passScore = '请填写 0 或正整数'
  const welcomePoints = form.welcomePoints.trim() ? parseWhole(form.welcomePoints) : 0
  if (welcomePoints === null) errors.welcomePoints = '请填写 0 或正整数'
  if (form.questions.length === 0) errors.questions = '至少需要 1 道题'
  else if (form.questions.length > QUESTIONS_MAX) errors.questions = `最多 ${QUESTIONS_MAX} 道题`
  for (const question of form.questions) {
    const problem = questionProblem(question)
    if (problem) errors.byQuestion[question.key] = problem
  }
  const invalid = errors.title || errors.passScore || errors.welcomePoints || errors.questions || Object.keys(errors.byQuestion).length > 0
  if (invalid) return { errors }
  return {
    errors,
    input: {
      title,
      intro: form.intro.trim() || undefined,
      passScore: passScore!,
      autoApprove: form.autoApprove,
      welcomePoints: welcomePoints!,
      questions: form.questions.map((question) => ({
        id: question.id,
        type: question.type,
        title: question.title.trim(),
        required: question.required,
        maxLength: question.type === 'TEXT' && question.maxLength.trim() ? parseWhole(question.maxLength)! : undefined,
        options:
          question.type === 'TEXT'
            ? []
            : question.options.map((option) => ({
                id: option.id || undefined,
                label: option.label.trim(),
                score: parseScore(option.score)!,
                tags: parseTags(option.tags ?? ''),
              })),
      })),
    },
  }
}
