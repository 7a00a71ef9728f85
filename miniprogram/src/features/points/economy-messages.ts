import type { CouponAlreadyUsed, CouponExpired } from '@/features/coupons/admin/api'
import type { LimitReached, TierTooLow } from '@/features/coupons/api'
import { errorResultMessage, type ErrorResult } from '@/shared/graphql/errors'
import type { InsufficientPoints } from '@/features/points/api'
import { formatDate, formatDateTime } from '@/shared/format/format'

interface Detail {
  text: string
  /** The numbers or names the detail states; a message that already says all of them needs no detail. */
  facts: string[]
}

function detailOf(result: ErrorResult): Detail | null {
  switch (result.__typename) {
    case 'InsufficientPoints': {
      const { required, balance } = result as InsufficientPoints
      return { text: `需要 ${required} 积分，当前 ${balance} 积分`, facts: [String(required), String(balance)] }
    }
    case 'LimitReached': {
      const { limit } = result as LimitReached
      return { text: `每人限兑 ${limit} 张`, facts: [String(limit)] }
    }
    case 'TierTooLow': {
      const { name } = (result as TierTooLow).requiredTier
      return { text: `需要达到「${name}」等级`, facts: [name] }
    }
    case 'CouponAlreadyUsed':
      return { text: `核销时间 ${formatDateTime((result as CouponAlreadyUsed).usedAt)}`, facts: [] }
    case 'CouponExpired':
      return { text: `有效期至 ${formatDate((result as CouponExpired).expiresAt)}`, facts: [] }
    default:
      return null
  }
}

/** The facts a refusal carries (required vs balance, the limit, when it was used …), unless its message says them already. */
export function failureDetail(result: ErrorResult): string | null {
  const detail = detailOf(result)
  if (!detail) return null
  const message = errorResultMessage(result)
  return detail.facts.length > 0 && detail.facts.every((fact) => message.includes(fact)) ? null : detail.text
}

/** Points and coupon refusals: the server's Chinese message, then the numbers behind it. */
export function economyFailureMessage(result: ErrorResult): string {
  const detail = failureDetail(result)
  return detail ? `${errorResultMessage(result)}\n${detail}` : errorResultMessage(result)
}
