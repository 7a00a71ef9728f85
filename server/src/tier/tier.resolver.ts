import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { MaxItems } from '../graphql/query-limits';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES } from '../member/member.enums';
import { MAX_TIERS, TierInput, TierView } from './tier.types';

@Resolver()
export class TierResolver {
  @Authorized()
  @Query(() => [TierView], { description: "The community's tiers, lowest first" })
  @MaxItems(MAX_TIERS)
  async tiers(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<TierView[]> {
    const id = parseId(communityId, 'communityId');
    await ctx.services.access.assertActiveMember(ctx, id);
    return ctx.services.tiers.tiersOf(ctx, id);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => [TierView], { description: 'Admin: redefine the tiers; members are re-tiered at once' })
  @MaxItems(MAX_TIERS)
  setTiers(
    @Arg('communityId', () => ID) communityId: string,
    @Arg('tiers', () => [TierInput]) tiers: TierInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<TierView[]> {
    return ctx.services.tiers.setTiers(ctx, parseId(communityId), tiers);
  }
}
