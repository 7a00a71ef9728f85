import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../common/clock';
import type { AppConfig } from '../config';
import { runStatement } from '../db/sql';
import { createServiceContext } from '../service-context';
import type { EntryPaymentService } from './entry-payment.service';
import type { EntryRefundService } from './entry-refund.service';
import { auditPayment } from './payment-audit';
import { PaymentOrder } from './payment-order.entity';
import { PaymentRefund } from './payment-refund.entity';
import { PaymentOrderStatus, PaymentRefundStatus } from './payment.enums';
import type { WeChatPayGateway } from './wechat-pay.gateway';

const BATCH = 100;
const CLOSED_AT_WECHAT = new Set(['CLOSED', 'REVOKED', 'PAYERROR']);

/**
 * 对账: what the notifications did not bring. Open orders old enough are asked about
 * (GET /v3/pay/transactions/out-trade-no/{no}): paid ones are settled like a notification,
 * expired unpaid ones closed at WeChat Pay and here. Refunds not accepted yet are submitted
 * again (the same out_refund_no: WeChat Pay refunds once); processing ones are asked about.
 * Every step is a conditional update, so two processes running it at once do each thing once.
 */
export class PaymentReconciliationService {
  constructor(
    private readonly settings: AppConfig['wechatPay'],
    private readonly gateway: WeChatPayGateway | null,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly orm: MikroORM,
    private readonly payments: EntryPaymentService,
    private readonly refunds: EntryRefundService,
  ) {}

  async run(): Promise<{ orders: number; refunds: number }> {
    const now = this.clock.now();
    const em = this.orm.em.fork();
    const askBefore = new Date(now.getTime() - (this.settings?.reconcileAfterSeconds ?? 60) * 1000);
    const orders = await em.find(
      PaymentOrder,
      { status: PaymentOrderStatus.OPEN, $or: [{ createdAt: { $lte: askBefore } }, { expiresAt: { $lte: now } }] },
      { orderBy: { id: 'asc' }, limit: BATCH },
    );
    for (const order of orders) await this.reconcile(order);
    const refunds = await em.find(
      PaymentRefund,
      { $or: [{ status: PaymentRefundStatus.SUBMITTING }, { status: PaymentRefundStatus.PROCESSING, createdAt: { $lte: askBefore } }] },
      { populate: ['order'], orderBy: { id: 'asc' }, limit: BATCH },
    );
    for (const refund of refunds) await this.refunds.follow(refund);
    return { orders: orders.length, refunds: refunds.length };
  }

  /** One open order: settled if WeChat Pay has it paid, closed if it expired unpaid, else left open. */
  async reconcile(order: PaymentOrder): Promise<void> {
    const now = this.clock.now();
    const expired = order.expiresAt <= now;
    if (!this.gateway) {
      if (expired) await this.closeHere(order);
      return;
    }
    const transaction = await this.gateway.client.queryOrder(order.orderNo);
    if (transaction?.trade_state === 'SUCCESS') {
      await this.payments.settle(transaction, 'reconciliation');
    } else if (transaction && CLOSED_AT_WECHAT.has(transaction.trade_state)) {
      await this.closeHere(order);
    } else if (expired) {
      // Closed there first: a payer still on the cashier page can no longer pay an order we forget.
      if (transaction) await this.gateway.client.closeOrder(order.orderNo);
      await this.closeHere(order);
    }
  }

  private async closeHere(order: PaymentOrder): Promise<void> {
    const ctx = createServiceContext(this.orm.em.fork() as EntityManager, null, 'wechatpay');
    const { affectedRows } = await runStatement(
      ctx.em,
      'update payment_order set status = ?, open_key = null, closed_at = ? where id = ? and status = ?',
      [PaymentOrderStatus.CLOSED, this.clock.now(), order.id, PaymentOrderStatus.OPEN],
    );
    if (affectedRows === 1) await auditPayment(this.audit, ctx, order, 'paymentClosed', { expiresAt: order.expiresAt });
  }
}
