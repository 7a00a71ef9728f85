import type { ErrorResult } from '@/shared/graphql/errors'
import type { MemberProfile } from '@/features/invite/api'

/** What Taro.requestPayment takes, RSA-signed by the server with the merchant key. */
export interface PayParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: string
  paySign: string
}

/** joinCommunity's answer for a community with an entry fee: pay, then WeChat Pay's confirmation admits. */
export interface PaymentRequired {
  __typename: 'PaymentRequired'
  orderNo: string
  amountFen: number
  communityName: string
  payParams: PayParams
  /** H5 demo: no WeChat Pay; 模拟支付 completes the order. */
  simulated: boolean
  expiresAt: string
}

export type PaymentOrderStatus = 'OPEN' | 'PAID' | 'CLOSED' | 'REFUNDING' | 'REFUNDED'
export type PaymentRefundStatus = 'SUBMITTING' | 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED'

export interface PaymentOrder {
  orderNo: string
  amountFen: number
  status: PaymentOrderStatus
  member: Pick<MemberProfile, 'id' | 'nickname'> | null
  payerNickname: string | null
  createdAt: string
  paidAt: string | null
  refundStatus: PaymentRefundStatus | null
  refundReason: string | null
}

export const PAYMENT_REQUIRED_FIELDS = '... on PaymentRequired { orderNo amountFen communityName simulated expiresAt payParams { timeStamp nonceStr package signType paySign } }'
/** A member's paid entry fee, for the admin's applicant and member lists. */
export const ENTRY_PAYMENT_FIELDS = 'entryPayment { orderNo amountFen status refundStatus }'
export type EntryPayment = Pick<PaymentOrder, 'orderNo' | 'amountFen' | 'status' | 'refundStatus'>

/** An order as a mutation answers it, beside its ErrorResult alternatives. */
export type PaymentOrderResult = (PaymentOrder & { __typename: 'PaymentOrder' }) | ErrorResult

export function isPaymentRequired(result: { __typename: string }): result is PaymentRequired {
  return result.__typename === 'PaymentRequired'
}
