import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { RequireCommunityRole } from '../../auth/community-role.guard';
import { parseId } from '../../graphql/ids';
import { CommunityIdArgs } from '../../community/community.types';
import { ADMIN_ROLES, MemberRole } from '../../member/member.enums';
import { PointsExpiryForecast, PointsExpiryPolicyView, SetPointsExpiryPolicyArgs } from './points-expiry.types';

@Resolver()
export class PointsExpiryResolver {
  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => PointsExpiryPolicyView, { description: "Admin: the community's 积分有效期" })
  pointsExpiryPolicy(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<PointsExpiryPolicyView> {
    return ctx.services.pointsExpiryPolicy.view(ctx, parseId(communityId));
  }

  @RequireCommunityRole([MemberRole.OWNER])
  @Mutation(() => PointsExpiryPolicyView, { description: 'Owner: 积分有效期 (NONE, ANNUAL, ROLLING 6–36 months) for points earned from now on; NONE stops every expiry; audited' })
  setPointsExpiryPolicy(@Args() { communityId, input }: SetPointsExpiryPolicyArgs, @Ctx() ctx: RequestContext): Promise<PointsExpiryPolicyView> {
    return ctx.services.pointsExpiryPolicy.setPolicy(ctx, parseId(communityId), input);
  }

  @Query(() => PointsExpiryForecast, { description: 'The caller\'s points that will expire ("X 积分将于 YYYY-MM-DD 过期"), soonest first' })
  pointsExpiryForecast(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<PointsExpiryForecast> {
    return ctx.services.pointsExpiryForecasts.forecast(ctx, parseId(communityId));
  }
}
