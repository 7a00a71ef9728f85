import type { PaymentOrderStatus, PaymentRefundStatus } from './api'
import { fenToYuan } from '@/shared/format/money'

export const PAYMENT_STATUS_LABELS: Record<PaymentOrderStatus, string> = {
  OPEN: '待支付',
  PAID: '已支付',
  CLOSED: '已关闭',
  REFUNDING: '退款中',
  REFUNDED: '已退款',
}

export const REFUND_STATUS_LABELS: Record<PaymentRefundStatus, string> = {
  SUBMITTING: '退款提交中',
  PROCESSING: '退款处理中',
  SUCCESS: '已退款',
  ABNORMAL: '退款异常（请在商户平台处理）',
  CLOSED: '退款已关闭',
}

/** 990 → "¥9.90": the amount as WeChat Pay's cashier shows it. */
export function feeText(amountFen: number): string {
  const [yuan, cents = ''] = fenToYuan(amountFen).split('.')
  return `¥${yuan}.${cents.padEnd(2, '0')}`
}
