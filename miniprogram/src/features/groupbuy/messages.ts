import { errorResultMessage, type ErrorResult } from '@/shared/graphql/errors'
import type { GroupBuyNotStarted } from '@/features/groupbuy/api'
import { formatDateTime } from '@/shared/format/format'

/** Group-buy and sign-up refusals: the server's Chinese message (it names limits and counts), then what it leaves out. */
function detailOf(result: ErrorResult): string | null {
  switch (result.__typename) {
    case 'GroupBuyNotStarted':
      return `开团时间 ${formatDateTime((result as GroupBuyNotStarted).startsAt)}`
    default:
      return null
  }
}

const GROUP_BUY_FALLBACKS: Record<string, string> = {
  SoldOut: '库存不足，已经被抢光了',
  LimitReached: '超过每人限购份数',
}

export function activityFailureMessage(result: ErrorResult): string {
  // SoldOut / LimitReached are shared with coupons; their fallbacks there talk about coupons.
  const fallback = GROUP_BUY_FALLBACKS[result.__typename]
  const base = fallback && !/[\u4e00-\u9fff]/.test(result.message ?? '') ? fallback : errorResultMessage(result)
  const detail = detailOf(result)
  return detail ? `${base}\n${detail}` : base
}
