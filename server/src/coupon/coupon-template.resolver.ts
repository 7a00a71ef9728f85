import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { RequestContext } from '../context';
import { communityOfRow, RequireCommunityRole } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { ADMIN_ROLES } from '../member/member.enums';
import { TierView } from '../tier/tier.types';
import { CouponTemplate } from './coupon-template.entity';
import { Community } from '../community/community.entity';
import { CouponTemplateInput, CouponTemplateSaved, SetCouponIssuingPausedArgs, StockBelowIssued, UpdateCouponTemplateResult } from './coupon.types';

@ArgsType()
class CouponTemplatesArgs {
  @Field(() => ID)
  communityId!: string;

  @Field({ defaultValue: false, description: 'Admins only: also deactivated and ended templates' })
  includeInactive!: boolean;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(100)
  first!: number;
}

const templateCommunity = communityOfRow('coupon_template', 'templateId');

@Resolver(() => CouponTemplate)
export class CouponTemplateResolver {
  @Authorized()
  @Query(() => [CouponTemplate], { description: 'The coupon shop' })
  couponTemplates(@Args() { communityId, includeInactive, first }: CouponTemplatesArgs, @Ctx() ctx: RequestContext): Promise<CouponTemplate[]> {
    return ctx.services.couponTemplates.list(ctx, parseId(communityId, 'communityId'), includeInactive, first);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => CouponTemplate, { description: 'Admin' })
  createCouponTemplate(@Arg('communityId', () => ID) communityId: string, @Arg('input') input: CouponTemplateInput, @Ctx() ctx: RequestContext): Promise<CouponTemplate> {
    return ctx.services.couponTemplates.create(ctx, parseId(communityId), input);
  }

  @RequireCommunityRole(ADMIN_ROLES, templateCommunity)
  @Mutation(() => UpdateCouponTemplateResult, { description: 'Admin: stock cannot go below what was issued (StockBelowIssued)' })
  updateCouponTemplate(@Arg('templateId', () => ID) templateId: string, @Arg('input') input: CouponTemplateInput, @Ctx() ctx: RequestContext): Promise<CouponTemplateSaved | StockBelowIssued> {
    return ctx.services.couponTemplates.update(ctx, parseId(templateId, 'templateId'), input);
  }

  @RequireCommunityRole(ADMIN_ROLES, templateCommunity)
  @Mutation(() => CouponTemplate, { description: 'Admin: take off the shelf, or put back' })
  setCouponTemplateActive(@Arg('templateId', () => ID) templateId: string, @Arg('active') active: boolean, @Ctx() ctx: RequestContext): Promise<CouponTemplate> {
    return ctx.services.couponTemplates.setActive(ctx, parseId(templateId, 'templateId'), active);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => Community, { description: 'Admin: 暂停发放 — redemptions and grants refused with the reason until resumed (write-offs go on); audited' })
  setCouponIssuingPaused(@Args() { communityId, paused, reason }: SetCouponIssuingPausedArgs, @Ctx() ctx: RequestContext): Promise<Community> {
    return ctx.services.couponTemplates.setIssuingPaused(ctx, parseId(communityId), paused, reason);
  }

  @FieldResolver(() => Int, { description: 'Face value in yuan × 100' })
  pointsCost(@Root() template: CouponTemplate): number {
    return template.pointsCost;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Left to issue; null = unlimited' })
  remaining(@Root() template: CouponTemplate): number | null {
    return template.stock == null ? null : Math.max(template.stock - template.issuedCount, 0);
  }

  @FieldResolver(() => TierView, { nullable: true })
  async minTier(@Root() template: CouponTemplate, @Ctx() ctx: RequestContext): Promise<TierView | null> {
    if (template.minTierLevel === 0) return null;
    const tiers = await ctx.services.tiers.tiersOf(ctx, template.community.id);
    return tiers.find((tier) => tier.level === template.minTierLevel) ?? null;
  }

  @FieldResolver(() => Int, { description: "How many of these the caller holds (voided ones excluded)" })
  async myRedeemedCount(@Root() template: CouponTemplate, @Ctx() ctx: RequestContext): Promise<number> {
    const member = await ctx.services.access.callerMember(ctx, template.community.id);
    return member ? ctx.loaders.heldCoupons.load(`${member.id}:${template.id}`) : 0;
  }
}
