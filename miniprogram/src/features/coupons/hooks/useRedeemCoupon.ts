import { useRef, useState } from 'react'
import { type CouponRedeemed, redeemCoupon } from '@/features/coupons/api'
import type { CouponTemplate } from '@/features/coupons/template-api'
import { isErrorResult, messageOf } from '@/shared/graphql/errors'
import { economyFailureMessage } from '@/features/points/economy-messages'
import { alertMessage, confirmAction } from '@/platform/feedback'
import { askSubscription } from '@/features/notifications/subscription'

function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/**
 * 兑换: confirmation, then the mutation with a requestId. A retry after a network failure
 * (same template, nothing answered) reuses the requestId, so the server never spends twice.
 */
export function useRedeemCoupon(onRedeemed: (redeemed: CouponRedeemed) => void) {
  const [pendingId, setPendingId] = useState<string | null>(null)
  const unanswered = useRef<{ templateId: string; requestId: string } | null>(null)

  const redeem = async (template: CouponTemplate) => {
    if (pendingId) return
    // First, in the tap itself: WeChat refuses the dialog after anything asynchronous (the confirm below).
    await askSubscription(['COUPON_EXPIRING'])
    const confirmed = await confirmAction({
      title: `兑换「${template.title}」`,
      content: `确认用 ${template.pointsCost} 积分兑换？`,
      confirmText: '兑换',
    })
    if (!confirmed) return
    const retry = unanswered.current?.templateId === template.id ? unanswered.current : null
    const requestId = retry?.requestId ?? newRequestId()
    unanswered.current = { templateId: template.id, requestId }
    setPendingId(template.id)
    try {
      const result = await redeemCoupon(template.id, requestId)
      unanswered.current = null
      if (isErrorResult(result)) {
        void alertMessage(economyFailureMessage(result), '兑换失败')
        return
      }
      onRedeemed(result)
    } catch (caught) {
      // Keep `unanswered`: the redemption may have gone through; the retry will tell.
      void alertMessage(messageOf(caught), '兑换失败')
    } finally {
      setPendingId(null)
    }
  }

  return { pendingId, redeem }
}
