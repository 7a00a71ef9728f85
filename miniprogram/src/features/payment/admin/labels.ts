import type { PaymentOrderStatus, PaymentRefundStatus } from './payment-admin.generated'

// Admin-only labels: kept out of labels.ts, which the first screen imports.

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
