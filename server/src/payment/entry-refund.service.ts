import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import { runStatement } from '../db/sql';
import type { MembershipService } from '../member/membership.service';
import { createServiceContext, ServiceContext } from '../service-context';
import type { ErrorResult } from '../graphql/error-result';
import { RollbackWith, inTransaction } from '../db/transaction';
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
  constructor(
    private readonly gateway: WeChatPayGateway | null,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly audit: AuditService,
    private readonly orm: MikroORM,
    private readonly memberships: MembershipService,
  ) {}

  /** Owner: refund an order of the community by hand. */
  async refundByOwner(ctx: ServiceContext, communityId: number, orderNo: string, reason: string): Promise<PaymentOrder | ErrorResult> {
    const order = await ctx.em.findOne(PaymentOrder, { orderNo, community: communityId }, { refresh: true });
    if (!order) return new PaymentOrderNotFound();
    const refund = await this.refund(ctx, order, reason.trim(), ctx.userId!);
    if (!(refund instanceof PaymentRefund)) return refund;
    return ctx.em.findOneOrFail(PaymentOrder, order.id, { refresh: true });
  }

  /** A rejected applicant who paid gets the fee back (nothing happens for one who did not pay). */
  async refundRejected(ctx: ServiceContext, memberId: number, reviewerId: number): Promise<void> {
    const member = await ctx.em.findOneOrFail(Member, memberId);
    const order = await ctx.em.findOne(PaymentOrder, { community: member.community.id, user: member.user.id, status: PaymentOrderStatus.PAID }, { orderBy: { id: 'desc' }, refresh: true });
    if (order) await this.refund(ctx, order, '入群申请未通过，退还入群费', reviewerId);
  }

  /** `keepMember`: the fee goes back to someone who stays (they got in by other means before paying). */
  async refund(ctx: ServiceContext, order: PaymentOrder, reason: string, requestedBy: number | null, { keepMember = false } = {}): Promise<PaymentRefund | ErrorResult> {
    const now = this.clock.now();
    const refundNo = newOrderNumber('RF', now);
    const outcome = await inTransaction<true | ErrorResult>(ctx, async (em) => {
      const inTx: ServiceContext = { ...ctx, em };
      const { affectedRows } = await runStatement(em, 'update payment_order set status = ? where id = ? and status = ?', [PaymentOrderStatus.REFUNDING, order.id, PaymentOrderStatus.PAID]);
      if (affectedRows !== 1) throw new RollbackWith(new OrderNotRefundable());
      await em.insert(PaymentRefund, { order: order.id, refundNo, amountFen: order.amountFen, reason, requestedBy, status: PaymentRefundStatus.SUBMITTING, createdAt: now });
      if (!keepMember) await this.memberships.leaveRefunded(inTx, order.community.id, order.user.id);
      await auditPayment(this.audit, inTx, order, 'refundRequested', { refundNo, reason }, undefined, requestedBy ?? order.user.id);
      return true;
    });
    if (outcome !== true) return outcome;
    const refund = await ctx.em.findOneOrFail(PaymentRefund, { refundNo }, { populate: ['order'] });
    await this.submit(refund);
    return refund;
  }

  /** Reconciliation: submit a refund WeChat Pay has not accepted yet, or ask about a processing one. */
  async follow(refund: PaymentRefund): Promise<void> {
    if (refund.status === PaymentRefundStatus.SUBMITTING) return this.submit(refund);
    if (!this.gateway) return;
    await this.settle(await this.gateway.client.queryRefund(refund.refundNo));
  }

  private async submit(refund: PaymentRefund): Promise<void> {
    if (!this.gateway) {
      await this.settle({ out_refund_no: refund.refundNo, refund_id: `SIM${refund.refundNo.slice(2)}`, status: 'SUCCESS', amount: { refund: refund.amountFen } });
      return;
    }
    try {
      const answer = await this.gateway.client.refund({ orderNo: refund.order.orderNo, refundNo: refund.refundNo, reason: refund.reason, amountFen: refund.amountFen });
      await this.settle(answer);
    } catch (error) {
      if (!(error instanceof WeChatPayError)) throw error;
      this.log.warn({ refundNo: refund.refundNo, status: error.status, code: error.code }, 'WeChat Pay refund not accepted yet; the reconciliation job retries');
    }
  }

  /** A refund's state as WeChat Pay reports it (answer, query or notification); each final state is applied once. */
  async settle(report: WeChatPayRefund, mchid?: string): Promise<'settled' | 'duplicate' | 'unknown' | 'refused'> {
    const ctx = createServiceContext(this.orm.em.fork() as EntityManager, null, 'wechatpay');
    const refund = await ctx.em.findOne(PaymentRefund, { refundNo: report.out_refund_no }, { populate: ['order'] });
    if (!refund) return 'unknown';
    const order = refund.order;
    const status = (report.refund_status ?? report.status) as PaymentRefundStatus | undefined;
    const problem = mchid !== undefined && mchid !== this.gateway?.mchid ? 'mchid' : report.amount?.refund !== undefined && report.amount.refund !== refund.amountFen ? 'amount' : null;
    if (problem || !status) {
      await auditPayment(this.audit, ctx, order, 'paymentRefused', { refundNo: refund.refundNo, problem: problem ?? 'status' }, new PaymentRefused(`退款通知与退款单不符：${problem ?? 'status'}`));
      return 'refused';
    }
    if (!FINAL.has(status)) {
      await runStatement(ctx.em, 'update payment_refund set status = ?, refund_id = ? where id = ? and status = ?', [
        PaymentRefundStatus.PROCESSING, report.refund_id ?? null, refund.id, PaymentRefundStatus.SUBMITTING,
      ]);
      return 'settled';
    }
    const now = this.clock.now();
    return inTransaction(ctx, async (em) => {
      const { affectedRows } = await runStatement(
        em,
        'update payment_refund set status = ?, refund_id = ?, settled_at = ? where id = ? and status in (?, ?)',
        [status, report.refund_id ?? refund.refundId ?? null, now, refund.id, PaymentRefundStatus.SUBMITTING, PaymentRefundStatus.PROCESSING],
      );
      if (affectedRows !== 1) return 'duplicate' as const;
      // ABNORMAL or CLOSED: the money did not go back; the order stays REFUNDING for the merchant to settle by hand.
      if (status === PaymentRefundStatus.SUCCESS) {
        await runStatement(em, 'update payment_order set status = ? where id = ? and status = ?', [PaymentOrderStatus.REFUNDED, order.id, PaymentOrderStatus.REFUNDING]);
      }
      await auditPayment(this.audit, { ...ctx, em }, order, 'refundSettled', { refundNo: refund.refundNo, status });
      return 'settled' as const;
    });
  }
}
