import type { FilterQuery } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { ADMIN_ROLES, MemberStatus } from '../member/member.enums';
import { normalizeCouponCode } from './coupon-code';
import { Coupon } from './coupon.entity';
import { CouponStatus } from './coupon.enums';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';

/**
 * Reading coupons. An UNUSED coupon past its expiry reads as EXPIRED everywhere, at once; the
 * expiry job only catches the stored status up (see coupon-expiry.job.ts).
 */
export class CouponQueryService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
  ) {}

  effectiveStatus(ctx: ServiceContext, coupon: Coupon): CouponStatus {
    return coupon.status === CouponStatus.UNUSED && coupon.expiresAt <= this.clock.now() ? CouponStatus.EXPIRED : coupon.status;
  }

  statusFilter(ctx: ServiceContext, status?: CouponStatus): FilterQuery<Coupon> {
    const now = this.clock.now();
    switch (status) {
      case undefined:
        return {};
      case CouponStatus.UNUSED:
        return { status: CouponStatus.UNUSED, expiresAt: { $gt: now } };
      case CouponStatus.EXPIRED:
        return { $or: [{ status: CouponStatus.EXPIRED }, { status: CouponStatus.UNUSED, expiresAt: { $lte: now } }] };
      default:
        return { status };
    }
  }

  async mine(ctx: ServiceContext, communityId: number, status: CouponStatus | undefined, first: number): Promise<Coupon[]> {
    const member = await this.access.requireActiveMember(ctx, communityId);
    return ctx.em.find(Coupon, { $and: [{ member: member.id }, this.statusFilter(ctx, status)] }, { populate: ['template'], orderBy: { id: 'desc' }, limit: first });
  }

  /** Its owner, or the community's staff and admins; nobody else learns it exists. */
  async visible(ctx: ServiceContext, couponId: number): Promise<Coupon | null> {
    const coupon = await ctx.em.findOne(Coupon, couponId, { populate: ['template'] });
    if (!coupon) return null;
    const caller = await this.access.callerMember(ctx, coupon.community.id);
    if (!caller || caller.status !== MemberStatus.ACTIVE) return null;
    // Staff look coupons up by the code they scan (couponByCode), never by id.
    const allowed = caller.id === coupon.member.id || (ADMIN_ROLES as readonly string[]).includes(caller.role);
    return allowed ? coupon : null;
  }

  byCode(ctx: ServiceContext, communityId: number, code: string): Promise<Coupon | null> {
    return ctx.em.findOne(Coupon, { code: normalizeCouponCode(code), community: communityId }, { populate: ['template'] });
  }

  ofCommunity(ctx: ServiceContext, communityId: number, status: CouponStatus | undefined, first: number): Promise<Coupon[]> {
    return ctx.em.find(Coupon, { $and: [{ community: communityId }, this.statusFilter(ctx, status)] }, { populate: ['template'], orderBy: { id: 'desc' }, limit: first });
  }
}
