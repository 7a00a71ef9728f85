import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { MaxItems } from '../graphql/query-limits';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES } from '../member/member.enums';
import type { EconomyCapExceeded } from '../points/economy-caps.types';
import { MAX_TIERS, SetTiersResult, TierInput, TiersSaved, TierView } from './tier.types';

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
  @Mutation(() => SetTiersResult, { description: "Admin: redefine the tiers; members are re-tiered at once; the highest multiplier within the OWNER's economy caps" })
  setTiers(
    @Arg('communityId', () => ID) communityId: string,
    @Arg('tiers', () => [TierInput]) tiers: TierInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<TiersSaved | EconomyCapExceeded> {
    return ctx.services.tiers.setTiers(ctx, parseId(communityId), tiers);
  }
}
