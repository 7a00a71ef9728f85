import type { AuditService } from '../audit/audit.service';
import type { ServiceContext } from '../service-context';
import { defineErrorResult, ErrorResult } from '../graphql/error-result';
import { User } from '../user/user.entity';
import type { PaymentOrder } from './payment-order.entity';

/** Audit actions of payments that no admin mutation records (the guard records setEntryFee and refundEntryFee). */
export type PaymentAuditAction = 'paymentOrderCreated' | 'paymentSucceeded' | 'paymentRefused' | 'paymentClosed' | 'refundRequested' | 'refundSettled';

export const PaymentRefused = defineErrorResult('PaymentRefused', 'PAYMENT_REFUSED', '支付通知与订单不符');

/**
 * One audit row per payment event of an order. The actor is the payer for what WeChat Pay or the
 * payer did, or the admin who asked for a refund.
 */
export async function auditPayment(
  audit: AuditService,
  ctx: ServiceContext,
  order: Pick<PaymentOrder, 'id' | 'orderNo' | 'amountFen'> & { community: { id: number }; user: { id: number } },
  action: PaymentAuditAction,
  detail: Record<string, unknown> = {},
  refusal?: ErrorResult,
  actorId: number = order.user.id,
): Promise<void> {
  await audit.record(ctx, {
    communityId: order.community.id,
    actor: ctx.em.getReference(User, actorId),
    action,
    args: { orderId: order.id, orderNo: order.orderNo, amountFen: order.amountFen, ...detail },
    result: refusal ?? null,
  });
}
