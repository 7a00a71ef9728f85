import type { CouponTemplate, CouponTemplateInput } from '@/features/coupons/template-api'
import { formatDate } from '@/shared/format/format'
import { fenToYuan, yuanToFen } from '@/shared/format/money'
import { parseWhole } from '@/shared/format/number-text'

export interface CouponTemplateForm {
  title: string
  description: string
  /** yuan, as typed */
  faceValue: string
  minSpend: string
  validDays: string
  /** empty: unlimited */
  stock: string
  perMemberLimit: string
  minTierLevel: string
  /** YYYY-MM-DD or empty */
  startsOn: string
  endsOn: string
}

export type TemplateFormErrors = Partial<Record<keyof CouponTemplateForm, string>>

export const TEMPLATE_TITLE_MAX = 40
export const TEMPLATE_DESCRIPTION_MAX = 500

export function emptyTemplateForm(): CouponTemplateForm {
  return {
    title: '',
    description: '',
    faceValue: '',
    minSpend: '',
    validDays: '30',
    stock: '',
    perMemberLimit: '',
    minTierLevel: '0',
    startsOn: '',
    endsOn: '',
  }
}

export function templateForm(template: CouponTemplate): CouponTemplateForm {
  return {
    title: template.title,
    description: template.description ?? '',
    faceValue: fenToYuan(template.faceValueFen),
    minSpend: template.minSpendFen > 0 ? fenToYuan(template.minSpendFen) : '',
    validDays: String(template.validDays),
    stock: template.stock === null ? '' : String(template.stock),
    perMemberLimit: template.perMemberLimit === null ? '' : String(template.perMemberLimit),
    minTierLevel: String(template.minTierLevel),
    startsOn: formatDate(template.startsAt),
    endsOn: formatDate(template.endsAt),
  }
}

/** Start of a local day, or its last millisecond. */
function dayBoundary(date: string, end: boolean): string | null {
  if (!date) return null
  const [year, month, day] = date.split('-').map(Number)
  return (end ? new Date(year, month - 1, day, 23, 59, 59, 999) : new Date(year, month - 1, day)).toISOString()
}

/** Empty means unlimited; otherwise a whole number of at least 1. */
function optionalCount(text: string): number | null | undefined {
  if (!text.trim()) return null
  const value = parseWhole(text)
  return value !== null && value >= 1 ? value : undefined
}

export function checkTemplateForm(form: CouponTemplateForm): { errors: TemplateFormErrors; input?: CouponTemplateInput } {
  const errors: TemplateFormErrors = {}
  const title = form.title.trim()
  if (!title) errors.title = '请填写优惠券名称'
  else if (title.length > TEMPLATE_TITLE_MAX) errors.title = `名称最多 ${TEMPLATE_TITLE_MAX} 个字`

  const faceValueFen = yuanToFen(form.faceValue)
  if (faceValueFen === null || faceValueFen < 1) errors.faceValue = '请填写面值，最多两位小数，例如 5 或 9.9'
  const minSpendFen = form.minSpend.trim() ? yuanToFen(form.minSpend) : 0
  if (minSpendFen === null) errors.minSpend = '请填写金额，最多两位小数；不填表示无门槛'

  const validDays = parseWhole(form.validDays)
  if (validDays === null || validDays < 1 || validDays > 3650) errors.validDays = '有效天数需要在 1 到 3650 之间'
  const stock = optionalCount(form.stock)
  if (stock === undefined) errors.stock = '库存请填写正整数；不填表示不限量'
  const perMemberLimit = optionalCount(form.perMemberLimit)
  if (perMemberLimit === undefined) errors.perMemberLimit = '请填写正整数；不填表示不限'
  if (form.startsOn && form.endsOn && form.endsOn < form.startsOn) errors.endsOn = '结束日期不能早于开始日期'

  if (Object.keys(errors).length > 0) return { errors }
  return {
    errors,
    input: {
      title,
      description: form.description.trim() || null,
      faceValueFen: faceValueFen!,
      minSpendFen: minSpendFen!,
      validDays: validDays!,
      stock: stock!,
      perMemberLimit: perMemberLimit!,
      minTierLevel: Number(form.minTierLevel) || 0,
      startsAt: dayBoundary(form.startsOn, false),
      endsAt: dayBoundary(form.endsOn, true),
    },
  }
}
