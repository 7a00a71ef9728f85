import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES, MemberRole } from '../member/member.enums';
import { EconomyCapsView, SetEconomyCapsArgs } from './economy-caps.types';

@Resolver()
export class EconomyCapsResolver {
  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => EconomyCapsView, { description: "Admin: the OWNER's caps on what rules pay; every rule an admin sets must stay within them" })
  economyCaps(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<EconomyCapsView> {
    return ctx.services.economyCaps.view(ctx, parseId(communityId));
  }

  @RequireCommunityRole([MemberRole.OWNER])
  @Mutation(() => EconomyCapsView, { description: 'Owner: the most points one action may earn and one member may earn from rules in a day; audited' })
  setEconomyCaps(@Args() { communityId, input }: SetEconomyCapsArgs, @Ctx() ctx: RequestContext): Promise<EconomyCapsView> {
    return ctx.services.economyCaps.setCaps(ctx, parseId(communityId), input);
  }
}
