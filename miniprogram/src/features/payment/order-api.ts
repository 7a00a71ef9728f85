import { graphql } from '@/shared/graphql/client'
import { MyPaymentOrderDocument, type MyPaymentOrderQuery, SimulatePaymentDocument, type SimulatePaymentMutation } from './order.generated'

// The 支付入群费 page's calls (entry/ subpackage): kept out of api.ts, which the first screen imports.

export type MyPaymentOrder = NonNullable<MyPaymentOrderQuery['myPaymentOrder']>

/** The caller's own order, polled while WeChat Pay's confirmation is on its way (支付确认中). */
export async function fetchMyPaymentOrder(orderNo: string): Promise<MyPaymentOrder | null> {
  const data = await graphql(MyPaymentOrderDocument, { orderNo })
  return data.myPaymentOrder
}

/** H5 demo only (the server refuses it elsewhere). */
export async function simulatePayment(orderNo: string): Promise<SimulatePaymentMutation['simulatePayment']> {
  const data = await graphql(SimulatePaymentDocument, { orderNo })
  return data.simulatePayment
}
