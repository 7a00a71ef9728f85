import { type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import type { AppConfig } from '../config';
import { runStatement } from '../db/sql';
import { createServiceContext, ServiceContext } from '../service-context';
import type { ErrorResult } from '../graphql/error-result';
import { badInput, forbidden } from '../graphql/graphql-errors';
import { requireUser } from '../auth/require-user';
import { inTransaction } from '../db/transaction';
import { Community } from '../community/community.entity';
import type { Admission, MembershipService } from '../member/membership.service';
import type { EntryRefundService } from './entry-refund.service';
import { newOrderNumber } from './order-number';
import { auditPayment, PaymentRefused } from './payment-audit';
import { PaymentOrder } from './payment-order.entity';
import { PaymentOrderStatus } from './payment.enums';
import { MAX_ENTRY_FEE_FEN, PaymentOrderNotFound, PaymentRequired, PaymentUnavailable, PayParams } from './payment.types';
import { WeChatPayError, WeChatPayTransaction } from './wechat-pay.client';
import { signPayParams } from './wechat-pay.crypto';
import type { WeChatPayGateway } from './wechat-pay.gateway';

/** The H5 demo's stand-in for a merchant id: simulated orders never reach WeChat Pay. */
export const SIMULATED_MCHID = 'simulated';
const DEMO_ORDER_TTL_SECONDS = 1800;

export type SettleOutcome = 'settled' | 'duplicate' | 'unknown' | 'refused' | 'not-paid';

/** Asks WeChat Pay about an open order and settles or closes it (the reconciliation's, bound in app-services.ts). */
export type ReconcileOrder = (order: PaymentOrder) => Promise<void>;

/**
 * 入群费: a JSAPI order per joining user (one open order per user and community), the pay params
 * the mini-program hands to Taro.requestPayment, and admission when — and only when — WeChat Pay
 * says the order is paid (its notification, or the reconciliation job's query).
 */
export class EntryPaymentService {
  constructor(
    private readonly config: AppConfig,
    private readonly gateway: WeChatPayGateway | null,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly audit: AuditService,
    private readonly orm: MikroORM,
    private readonly memberships: MembershipService,
    private readonly refunds: EntryRefundService,
    private readonly reconcileOrder: ReconcileOrder,
  ) {}

  private get demo(): boolean {
    return this.config.wechat.loginMode === 'dev';
  }

  async setEntryFee(ctx: ServiceContext, communityId: number, entryFeeFen: number): Promise<Community> {
    if (!Number.isInteger(entryFeeFen) || entryFeeFen < 0 || entryFeeFen > MAX_ENTRY_FEE_FEN) {
      throw badInput('入群费应为 0（免费）或 1–100000 分（0.01–1000 元）的整数', 'entryFeeFen');
    }
    if (entryFeeFen > 0 && !this.gateway && !this.demo) throw badInput('微信支付尚未配置（WECHATPAY_*），暂不能收取入群费', 'entryFeeFen');
    await runStatement(ctx.em, 'update community set entry_fee_fen = ? where id = ?', [entryFeeFen, communityId]);
    const community = await ctx.em.findOneOrFail(Community, communityId, { refresh: true });
    ctx.loaders.community.clear(communityId).prime(communityId, community);
    return community;
  }

  /** Called by joinCommunity for a community with a fee: the caller's open order, made on first ask. */
  async requestPayment(ctx: ServiceContext, community: Community, admission: Admission): Promise<PaymentRequired | ErrorResult> {
    const user = requireUser(ctx);
    if (!this.gateway && !this.demo) return new PaymentUnavailable('这个社群的入群费暂时无法支付，请联系群主');
    let order = await this.openOrder(ctx, community.id, user.id);
    if (order && order.expiresAt <= this.clock.now()) {
      await this.reconcileOrder(order);
      order = await this.openOrder(ctx, community.id, user.id);
    }
    order ??= await this.createOrder(ctx, community, user.id, admission.by === 'invite' ? admission.inviterId : null);
    const prepayId = order.prepayId ?? (await this.prepay(ctx, order, user.openid, community.name));
    if (!prepayId) return new PaymentUnavailable();
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const payParams: PayParams = this.gateway
      ? signPayParams(this.config.wechat.appId, prepayId, this.gateway.keys.merchantKey, nowSeconds)
      : { timeStamp: String(nowSeconds), nonceStr: 'simulated', package: `prepay_id=${prepayId}`, signType: 'RSA', paySign: 'SIMULATED' };
    return Object.assign(new PaymentRequired(), { orderNo: order.orderNo, amountFen: order.amountFen, communityName: community.name, payParams, simulated: !this.gateway, expiresAt: order.expiresAt });
  }

  private openOrder(ctx: ServiceContext, communityId: number, userId: number): Promise<PaymentOrder | null> {
    return ctx.em.findOne(PaymentOrder, { openKey: openKey(communityId, userId) }, { refresh: true });
  }

  private async createOrder(ctx: ServiceContext, community: Community, userId: number, inviterMemberId: number | null): Promise<PaymentOrder> {
    const now = this.clock.now();
    const ttl = this.config.wechatPay?.orderTtlSeconds ?? DEMO_ORDER_TTL_SECONDS;
    const data = {
      community: community.id,
      user: userId,
      orderNo: newOrderNumber('QY', now),
      amountFen: community.entryFeeFen,
      status: PaymentOrderStatus.OPEN,
      openKey: openKey(community.id, userId),
      inviterMemberId,
      expiresAt: new Date(now.getTime() + ttl * 1000),
      createdAt: now,
    };
    try {
      const id = Number(await ctx.em.insert(PaymentOrder, data));
      const order = await ctx.em.findOneOrFail(PaymentOrder, id);
      await auditPayment(this.audit, ctx, order, 'paymentOrderCreated');
      return order;
    } catch (error) {
      // A simultaneous join of the same user (maybe on another process) opened the order first: it is theirs and ours.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const winner = await this.openOrder(ctx, community.id, userId);
      if (!winner) throw error;
      return winner;
    }
  }

  /**
   * The order's prepay_id from WeChat Pay. Two processes may both ask for one order: WeChat Pay
   * answers the same prepay_id to the same out_trade_no with the same parameters, and the first
   * stored stays. Null when WeChat Pay cannot be reached (the next join asks again).
   */
  private async prepay(ctx: ServiceContext, order: PaymentOrder, openid: string, communityName: string): Promise<string | null> {
    let prepayId = `simulated-${order.orderNo}`;
    if (this.gateway) {
      try {
        prepayId = await this.gateway.client.createJsapiOrder({
          appId: this.config.wechat.appId,
          orderNo: order.orderNo,
          description: `${communityName} 入群费`.slice(0, 127),
          amountFen: order.amountFen,
          openid,
          expiresAt: order.expiresAt,
        });
      } catch (error) {
        if (!(error instanceof WeChatPayError)) throw error;
        this.log.warn({ orderNo: order.orderNo, status: error.status, code: error.code }, 'WeChat Pay order creation failed');
        return null;
      }
    }
    await runStatement(ctx.em, 'update payment_order set prepay_id = ? where id = ? and prepay_id is null', [prepayId, order.id]);
    return (await ctx.em.findOneOrFail(PaymentOrder, order.id, { refresh: true })).prepayId ?? prepayId;
  }

  /** H5 demo only: completes the caller's own order as if WeChat Pay had confirmed it. */
  async simulate(ctx: ServiceContext, orderNo: string): Promise<PaymentOrder | ErrorResult> {
    if (!this.demo) throw forbidden('模拟支付只在开发演示（WECHAT_LOGIN=dev）中可用');
    const user = requireUser(ctx);
    const order = await ctx.em.findOne(PaymentOrder, { orderNo, user }, { refresh: true });
    if (!order) return new PaymentOrderNotFound();
    await this.settle({
      appid: this.config.wechat.appId,
      mchid: this.expectedMchid,
      out_trade_no: orderNo,
      transaction_id: `SIM${orderNo.slice(2)}`,
      trade_state: 'SUCCESS',
      amount: { total: order.amountFen, currency: 'CNY' },
    }, 'simulation');
    ctx.callerMembers.delete(order.community.id);
    return ctx.em.findOneOrFail(PaymentOrder, order.id, { refresh: true });
  }

  private get expectedMchid(): string {
    return this.gateway?.mchid ?? SIMULATED_MCHID;
  }

  /**
   * A transaction WeChat Pay reported: checked against the order (mchid, appid, amount), then the
   * order becomes PAID and the payer a member in one transaction. The conditional UPDATE lets one
   * of any number of simultaneous reports (WeChat repeats them; two processes) admit.
   */
  async settle(transaction: WeChatPayTransaction, source: 'notification' | 'reconciliation' | 'simulation'): Promise<SettleOutcome> {
    const ctx = createServiceContext(this.orm.em.fork() as EntityManager, null, 'wechatpay');
    const order = await ctx.em.findOne(PaymentOrder, { orderNo: transaction.out_trade_no }, { populate: ['community'] });
    if (!order) return 'unknown';
    const problem = this.mismatch(order, transaction);
    if (problem) {
      this.log.warn({ orderNo: order.orderNo, problem, source }, 'WeChat Pay transaction refused');
      await auditPayment(this.audit, ctx, order, 'paymentRefused', { source, problem }, new PaymentRefused(`支付通知与订单不符：${problem}`));
      return 'refused';
    }
    if (transaction.trade_state !== 'SUCCESS') return 'not-paid';
    const now = this.clock.now();
    const outcome = await inTransaction(ctx, async (em) => {
      const inTx: ServiceContext = { ...ctx, em };
      const { affectedRows } = await runStatement(
        em,
        'update payment_order set status = ?, open_key = null, transaction_id = ?, paid_at = ? where id = ? and status in (?, ?)',
        [PaymentOrderStatus.PAID, transaction.transaction_id ?? null, now, order.id, PaymentOrderStatus.OPEN, PaymentOrderStatus.CLOSED],
      );
      if (affectedRows !== 1) return 'duplicate' as const;
      const member = await this.memberships.admitPaid(inTx, order.community, order.user.id, order.inviterMemberId ?? null);
      await auditPayment(this.audit, inTx, order, 'paymentSucceeded', { source, transactionId: transaction.transaction_id ?? null, memberId: member?.id ?? null });
      return member ? ('settled' as const) : ('not-admitted' as const);
    });
    // Banned meanwhile, or already let in by other means (a free join after the fee was lifted, a chat's card): the fee goes back.
    if (outcome === 'not-admitted') await this.refunds.refund(ctx, order, '已在群内或无法入群，自动退款', null, { keepMember: true });
    return outcome === 'not-admitted' ? 'settled' : outcome;
  }

  private mismatch(order: PaymentOrder, transaction: WeChatPayTransaction): string | null {
    if (transaction.mchid !== this.expectedMchid) return 'mchid';
    if (transaction.appid !== this.config.wechat.appId) return 'appid';
    if (transaction.trade_state === 'SUCCESS' && transaction.amount?.total !== order.amountFen) return 'amount';
    return null;
  }
}

export function openKey(communityId: number, userId: number): string {
  return `${communityId}:${userId}`;
}
