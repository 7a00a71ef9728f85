import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { RequireCommunityRole } from '../../auth/community-role.guard';
import { parseId } from '../../graphql/ids';
import { ADMIN_ROLES } from '../../member/member.enums';
import { CommunityStatsArgs } from '../../health/community-stats.types';
import { parseLocalDayRange } from '../../health/local-day-range';
import { PointsLiability } from './points-expiry.types';

/** The dashboard's points liability, beside communityStats (same arguments). */
@Resolver()
export class PointsLiabilityResolver {
  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => PointsLiability, { description: 'Admin: outstanding points as ¥ liability, what expires within 30/90 days, what expired from..to (community-local dates)' })
  async pointsLiability(@Args() { communityId, from, to }: CommunityStatsArgs, @Ctx() ctx: RequestContext): Promise<PointsLiability> {
    const community = (await ctx.loaders.community.load(parseId(communityId)))!;
    return ctx.services.pointsExpiryForecasts.liability(ctx, community.id, parseLocalDayRange(from, to, community.timezone));
  }
}
