import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { Community } from '../community/community.entity';
import { CommunityIdArgs } from '../community/community.types';
import { ExportFormat } from '../export/export.enums';
import { ExportFile } from '../export/export.types';
import { Member } from '../member/member.entity';
import { ADMIN_ROLES, MemberRole } from '../member/member.enums';
import { paymentOrdersExport } from './payment-orders.export';
import { OrderNoArgs, PaymentOrdersArgs, PaymentOrderView, RefundEntryFeeArgs, RefundEntryFeeResult, SetEntryFeeArgs, SimulatePaymentResult } from './payment.types';

@Resolver()
export class PaymentResolver {
  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => Community, { description: 'Admin: the entry fee in fen (0 = free, else 1..100000); needs WeChat Pay configured; audited' })
  setEntryFee(@Args() { communityId, entryFeeFen }: SetEntryFeeArgs, @Ctx() ctx: RequestContext): Promise<Community> {
    return ctx.services.entryPayments.setEntryFee(ctx, parseId(communityId), entryFeeFen);
  }

  @Authorized()
  @Query(() => PaymentOrderView, { nullable: true, description: "The caller's own entry-fee order (null for an unknown or someone else's)" })
  myPaymentOrder(@Args() { orderNo }: OrderNoArgs, @Ctx() ctx: RequestContext): Promise<PaymentOrderView | null> {
    return ctx.services.paymentOrderViews.mine(ctx, orderNo);
  }

  @Authorized()
  @Mutation(() => SimulatePaymentResult, { description: 'H5 demo only (WECHAT_LOGIN=dev): 模拟支付 completes the caller\'s order as if WeChat Pay had confirmed it; refused elsewhere' })
  async simulatePayment(@Args() { orderNo }: OrderNoArgs, @Ctx() ctx: RequestContext): Promise<PaymentOrderView | ErrorResult> {
    const outcome = await ctx.services.entryPayments.simulate(ctx, orderNo);
    return 'orderNo' in outcome ? (await ctx.services.paymentOrderViews.views(ctx, [outcome]))[0] : outcome;
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [PaymentOrderView], { description: 'Admin: entry-fee orders, newest first' })
  paymentOrders(@Args() { communityId, status, first }: PaymentOrdersArgs, @Ctx() ctx: RequestContext): Promise<PaymentOrderView[]> {
    return ctx.services.paymentOrderViews.list(ctx, parseId(communityId), status, first);
  }

  @RequireCommunityRole([MemberRole.OWNER])
  @Mutation(() => RefundEntryFeeResult, { description: 'Owner: refund a paid entry fee in full (the member leaves the community); audited' })
  async refundEntryFee(@Args() { communityId, orderNo, reason }: RefundEntryFeeArgs, @Ctx() ctx: RequestContext): Promise<PaymentOrderView | ErrorResult> {
    const outcome = await ctx.services.entryRefunds.refundByOwner(ctx, parseId(communityId), orderNo, reason);
    return 'orderNo' in outcome ? (await ctx.services.paymentOrderViews.views(ctx, [outcome]))[0] : outcome;
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => ExportFile, { description: 'Admin: every entry-fee order and refund as a spreadsheet; a short-lived link' })
  exportPaymentOrders(@Args() { communityId }: CommunityIdArgs, @Arg('format', () => ExportFormat) format: ExportFormat, @Ctx() ctx: RequestContext): Promise<ExportFile> {
    return ctx.services.exports.issue(ctx, paymentOrdersExport, parseId(communityId), format);
  }
}

@Resolver(() => Member)
export class MemberPaymentResolver {
  @FieldResolver(() => PaymentOrderView, { nullable: true, description: "The member's paid entry fee (paid, refunding or refunded); null when they paid none" })
  entryPayment(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<PaymentOrderView | null> {
    return ctx.services.paymentOrderViews.ofMember(ctx, member);
  }
}
