import { useCallback, useEffect, useRef, useState } from 'react'
import { errorResultMessage, isErrorResult, messageOf } from '@/shared/graphql/errors'
import { fetchMyPaymentOrder, type PaymentRequired, simulatePayment } from '../order-api'
import { openWeChatCashier } from '@/platform/wechat-payment'

/** due → (cashier) → confirming → confirmed; cancelled / failed / closed may pay again. */
export type PaymentPhase = 'due' | 'paying' | 'confirming' | 'confirmed' | 'cancelled' | 'failed' | 'slow' | 'closed'

const POLL_EVERY_MS = 1500
/** After this long without WeChat Pay's confirmation the page says so and offers to check again. */
const POLL_FOR_MS = 30_000

/**
 * The entry fee of one join: opens WeChat's cashier (or, in the H5 demo, 模拟支付), then asks the
 * server about the order until WeChat Pay's confirmation has arrived there. The client never
 * declares the payment done itself; `onConfirmed` runs when the server says PAID.
 */
export function useEntryPayment(payment: PaymentRequired | null, onConfirmed: () => void) {
  const [phase, setPhase] = useState<PaymentPhase>('due')
  const [error, setError] = useState<string | null>(null)
  const onConfirmedRef = useRef(onConfirmed)
  onConfirmedRef.current = onConfirmed
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null)

  const stopPolling = () => {
    if (polling.current) clearTimeout(polling.current)
    polling.current = null
  }
  useEffect(() => {
    setPhase('due')
    setError(null)
    return stopPolling
  }, [payment?.orderNo])

  const confirm = useCallback(() => {
    if (!payment) return
    stopPolling()
    setPhase('confirming')
    const startedAt = Date.now()
    const check = async () => {
      try {
        const order = await fetchMyPaymentOrder(payment.orderNo)
        if (order?.status === 'PAID') {
          setPhase('confirmed')
          onConfirmedRef.current()
          return
        }
        if (order?.status === 'CLOSED') return setPhase('closed')
      } catch {
        // a dropped request: the next round asks again
      }
      if (Date.now() - startedAt > POLL_FOR_MS) return setPhase('slow')
      polling.current = setTimeout(() => void check(), POLL_EVERY_MS)
    }
    void check()
  }, [payment])

  const pay = useCallback(async () => {
    if (!payment) return
    setError(null)
    setPhase('paying')
    try {
      if (payment.simulated) {
        const result = await simulatePayment(payment.orderNo)
        if (isErrorResult(result)) {
          setError(errorResultMessage(result))
          return setPhase('failed')
        }
        return confirm()
      }
      const outcome = await openWeChatCashier(payment.payParams)
      if (outcome === 'paid') return confirm()
      if (outcome === 'cancelled') return setPhase('cancelled')
      setError(outcome.failed)
      setPhase('failed')
    } catch (caught) {
      setError(messageOf(caught))
      setPhase('failed')
    }
  }, [payment, confirm])

  return { phase, error, pay, checkAgain: confirm }
}
