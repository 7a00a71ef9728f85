import type { AppServices } from '../app-services';
import type { AppConfig } from '../config';
import { createRequestContext } from '../context';
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
  constructor(private readonly settings: AppConfig['wechatPay'], private readonly gateway: WeChatPayGateway | null) {}

  async run(services: AppServices): Promise<{ orders: number; refunds: number }> {
    const now = services.clock.now();
    const em = services.orm.em.fork();
    const askBefore = new Date(now.getTime() - (this.settings?.reconcileAfterSeconds ?? 60) * 1000);
    const orders = await em.find(
      PaymentOrder,
      { status: PaymentOrderStatus.OPEN, $or: [{ createdAt: { $lte: askBefore } }, { expiresAt: { $lte: now } }] },
      { orderBy: { id: 'asc' }, limit: BATCH },
    );
    for (const order of orders) await this.reconcile(services, order);
    const refunds = await em.find(
      PaymentRefund,
      { $or: [{ status: PaymentRefundStatus.SUBMITTING }, { status: PaymentRefundStatus.PROCESSING, createdAt: { $lte: askBefore } }] },
      { populate: ['order'], orderBy: { id: 'asc' }, limit: BATCH },
    );
    for (const refund of refunds) await services.entryRefunds.follow(services, refund);
    return { orders: orders.length, refunds: refunds.length };
  }

  /** One open order: settled if WeChat Pay has it paid, closed if it expired unpaid, else left open. */
  async reconcile(services: AppServices, order: PaymentOrder): Promise<void> {
    const now = services.clock.now();
    const expired = order.expiresAt <= now;
    if (!this.gateway) {
      if (expired) await this.closeHere(services, order);
      return;
    }
    const transaction = await this.gateway.client.queryOrder(order.orderNo);
    if (transaction?.trade_state === 'SUCCESS') {
      await services.entryPayments.settle(services, transaction, 'reconciliation');
    } else if (transaction && CLOSED_AT_WECHAT.has(transaction.trade_state)) {
      await this.closeHere(services, order);
    } else if (expired) {
      // Closed there first: a payer still on the cashier page can no longer pay an order we forget.
      if (transaction) await this.gateway.client.closeOrder(order.orderNo);
      await this.closeHere(services, order);
    }
  }

  private async closeHere(services: AppServices, order: PaymentOrder): Promise<void> {
    const ctx = await createRequestContext(services, undefined, 'wechatpay');
    const closed = await ctx.em.nativeUpdate(
      PaymentOrder,
      { id: order.id, status: PaymentOrderStatus.OPEN },
      { status: PaymentOrderStatus.CLOSED, openKey: null, closedAt: services.clock.now() },
    );
    if (closed === 1) await auditPayment(ctx, order, 'paymentClosed', { expiresAt: order.expiresAt });
  }
}
