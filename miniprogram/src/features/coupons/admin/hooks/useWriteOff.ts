import { useState } from 'react'
import { type Coupon } from '@/features/coupons/api'
import { fetchCouponByCode, writeOffCoupon } from '@/features/coupons/admin/api'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import { COUPON_STATUS_LABELS } from '@/features/coupons/labels'
import { normalizeCouponCode } from '@/features/coupons/rules'
import { failureDetail } from '@/features/points/economy-messages'
import { alertMessage } from '@/platform/feedback'
import type { WriteOffOutcome } from '@/features/coupons/admin/components/write-off-result'
import { toastText } from '@/platform/feedback'
import { scanCode } from '@/platform/page'

/** Scan or type a code → preview (couponByCode) → 确认核销 (writeOffCoupon) → the outcome. */
export function useWriteOff(communityId: string) {
  const [preview, setPreview] = useState<Coupon | null>(null)
  const [outcome, setOutcome] = useState<WriteOffOutcome | null>(null)
  const [busy, setBusy] = useState(false)

  const lookUp = async (raw: string) => {
    const code = normalizeCouponCode(raw)
    if (!code) {
      toastText('请输入券码')
      return
    }
    setBusy(true)
    setOutcome(null)
    try {
      const coupon = await fetchCouponByCode(communityId, code)
      if (coupon) setPreview(coupon)
      else setOutcome({ ok: false, title: '没有找到这张券', message: `券码 ${code} 不存在或不属于本社群，请核对后重试` })
    } catch (caught) {
      void alertMessage(messageOf(caught), '查询失败')
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    const code = await scanCode() // null: the scanner was closed
    if (code !== null) await lookUp(code)
  }

  const confirm = async () => {
    if (!preview) return
    setBusy(true)
    try {
      const result = await writeOffCoupon(communityId, preview.code)
      if (isErrorResult(result)) {
        setOutcome({ ok: false, title: errorResultMessage(result), message: failureDetail(result) ?? '' })
      } else {
        setOutcome({ ok: true, coupon: { ...preview, ...result.coupon } })
      }
      setPreview(null)
    } catch (caught) {
      void alertMessage(messageOf(caught), '核销失败')
    } finally {
      setBusy(false)
    }
  }

  const reset = () => {
    setPreview(null)
    setOutcome(null)
  }

  /** Why a previewed coupon cannot be written off, before trying. */
  const blockedReason = preview && preview.status !== 'UNUSED' ? `这张券${COUPON_STATUS_LABELS[preview.status]}，不能核销` : null

  return { preview, outcome, busy, lookUp, scan, confirm, reset, blockedReason }
}
