import type { SignupFieldType, SignupStatus } from '@/features/signup/api'
import type { Option } from '@/shared/format/option'

export const SIGNUP_FIELD_TYPE_OPTIONS: Option<SignupFieldType>[] = [
  { value: 'TEXT', label: '单行文字' },
  { value: 'TEXTAREA', label: '多行文字' },
  { value: 'NUMBER', label: '数字' },
  { value: 'PHONE', label: '手机号' },
  { value: 'SINGLE_CHOICE', label: '单选' },
  { value: 'MULTI_CHOICE', label: '多选' },
  { value: 'DATE', label: '日期' },
]

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  CONFIRMED: '已报名',
  WAITLISTED: '候补',
  CANCELLED: '已取消',
}

export const SIGNUP_SUBMISSION_TABS: Option<Exclude<SignupStatus, 'CANCELLED'>>[] = [
  { value: 'CONFIRMED', label: '已报名' },
  { value: 'WAITLISTED', label: '候补' },
]

export function isChoiceField(type: SignupFieldType): boolean {
  return type === 'SINGLE_CHOICE' || type === 'MULTI_CHOICE'
}

/** Answer lengths, as the server checks them. */
export const SIGNUP_TEXT_MAX = 100
export const SIGNUP_TEXTAREA_MAX = 1000
export const SIGNUP_TITLE_MAX = 40
export const SIGNUP_DESCRIPTION_MAX = 2000
export const SIGNUP_LABEL_MAX = 40
export const SIGNUP_OPTION_MAX = 40
export const SIGNUP_OPTIONS_MAX = 20
export const SIGNUP_FIELDS_MAX = 30
