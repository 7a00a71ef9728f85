import Taro from '@tarojs/taro'
import { useState } from 'react'
import { type Coupon, fetchCouponByCode, writeOffCoupon } from '@/api/coupon'
import { errorResultMessage, isErrorResult, messageOf } from '@/api/errors'
import { COUPON_STATUS_LABELS } from '@/constants/coupon'
import { normalizeCouponCode } from '@/utils/coupon'
import { failureDetail } from '@/utils/economy-messages'
import { alertMessage } from '@/utils/feedback'
import type { WriteOffOutcome } from '../components/write-off-result'

/** Scan or type a code → preview (couponByCode) → 确认核销 (writeOffCoupon) → the outcome. */
export function useWriteOff(communityId: string) {
  const [preview, setPreview] = useState<Coupon | null>(null)
  const [outcome, setOutcome] = useState<WriteOffOutcome | null>(null)
  const [busy, setBusy] = useState(false)

  const lookUp = async (raw: string) => {
    const code = normalizeCouponCode(raw)
    if (!code) {
      void Taro.showToast({ title: '请输入券码', icon: 'none' })
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
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode', 'barCode'] })
      await lookUp(result)
    } catch {
      // the scanner was closed
    }
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
