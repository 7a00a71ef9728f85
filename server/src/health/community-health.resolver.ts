import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ExportFormat } from '../export/export.enums';
import { ExportFile } from '../export/export.types';
import { communityStatsExport } from './community-stats.export';
import { parseLocalDayRange } from './local-day-range';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { ErrorResult, isErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES, MemberStatus } from '../member/member.enums';
import { CommunityStats, CommunityStatsArgs } from './community-stats.types';
import { DormantMemberConnection, DormantMembersArgs, DormantSummary } from './dormant-member.types';
import { CouponsGranted, GrantCouponArgs, GrantCouponResult, MembersRemoved, RemoveMembersArgs, RemoveMembersResult } from './wake-up.types';

const memberIdList = (ids: string[]) => ids.map((id) => parseId(id, 'memberIds'));

/** The operator's dashboard: the numbers, the dormant members, and the wake-up actions on them. */
@Resolver()
export class CommunityHealthResolver {
  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => CommunityStats, { description: 'Admin: community health over from..to (community-local dates, inclusive, ≤ 366 days)' })
  async communityStats(@Args() { communityId, from, to }: CommunityStatsArgs, @Ctx() ctx: RequestContext): Promise<CommunityStats> {
    const community = await ctx.loaders.community.load(parseId(communityId));
    return ctx.services.communityStats.stats(ctx.em, community!, from, to);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => ExportFile, { description: 'Admin: the dashboard of from..to as a spreadsheet (totals and one row per date); a short-lived link' })
  async exportCommunityStats(
    @Args() { communityId, from, to }: CommunityStatsArgs,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFile> {
    const community = (await ctx.loaders.community.load(parseId(communityId)))!;
    parseLocalDayRange(from, to, community.timezone); // refuse a bad range now, not at download
    return ctx.services.exports.issue(ctx, communityStatsExport, community.id, format, { from, to });
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => DormantSummary, { description: 'Admin: how many ACTIVE members are silent 7+, 15+, 30+ days' })
  dormantSummary(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<DormantSummary> {
    return ctx.services.dormantMembers.summary(ctx, parseId(communityId));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => DormantMemberConnection, { description: 'Admin: ACTIVE members silent at least `days` days, longest silent first' })
  dormantMembers(@Args() { communityId, days, first, after }: DormantMembersArgs, @Ctx() ctx: RequestContext): Promise<DormantMemberConnection> {
    return ctx.services.dormantMembers.list(ctx, parseId(communityId), days, first, after);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => GrantCouponResult, { description: 'Admin: one free coupon to each chosen member (≤ 200), all or none; a replayed requestId returns the first result' })
  async grantCoupon(@Args() { communityId, templateId, memberIds, requestId }: GrantCouponArgs, @Ctx() ctx: RequestContext): Promise<CouponsGranted | ErrorResult> {
    const outcome = await ctx.services.couponGrants.grant(ctx, parseId(communityId), parseId(templateId, 'templateId'), memberIdList(memberIds), requestId);
    if (isErrorResult(outcome)) return outcome;
    return Object.assign(new CouponsGranted(), { ...outcome, grantedCount: outcome.coupons.length });
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => RemoveMembersResult, { description: 'Admin: remove several members (≤ 200) in one transaction, all or none' })
  async removeMembers(@Args() { communityId, memberIds }: RemoveMembersArgs, @Ctx() ctx: RequestContext): Promise<MembersRemoved | ErrorResult> {
    const outcome = await ctx.services.memberAdmin.removeMany(ctx, parseId(communityId), memberIdList(memberIds));
    if (isErrorResult(outcome)) return outcome;
    return Object.assign(new MembersRemoved(), { members: outcome, removedCount: outcome.filter((member) => member.status === MemberStatus.REMOVED).length });
  }
}
