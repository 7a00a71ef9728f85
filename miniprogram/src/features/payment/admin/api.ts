import type { ExportFile, ExportFormat } from '@/features/exports/api'
import { graphql } from '@/shared/graphql/client'
import {
  type AdminPaymentOrderFieldsFragment,
  ExportPaymentOrdersDocument,
  PaymentOrdersDocument,
  RefundEntryFeeDocument,
  type RefundEntryFeeMutation,
  SetEntryFeeDocument,
  type SetEntryFeeMutation,
} from './payment-admin.generated'

/** 入群费订单 as admins list them. */
export type PaymentOrder = AdminPaymentOrderFieldsFragment

export async function setEntryFee(communityId: string, entryFeeFen: number): Promise<SetEntryFeeMutation['setEntryFee']> {
  const data = await graphql(SetEntryFeeDocument, { communityId, entryFeeFen })
  return data.setEntryFee
}

export async function fetchPaymentOrders(communityId: string): Promise<PaymentOrder[]> {
  const data = await graphql(PaymentOrdersDocument, { communityId })
  return data.paymentOrders
}

/** Owner only: the whole fee back; the member leaves the community. */
export async function refundEntryFee(communityId: string, orderNo: string, reason: string): Promise<RefundEntryFeeMutation['refundEntryFee']> {
  const data = await graphql(RefundEntryFeeDocument, { communityId, orderNo, reason })
  return data.refundEntryFee
}

export async function exportPaymentOrders(communityId: string, format: ExportFormat): Promise<ExportFile> {
  const data = await graphql(ExportPaymentOrdersDocument, { communityId, format })
  return data.exportPaymentOrders
}
