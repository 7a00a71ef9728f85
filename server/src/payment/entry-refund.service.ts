import type { AppServices } from '../app-services';
import { createRequestContext, RequestContext } from '../context';
import type { ErrorResult } from '../common/error-result';
import { RollbackWith, inTransaction } from '../common/transaction';
import { Member } from '../member/member.entity';
import { newOrderNumber } from './order-number';
import { auditPayment, PaymentRefused } from './payment-audit';
import { PaymentOrder } from './payment-order.entity';
import { PaymentRefund } from './payment-refund.entity';
import { PaymentOrderStatus, PaymentRefundStatus } from './payment.enums';
import { OrderNotRefundable, PaymentOrderNotFound } from './payment.types';
import { WeChatPayError, WeChatPayRefund } from './wechat-pay.client';
import type { WeChatPayGateway } from './wechat-pay.gateway';

const FINAL = new Set<string>([PaymentRefundStatus.SUCCESS, PaymentRefundStatus.ABNORMAL, PaymentRefundStatus.CLOSED]);

/**
 * 退款: the whole entry fee back, when an admin rejects a paid applicant or the owner refunds by
 * hand. The order moves PAID → REFUNDING by a conditional UPDATE and gets its one refund row (a
 * unique key) in the transaction that takes the member out; WeChat Pay is asked after the
 * commit, and again by the reconciliation job if it could not be reached.
 */
export class EntryRefundService {
  constructor(private readonly gateway: WeChatPayGateway | null) {}

  /** Owner: refund an order of the community by hand. */
  async refundByOwner(ctx: RequestContext, communityId: number, orderNo: string, reason: string): Promise<PaymentOrder | ErrorResult> {
    const order = await ctx.em.findOne(PaymentOrder, { orderNo, community: communityId }, { refresh: true });
    if (!order) return new PaymentOrderNotFound();
    const refund = await this.refund(ctx, order, reason.trim(), ctx.user!.id);
    if (!(refund instanceof PaymentRefund)) return refund;
    return ctx.em.findOneOrFail(PaymentOrder, order.id, { refresh: true });
  }

  /** A rejected applicant who paid gets the fee back (nothing happens for one who did not pay). */
  async refundRejected(ctx: RequestContext, memberId: number, reviewerId: number): Promise<void> {
    const member = await ctx.em.findOneOrFail(Member, memberId);
    const order = await ctx.em.findOne(PaymentOrder, { community: member.community.id, user: member.user.id, status: PaymentOrderStatus.PAID }, { orderBy: { id: 'desc' }, refresh: true });
    if (order) await this.refund(ctx, order, '入群申请未通过，退还入群费', reviewerId);
  }

  /** `keepMember`: the fee goes back to someone who stays (they got in by other means before paying). */
  async refund(ctx: RequestContext, order: PaymentOrder, reason: string, requestedBy: number | null, { keepMember = false } = {}): Promise<PaymentRefund | ErrorResult> {
    const now = ctx.services.clock.now();
    const refundNo = newOrderNumber('RF', now);
    const outcome = await inTransaction<true | ErrorResult>(ctx, async (em) => {
      const inTx: RequestContext = { ...ctx, em };
      const taken = await em.nativeUpdate(PaymentOrder, { id: order.id, status: PaymentOrderStatus.PAID }, { status: PaymentOrderStatus.REFUNDING });
      if (taken !== 1) throw new RollbackWith(new OrderNotRefundable());
      await em.insert(PaymentRefund, { order: order.id, refundNo, amountFen: order.amountFen, reason, requestedBy, status: PaymentRefundStatus.SUBMITTING, createdAt: now });
      if (!keepMember) await ctx.services.memberships.leaveRefunded(inTx, order.community.id, order.user.id);
      await auditPayment(inTx, order, 'refundRequested', { refundNo, reason }, undefined, requestedBy ?? order.user.id);
      return true;
    });
    if (outcome !== true) return outcome;
    const refund = await ctx.em.findOneOrFail(PaymentRefund, { refundNo }, { populate: ['order'] });
    await this.submit(ctx.services, refund);
    return refund;
  }

  /** Reconciliation: submit a refund WeChat Pay has not accepted yet, or ask about a processing one. */
  async follow(services: AppServices, refund: PaymentRefund): Promise<void> {
    if (refund.status === PaymentRefundStatus.SUBMITTING) return this.submit(services, refund);
    if (!this.gateway) return;
    await this.settle(services, await this.gateway.client.queryRefund(refund.refundNo));
  }

  private async submit(services: AppServices, refund: PaymentRefund): Promise<void> {
    if (!this.gateway) {
      await this.settle(services, { out_refund_no: refund.refundNo, refund_id: `SIM${refund.refundNo.slice(2)}`, status: 'SUCCESS', amount: { refund: refund.amountFen } });
      return;
    }
    try {
      const answer = await this.gateway.client.refund({ orderNo: refund.order.orderNo, refundNo: refund.refundNo, reason: refund.reason, amountFen: refund.amountFen });
      await this.settle(services, answer);
    } catch (error) {
      if (!(error instanceof WeChatPayError)) throw error;
      services.log.warn({ refundNo: refund.refundNo, status: error.status, code: error.code }, 'WeChat Pay refund not accepted yet; the reconciliation job retries');
    }
  }

  /** A refund's state as WeChat Pay reports it (answer, query or notification); each final state is applied once. */
  async settle(services: AppServices, report: WeChatPayRefund, mchid?: string): Promise<'settled' | 'duplicate' | 'unknown' | 'refused'> {
    const ctx = await createRequestContext(services, undefined, 'wechatpay');
    const refund = await ctx.em.findOne(PaymentRefund, { refundNo: report.out_refund_no }, { populate: ['order'] });
    if (!refund) return 'unknown';
    const order = refund.order;
    const status = (report.refund_status ?? report.status) as PaymentRefundStatus | undefined;
    const problem = mchid !== undefined && mchid !== this.gateway?.mchid ? 'mchid' : report.amount?.refund !== undefined && report.amount.refund !== refund.amountFen ? 'amount' : null;
    if (problem || !status) {
      await auditPayment(ctx, order, 'paymentRefused', { refundNo: refund.refundNo, problem: problem ?? 'status' }, new PaymentRefused(`退款通知与退款单不符：${problem ?? 'status'}`));
      return 'refused';
    }
    if (!FINAL.has(status)) {
      await ctx.em.nativeUpdate(PaymentRefund, { id: refund.id, status: PaymentRefundStatus.SUBMITTING }, { status: PaymentRefundStatus.PROCESSING, refundId: report.refund_id ?? null });
      return 'settled';
    }
    const now = services.clock.now();
    return inTransaction(ctx, async (em) => {
      const changed = await em.nativeUpdate(
        PaymentRefund,
        { id: refund.id, status: { $in: [PaymentRefundStatus.SUBMITTING, PaymentRefundStatus.PROCESSING] } },
        { status, refundId: report.refund_id ?? refund.refundId ?? null, settledAt: now },
      );
      if (changed !== 1) return 'duplicate' as const;
      // ABNORMAL or CLOSED: the money did not go back; the order stays REFUNDING for the merchant to settle by hand.
      if (status === PaymentRefundStatus.SUCCESS) await em.nativeUpdate(PaymentOrder, { id: order.id, status: PaymentOrderStatus.REFUNDING }, { status: PaymentOrderStatus.REFUNDED });
      await auditPayment({ ...ctx, em }, order, 'refundSettled', { refundNo: refund.refundNo, status });
      return 'settled' as const;
    });
  }
}
