import type { EntryPaymentFieldsFragment, PaymentOrderStatus, PaymentRefundStatus, PaymentRequiredFieldsFragment } from './payment.generated'

export type { PaymentOrderStatus, PaymentRefundStatus }

/** joinCommunity's answer for a community with an entry fee: pay with payParams; WeChat Pay's confirmation to the server admits. */
export type PaymentRequired = PaymentRequiredFieldsFragment & { __typename: 'PaymentRequired' }
/** What Taro.requestPayment takes, RSA-signed by the server with the merchant key. */
export type PayParams = PaymentRequired['payParams']
/** A member's paid entry fee, for the admin's applicant list. */
export type EntryPayment = EntryPaymentFieldsFragment

export function isPaymentRequired(result: { __typename: string }): result is PaymentRequired {
  return result.__typename === 'PaymentRequired'
}
