import type { GroupBuy } from '@/features/groupbuy/api'
import type { GroupBuyInput } from '@/features/groupbuy/admin/api'
import {
  GROUP_BUY_DESCRIPTION_MAX,
  GROUP_BUY_IMAGES_MAX,
  GROUP_BUY_PICKUP_NOTE_MAX,
  GROUP_BUY_TITLE_MAX,
} from '@/features/groupbuy/labels'
import { type DateTimeInput, dateTimeInputOf, daysFromNow, isoFromInputs } from '@/shared/format/date-input'
import { fenToYuan, yuanToFen } from '@/shared/format/money'
import type { EditableRow } from '@/shared/ui/rows-editor'
import { parseWhole } from '@/shared/format/number-text'

export interface GroupBuyForm {
  title: string
  description: string
  /** one row per image URL: { url } */
  images: EditableRow[]
  /** yuan, as typed */
  price: string
  originalPrice: string
  stock: string
  /** empty: no limit */
  perMemberLimit: string
  minParticipants: string
  starts: DateTimeInput
  ends: DateTimeInput
  pickupNote: string
}

export type GroupBuyFormErrors = Partial<Record<keyof GroupBuyForm, string>>

const IMAGE_URL = /^https?:\/\/\S+$/

export function emptyGroupBuyForm(): GroupBuyForm {
  return {
    title: '',
    description: '',
    images: [{ url: '' }],
    price: '',
    originalPrice: '',
    stock: '',
    perMemberLimit: '',
    minParticipants: '1',
    starts: dateTimeInputOf(new Date()),
    ends: daysFromNow(3, '20:00'),
    pickupNote: '',
  }
}

export function groupBuyForm(groupBuy: GroupBuy): GroupBuyForm {
  return {
    title: groupBuy.title,
    description: groupBuy.description ?? '',
    images: groupBuy.images.map((url) => ({ url })),
    price: fenToYuan(groupBuy.priceFen),
    originalPrice: groupBuy.originalPriceFen != null ? fenToYuan(groupBuy.originalPriceFen) : '',
    stock: String(groupBuy.stock),
    perMemberLimit: groupBuy.perMemberLimit ? String(groupBuy.perMemberLimit) : '',
    minParticipants: String(groupBuy.minParticipants),
    starts: dateTimeInputOf(groupBuy.startsAt),
    ends: dateTimeInputOf(groupBuy.endsAt),
    pickupNote: groupBuy.pickupNote ?? '',
  }
}

/** Every problem by field, or the input to send (money in fen, times as ISO instants). */
export function checkGroupBuyForm(form: GroupBuyForm): { errors: GroupBuyFormErrors; input?: GroupBuyInput } {
  const errors: GroupBuyFormErrors = {}
  const title = form.title.trim()
  if (!title) errors.title = '请填写团购标题'
  else if (title.length > GROUP_BUY_TITLE_MAX) errors.title = `标题最多 ${GROUP_BUY_TITLE_MAX} 个字`
  if (form.description.length > GROUP_BUY_DESCRIPTION_MAX) errors.description = `介绍最多 ${GROUP_BUY_DESCRIPTION_MAX} 个字`

  const images = form.images.map((row) => (row.url ?? '').trim()).filter(Boolean)
  if (images.length > GROUP_BUY_IMAGES_MAX) errors.images = `最多 ${GROUP_BUY_IMAGES_MAX} 张图片`
  else if (images.some((url) => !IMAGE_URL.test(url))) errors.images = '图片地址需要以 http:// 或 https:// 开头'

  const priceFen = yuanToFen(form.price)
  if (priceFen === null || priceFen < 1) errors.price = '请填写团购价，最多两位小数，例如 19.9'
  const originalPriceFen = form.originalPrice.trim() ? yuanToFen(form.originalPrice) : undefined
  if (originalPriceFen === null) errors.originalPrice = '请填写金额，最多两位小数；不填则不显示原价'
  else if (originalPriceFen !== undefined && priceFen !== null && originalPriceFen < priceFen) errors.originalPrice = '原价不能低于团购价'

  const stock = parseWhole(form.stock)
  if (stock === null || stock < 1) errors.stock = '请填写库存，至少 1 份'
  const perMemberLimit = form.perMemberLimit.trim() ? parseWhole(form.perMemberLimit) : undefined
  if (perMemberLimit === null || perMemberLimit === 0) errors.perMemberLimit = '请填写正整数；不填表示不限购'
  const minParticipants = parseWhole(form.minParticipants)
  if (minParticipants === null || minParticipants < 1) errors.minParticipants = '成团人数至少 1 人'

  const startsAt = isoFromInputs(form.starts.date, form.starts.time)
  const endsAt = isoFromInputs(form.ends.date, form.ends.time)
  if (!startsAt) errors.starts = '请选择开团时间'
  if (!endsAt) errors.ends = '请选择截团时间'
  else if (startsAt && Date.parse(endsAt) <= Date.parse(startsAt)) errors.ends = '截团时间要晚于开团时间'
  if (form.pickupNote.length > GROUP_BUY_PICKUP_NOTE_MAX) errors.pickupNote = `取货说明最多 ${GROUP_BUY_PICKUP_NOTE_MAX} 个字`

  if (Object.keys(errors).length > 0) return { errors }
  return {
    errors,
    input: {
      title,
      description: form.description.trim() || undefined,
      images,
      priceFen: priceFen!,
      originalPriceFen: originalPriceFen ?? undefined,
      stock: stock!,
      perMemberLimit: perMemberLimit ?? undefined,
      minParticipants: minParticipants!,
      startsAt: startsAt!,
      endsAt: endsAt!,
      pickupNote: form.pickupNote.trim() || undefined,
    },
  }
}
