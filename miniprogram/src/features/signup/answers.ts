import type { SignupAnswerInput, SignupField, SignupSubmission } from '@/features/signup/api'
import { SIGNUP_TEXTAREA_MAX, SIGNUP_TEXT_MAX } from '@/features/signup/labels'

/** What the member typed or picked, per field id: a string, or the picked options of a MULTI_CHOICE. */
export type SignupDraft = Record<string, string | string[]>

export const PHONE_PATTERN = /^1\d{10}$/
const NUMBER_PATTERN = /^-?\d{1,12}(\.\d{1,4})?$/
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

export function maxLengthOf(field: Pick<SignupField, 'type'>): number | undefined {
  if (field.type === 'TEXT') return SIGNUP_TEXT_MAX
  if (field.type === 'TEXTAREA') return SIGNUP_TEXTAREA_MAX
  if (field.type === 'PHONE') return 11
  return undefined
}

function isEmpty(raw: string | string[] | undefined): boolean {
  return raw === undefined || (Array.isArray(raw) ? raw.length === 0 : raw.trim() === '')
}

/** Fields picked rather than typed: the empty message says 选择. */
const isChoice = (field: SignupField) => field.type === 'SINGLE_CHOICE' || field.type === 'MULTI_CHOICE'

/** Spaces and dashes people type inside phone numbers (138-0013-8000) do not count, as on the server. */
export const normalizePhone = (value: string) => value.replace(/[\s-]/g, '')

/**
 * The checks the server makes (signup-answers.ts), with its wording, so most mistakes show
 * before submitting; lengths count characters, not UTF-16 units.
 */
export function signupAnswerError(field: SignupField, raw: string | string[] | undefined): string | null {
  const name = `「${field.label}」`
  if (isEmpty(raw)) return field.required ? `请${isChoice(field) ? '选择' : '填写'}${name}` : null
  const values = Array.isArray(raw) ? raw : [raw!.trim()]
  const value = values[0]
  switch (field.type) {
    case 'TEXT':
    case 'TEXTAREA': {
      const max = maxLengthOf(field)!
      return Array.from(value).length > max ? `${name}最多 ${max} 个字` : null
    }
    case 'NUMBER':
      return NUMBER_PATTERN.test(value) ? null : `${name}请填写数字`
    case 'PHONE':
      return PHONE_PATTERN.test(normalizePhone(value)) ? null : `${name}请填写 11 位中国大陆手机号`
    case 'DATE':
      return DATE_PATTERN.test(value) ? null : `${name}请填写正确的日期，例如 2026-05-01`
    case 'SINGLE_CHOICE':
      if (values.length > 1) return `${name}只能选一项`
      return field.options.includes(value) ? null : `${name}请从给出的选项中选择`
    case 'MULTI_CHOICE':
      return values.every((option) => field.options.includes(option)) ? null : `${name}请从给出的选项中选择`
    default:
      return null
  }
}

/** Field id → message, for every field that does not pass. */
export function signupErrors(fields: SignupField[], draft: SignupDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const field of fields) {
    const error = signupAnswerError(field, draft[field.id])
    if (error) errors[field.id] = error
  }
  return errors
}

/** The answers to send: every field that has one (optional fields left empty are left out). */
export function signupAnswersOf(fields: SignupField[], draft: SignupDraft): SignupAnswerInput[] {
  return fields.flatMap((field): SignupAnswerInput[] => {
    const raw = draft[field.id]
    if (isEmpty(raw)) return []
    return field.type === 'MULTI_CHOICE'
      ? [{ fieldId: field.id, values: raw as string[] }]
      : [{ fieldId: field.id, value: (raw as string).trim() }]
  })
}

/** The form prefilled from an earlier submission (editing before the deadline). */
export function draftOfSubmission(submission: Pick<SignupSubmission, 'answers'> | null | undefined): SignupDraft {
  const draft: SignupDraft = {}
  for (const answer of submission?.answers ?? []) {
    if (answer.values && answer.values.length > 0) draft[answer.fieldId] = answer.values
    else if (answer.value !== null) draft[answer.fieldId] = answer.value
  }
  return draft
}

/** How an answer reads in a list: options joined, or the value. */
export function answerText(answer: { value: string | null; values: string[] | null }): string {
  return answer.values && answer.values.length > 0 ? answer.values.join('、') : answer.value ?? ''
}
