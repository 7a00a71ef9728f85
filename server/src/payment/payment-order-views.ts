import type { ServiceContext } from '../service-context';
import type { TierService } from '../tier/tier.service';
import { requireUser } from '../auth/require-user';
import { memberProfile } from '../member/member-profile';
import { Member } from '../member/member.entity';
import { PaymentOrder } from './payment-order.entity';
import { PaymentRefund } from './payment-refund.entity';
import type { PaymentOrderStatus } from './payment.enums';
import { PaymentOrderView } from './payment.types';

/** Orders as the API shows them: to the payer (their own) and to the community's admins. */
export class PaymentOrderViews {
  constructor(private readonly tiers: TierService) {}

  async list(ctx: ServiceContext, communityId: number, status: PaymentOrderStatus | undefined, first: number): Promise<PaymentOrderView[]> {
    const orders = await ctx.em.find(PaymentOrder, { community: communityId, ...(status ? { status } : {}) }, { orderBy: { id: 'desc' }, limit: first });
    return this.views(ctx, orders);
  }

  /** The caller's own order, for the join page's 支付确认中 polling; null for anyone else's. */
  async mine(ctx: ServiceContext, orderNo: string): Promise<PaymentOrderView | null> {
    const order = await ctx.em.findOne(PaymentOrder, { orderNo, user: requireUser(ctx) }, { refresh: true });
    return order ? (await this.views(ctx, [order]))[0] : null;
  }

  /** A member's entry fee (the latest order that was paid, refunding or refunded), for the admin's applicant list. */
  async ofMember(ctx: ServiceContext, member: Member): Promise<PaymentOrderView | null> {
    const order = await ctx.em.findOne(
      PaymentOrder,
      { community: member.community.id, user: member.user.id, paidAt: { $ne: null } },
      { orderBy: { id: 'desc' } },
    );
    return order ? (await this.views(ctx, [order]))[0] : null;
  }

  async views(ctx: ServiceContext, orders: PaymentOrder[]): Promise<PaymentOrderView[]> {
    if (!orders.length) return [];
    const refunds = await ctx.em.find(PaymentRefund, { order: { $in: orders.map((order) => order.id) } });
    const refundOf = new Map(refunds.map((refund) => [refund.order.id, refund]));
    const members = await ctx.em.find(Member, { $or: orders.map((order) => ({ community: order.community.id, user: order.user.id })) });
    const memberOf = new Map(members.map((member) => [`${member.community.id}:${member.user.id}`, member.id]));
    return Promise.all(
      orders.map(async (order) => {
        const memberId = order.paidAt ? memberOf.get(`${order.community.id}:${order.user.id}`) : undefined;
        const refund = refundOf.get(order.id);
        return Object.assign(new PaymentOrderView(), {
          orderNo: order.orderNo,
          amountFen: order.amountFen,
          status: order.status,
          communityId: String(order.community.id),
          member: memberId ? await memberProfile(ctx, this.tiers, memberId) : null,
          payerNickname: (await ctx.loaders.user.load(order.user.id))?.nickname ?? null,
          createdAt: order.createdAt,
          paidAt: order.paidAt ?? null,
          refundStatus: refund?.status ?? null,
          refundReason: refund?.reason ?? null,
        });
      }),
    );
  }
}
