import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../common/community-role.guard';
import { parseId } from '../common/ids';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES } from '../member/member.enums';
import { InviteLeader, MyInvite, ReferralRule, ReferralsArgs, ReferralView, SetReferralRuleArgs } from './invite.types';

@Resolver()
export class InviteResolver {
  @Authorized()
  @Query(() => MyInvite, { description: "The caller's personal invite (ACTIVE members); made on first ask" })
  myInvite(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<MyInvite> {
    return ctx.services.invites.myInvite(ctx, parseId(communityId, 'communityId'));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [ReferralView], { description: 'Admin: who invited whom, newest first' })
  referrals(@Args() { communityId, first }: ReferralsArgs, @Ctx() ctx: RequestContext): Promise<ReferralView[]> {
    return ctx.services.invites.referrals(ctx, parseId(communityId), first);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [InviteLeader], { description: 'Admin: the invite leaderboard' })
  inviteLeaderboard(@Args() { communityId, first }: ReferralsArgs, @Ctx() ctx: RequestContext): Promise<InviteLeader[]> {
    return ctx.services.invites.leaderboard(ctx, parseId(communityId), first);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => ReferralRule, { description: 'Admin: the referral reward rule' })
  referralRule(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<ReferralRule> {
    return ctx.services.invites.rule(ctx, parseId(communityId));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => ReferralRule, { description: "Admin: points per invitee's first check-in and the daily cap per inviter; audited" })
  setReferralRule(@Args() { communityId, points, dailyLimit }: SetReferralRuleArgs, @Ctx() ctx: RequestContext): Promise<ReferralRule> {
    return ctx.services.invites.setRule(ctx, parseId(communityId), points, dailyLimit);
  }
}
