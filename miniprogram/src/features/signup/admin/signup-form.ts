import type { SignupFieldType, SignupForm } from '@/features/signup/api'
import type { SignupFormInput } from '@/features/signup/admin/api'
import {
  isChoiceField,
  SIGNUP_DESCRIPTION_MAX,
  SIGNUP_FIELDS_MAX,
  SIGNUP_LABEL_MAX,
  SIGNUP_OPTION_MAX,
  SIGNUP_OPTIONS_MAX,
  SIGNUP_TITLE_MAX,
} from '@/features/signup/labels'
import { type DateTimeInput, dateTimeInputOf, daysFromNow, isoFromInputs } from '@/shared/format/date-input'
import type { EditableRow } from '@/shared/ui/rows-editor'
import { parseWhole } from '@/shared/format/number-text'

export interface FieldDraft {
  /** stable React key, also for new fields */
  key: string
  id?: string
  label: string
  type: SignupFieldType
  required: boolean
  /** choice types: one row per option, { value } */
  options: EditableRow[]
}

export interface SignupEditForm {
  title: string
  description: string
  fields: FieldDraft[]
  capacity: string
  waitlist: boolean
  /** date '' = no deadline */
  deadline: DateTimeInput
}

export interface SignupEditErrors {
  title?: string
  description?: string
  capacity?: string
  deadline?: string
  fields?: string
  byField: Record<string, string>
}

let nextKey = 0
const newKey = () => `f${Date.now().toString(36)}${nextKey++}`

export const newOptionRow = (): EditableRow => ({ value: '' })

export function newField(type: SignupFieldType = 'TEXT', label = ''): FieldDraft {
  return { key: newKey(), label, type, required: true, options: isChoiceField(type) ? [newOptionRow(), newOptionRow()] : [] }
}

export function emptySignupForm(): SignupEditForm {
  return {
    title: '',
    description: '',
    fields: [newField('TEXT', '姓名'), newField('PHONE', '手机号')],
    capacity: '',
    waitlist: true,
    deadline: daysFromNow(7, '20:00'),
  }
}

export function signupEditForm(form: SignupForm): SignupEditForm {
  return {
    title: form.title,
    description: form.description ?? '',
    fields: form.fields.map((field) => ({
      key: newKey(),
      id: field.id,
      label: field.label,
      type: field.type,
      required: field.required,
      options: field.options.map((value) => ({ value })),
    })),
    capacity: String(form.capacity),
    waitlist: form.waitlist,
    deadline: form.deadline ? dateTimeInputOf(form.deadline) : { date: '', time: '' },
  }
}

function fieldProblem(field: FieldDraft): string | null {
  const label = field.label.trim()
  if (!label) return '请填写字段名称'
  if (label.length > SIGNUP_LABEL_MAX) return `字段名称最多 ${SIGNUP_LABEL_MAX} 个字`
  if (!isChoiceField(field.type)) return null
  const options = field.options.map((row) => (row.value ?? '').trim())
  if (options.length < 2) return '选择题至少需要 2 个选项'
  if (options.some((option) => !option)) return '请填写每个选项'
  if (options.length > SIGNUP_OPTIONS_MAX) return `最多 ${SIGNUP_OPTIONS_MAX} 个选项`
  if (options.some((option) => option.length > SIGNUP_OPTION_MAX)) return `选项最多 ${SIGNUP_OPTION_MAX} 个字`
  if (new Set(options).size !== options.length) return '选项不能重复'
  return null
}

export function checkSignupForm(form: SignupEditForm, now = Date.now()): { errors: SignupEditErrors; input?: SignupFormInput } {
  const errors: SignupEditErrors = { byField: {} }
  const title = form.title.trim()
  if (!title) errors.title = '请填写活动名称'
  else if (title.length > SIGNUP_TITLE_MAX) errors.title = `名称最多 ${SIGNUP_TITLE_MAX} 个字`
  if (form.description.length > SIGNUP_DESCRIPTION_MAX) errors.description = `介绍最多 ${SIGNUP_DESCRIPTION_MAX} 个字`
  const capacity = parseWhole(form.capacity)
  if (capacity === null || capacity < 1) errors.capacity = '请填写名额，至少 1 人'
  let deadline: string | undefined
  if (form.deadline.date) {
    deadline = isoFromInputs(form.deadline.date, form.deadline.time || '23:59') ?? undefined
    if (!deadline) errors.deadline = '请选择截止时间'
    else if (Date.parse(deadline) <= now) errors.deadline = '截止时间要晚于现在'
  }
  if (form.fields.length === 0) errors.fields = '至少需要 1 个字段'
  else if (form.fields.length > SIGNUP_FIELDS_MAX) errors.fields = `最多 ${SIGNUP_FIELDS_MAX} 个字段`
  const labels = form.fields.map((field) => field.label.trim())
  for (const field of form.fields) {
    const problem = fieldProblem(field) ?? (labels.filter((label) => label === field.label.trim()).length > 1 ? '字段名称不能重复' : null)
    if (problem) errors.byField[field.key] = problem
  }
  const invalid = errors.title || errors.description || errors.capacity || errors.deadline || errors.fields || Object.keys(errors.byField).length > 0
  if (invalid) return { errors }
  return {
    errors,
    input: {
      title,
      description: form.description.trim() || undefined,
      fields: form.fields.map((field) => ({
        id: field.id,
        label: field.label.trim(),
        type: field.type,
        required: field.required,
        options: isChoiceField(field.type) ? field.options.map((row) => row.value.trim()) : [],
      })),
      capacity: capacity!,
      waitlist: form.waitlist,
      deadline,
    },
  }
}
