import { graphql } from '@/shared/graphql/client'
import type { PaymentOrder, PaymentOrderResult } from './api'

/** What the payer's page needs to know of its order. */
const ORDER_FIELDS = 'orderNo amountFen status paidAt'

// The 入群费 page's calls (entry/ subpackage): kept out of api.ts, which the first screen imports.

/** The caller's own order, polled while WeChat Pay's confirmation is on its way (支付确认中). */
export async function fetchMyPaymentOrder(orderNo: string): Promise<Pick<PaymentOrder, 'status'> | null> {
  const data = await graphql<{ myPaymentOrder: PaymentOrder | null }>(`query MyPaymentOrder($orderNo: String!) { myPaymentOrder(orderNo: $orderNo) { ${ORDER_FIELDS} } }`, { orderNo })
  return data.myPaymentOrder
}

/** H5 demo only (the server refuses it elsewhere). */
export async function simulatePayment(orderNo: string): Promise<PaymentOrderResult> {
  const data = await graphql<{ simulatePayment: PaymentOrderResult }>(
    `mutation SimulatePayment($orderNo: String!) { simulatePayment(orderNo: $orderNo) { __typename ... on PaymentOrder { ${ORDER_FIELDS} } ... on ErrorResult { errorCode message } } }`,
    { orderNo },
  )
  return data.simulatePayment
}
