import { graphql } from '@/shared/graphql/client'
import type { Community } from '@/features/community/api'
import { EXPORT_FILE_FIELDS, type ExportFile, type ExportFormat } from '@/features/exports/api'
import type { PaymentOrder, PaymentOrderResult } from '../api'

const ORDER_FIELDS = 'orderNo amountFen status createdAt paidAt refundStatus refundReason payerNickname member { id nickname }'

export async function setEntryFee(communityId: string, entryFeeFen: number): Promise<Pick<Community, 'id' | 'entryFeeFen'>> {
  const data = await graphql<{ setEntryFee: Pick<Community, 'id' | 'entryFeeFen'> }>(
    `mutation SetEntryFee($communityId: ID!, $entryFeeFen: Int!) { setEntryFee(communityId: $communityId, entryFeeFen: $entryFeeFen) { id entryFeeFen } }`,
    { communityId, entryFeeFen },
  )
  return data.setEntryFee
}

export async function fetchPaymentOrders(communityId: string): Promise<PaymentOrder[]> {
  const data = await graphql<{ paymentOrders: PaymentOrder[] }>(
    `query PaymentOrders($communityId: ID!) { paymentOrders(communityId: $communityId, first: 50) { ${ORDER_FIELDS} } }`,
    { communityId },
  )
  return data.paymentOrders
}

/** Owner only: the whole fee back; the member leaves the community. */
export async function refundEntryFee(communityId: string, orderNo: string, reason: string): Promise<PaymentOrderResult> {
  const data = await graphql<{ refundEntryFee: PaymentOrderResult }>(
    `mutation RefundEntryFee($communityId: ID!, $orderNo: String!, $reason: String!) {
      refundEntryFee(communityId: $communityId, orderNo: $orderNo, reason: $reason) { __typename ... on PaymentOrder { ${ORDER_FIELDS} } ... on ErrorResult { errorCode message } }
    }`,
    { communityId, orderNo, reason },
  )
  return data.refundEntryFee
}

export async function exportPaymentOrders(communityId: string, format: ExportFormat): Promise<ExportFile> {
  const data = await graphql<{ exportPaymentOrders: ExportFile }>(
    `mutation ExportPaymentOrders($communityId: ID!, $format: ExportFormat!) { exportPaymentOrders(communityId: $communityId, format: $format) { ${EXPORT_FILE_FIELDS} } }`,
    { communityId, format },
  )
  return data.exportPaymentOrders
}
