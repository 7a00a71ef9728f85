import { wrap } from '@mikro-orm/core';
import QRCode from 'qrcode';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { communityOfRow, RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { IMAGE_RENDER_COST } from '../graphql/query-limits';
import { memberProfile, MemberProfile } from '../member/member-profile';
import { ADMIN_ROLES, WRITE_OFF_ROLES } from '../member/member.enums';
import { CouponTemplate } from './coupon-template.entity';
import { Coupon } from './coupon.entity';
import { CouponStatus } from './coupon.enums';
import {
  CouponCodeArgs,
  CouponListArgs,
  CouponRedeemed,
  CouponVoidedResult,
  CouponWrittenOff,
  RedeemCouponArgs,
  RedeemCouponResult,
  VoidCouponResult,
  WriteOffCouponResult,
} from './coupon.types';

const couponCommunity = communityOfRow('coupon', 'couponId');

@Resolver(() => Coupon)
export class CouponResolver {
  @Authorized()
  @Mutation(() => RedeemCouponResult, { description: 'Trade points for a coupon (100 points = ¥1); a replayed requestId returns the first result' })
  redeemCoupon(@Args() { templateId, requestId }: RedeemCouponArgs, @Ctx() ctx: RequestContext): Promise<CouponRedeemed | ErrorResult> {
    return ctx.services.couponRedemption.redeem(ctx, parseId(templateId, 'templateId'), requestId);
  }

  @Authorized()
  @Query(() => [Coupon], { description: "The caller's coupons, newest first" })
  myCoupons(@Args() { communityId, status, first }: CouponListArgs, @Ctx() ctx: RequestContext): Promise<Coupon[]> {
    return ctx.services.couponQueries.mine(ctx, parseId(communityId, 'communityId'), status, first);
  }

  @Authorized()
  @Query(() => Coupon, { nullable: true, description: "One's own coupon, or any of the community's for its admins (staff look coupons up by code)" })
  coupon(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Coupon | null> {
    return ctx.services.couponQueries.visible(ctx, parseId(id));
  }

  @RequireCommunityRole(WRITE_OFF_ROLES)
  @Query(() => Coupon, { nullable: true, description: 'Staff/admin: look a scanned code up before writing it off' })
  couponByCode(@Args() { communityId, code }: CouponCodeArgs, @Ctx() ctx: RequestContext): Promise<Coupon | null> {
    return ctx.services.couponQueries.byCode(ctx, parseId(communityId), code);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [Coupon], { description: 'Admin: coupons issued in the community, newest first' })
  communityCoupons(@Args() { communityId, status, first }: CouponListArgs, @Ctx() ctx: RequestContext): Promise<Coupon[]> {
    return ctx.services.couponQueries.ofCommunity(ctx, parseId(communityId), status, first);
  }

  @RequireCommunityRole(WRITE_OFF_ROLES)
  @Mutation(() => WriteOffCouponResult, { description: 'Staff/admin: 核销 a coupon by its code' })
  writeOffCoupon(@Args() { communityId, code }: CouponCodeArgs, @Ctx() ctx: RequestContext): Promise<CouponWrittenOff | ErrorResult> {
    return ctx.services.couponCounter.writeOff(ctx, parseId(communityId), code);
  }

  @RequireCommunityRole(ADMIN_ROLES, couponCommunity)
  @Mutation(() => VoidCouponResult, { description: 'Admin: void an unused coupon; its points come back (COUPON_REFUND)' })
  voidCoupon(@Arg('couponId', () => ID) couponId: string, @Ctx() ctx: RequestContext): Promise<CouponVoidedResult | ErrorResult> {
    return ctx.services.couponCounter.void(ctx, parseId(couponId, 'couponId'));
  }

  @FieldResolver(() => CouponStatus, { description: 'UNUSED past its expiry reads EXPIRED' })
  status(@Root() coupon: Coupon, @Ctx() ctx: RequestContext): CouponStatus {
    return ctx.services.couponQueries.effectiveStatus(ctx, coupon);
  }

  @FieldResolver(() => CouponTemplate)
  async template(@Root() coupon: Coupon, @Ctx() ctx: RequestContext): Promise<CouponTemplate> {
    if (!wrap(coupon.template).isInitialized()) await ctx.em.populate(coupon, ['template']);
    return coupon.template;
  }

  @FieldResolver(() => MemberProfile, { description: 'The member as everyone sees them (the admin pages read the full row elsewhere)' })
  member(@Root() coupon: Coupon, @Ctx() ctx: RequestContext): Promise<MemberProfile> {
    return memberProfile(ctx, ctx.services.tiers, coupon.member.id);
  }

  @FieldResolver(() => String, { description: 'The code as a QR image (data:image/png;base64,…) to show at the counter', complexity: IMAGE_RENDER_COST })
  qrCodeDataUrl(@Root() coupon: Coupon): Promise<string> {
    return QRCode.toDataURL(coupon.code, { errorCorrectionLevel: 'M', margin: 1, width: 360 });
  }
}
