import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import {
  EntryFeeOrderDocument,
  type EntryFeeOrderMutation,
  MyPaymentOrderDocument,
  type MyPaymentOrderQuery,
  SimulatePaymentDocument,
  type SimulatePaymentMutation,
} from './order.generated'

// The 支付入群费 page's calls (entry/ subpackage): kept out of api.ts, which the first screen imports.

export type EntryFeeOrderResult = EntryFeeOrderMutation['joinCommunity']
/** The open order: what Taro.requestPayment takes (payParams, RSA-signed by the server) and what to show. */
export type PaymentRequired = ResultMember<EntryFeeOrderResult, 'PaymentRequired'>
export type PayParams = PaymentRequired['payParams']
export type MyPaymentOrder = NonNullable<MyPaymentOrderQuery['myPaymentOrder']>

/** The caller's open order for the community of the code (joining again answers it), or why there is none. */
export async function fetchEntryFeeOrder(joinCode: string): Promise<EntryFeeOrderResult> {
  const data = await graphql(EntryFeeOrderDocument, { joinCode })
  return data.joinCommunity
}

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
