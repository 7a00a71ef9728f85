import { Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { Community } from '../community/community.entity';
import { CommunityIdArgs, JoinCodeArgs } from '../community/community.types';
import { TierView } from '../tier/tier.types';
import { Member } from './member.entity';
import { ADMIN_ROLES } from './member.enums';
import { JoinCommunityResult, MemberActionResult, MemberConnection, MembersArgs, MyMembershipsArgs, MemberTargetArgs, SetMemberRoleArgs } from './member.types';
import type { JoinOutcome } from './membership.service';
import type { MemberActionOutcome } from './member-admin.service';

@Resolver(() => Member)
export class MemberResolver {
  @Authorized()
  @Mutation(() => JoinCommunityResult, { description: 'Joins by link or QR code under the community join policy' })
  joinCommunity(@Args() { joinCode }: JoinCodeArgs, @Ctx() ctx: RequestContext): Promise<JoinOutcome> {
    return ctx.services.memberships.joinByCode(ctx, joinCode);
  }

  @Authorized()
  @Query(() => [Member], { description: "The caller's communities (active or applying), newest first" })
  myMemberships(@Args() { first }: MyMembershipsArgs, @Ctx() ctx: RequestContext): Promise<Member[]> {
    return ctx.services.memberships.myMemberships(ctx, first);
  }

  @Authorized()
  @Query(() => Member, { nullable: true, description: "The caller's own member row in a community; null when not a member" })
  membership(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return ctx.services.access.callerMemberView(ctx, parseId(communityId, 'communityId'));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => MemberConnection, { description: 'Admin: members, newest first, by cursor; search by nickname, filters by status (removed ones only when asked), role, tier and tag' })
  members(@Args() { communityId, first, after, ...filters }: MembersArgs, @Ctx() ctx: RequestContext): Promise<MemberConnection> {
    return ctx.services.memberAdmin.list(ctx, parseId(communityId), filters, first, after);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => MemberActionResult, { description: 'Admin: make a member ADMIN, STAFF or MEMBER (only below your own role)' })
  setMemberRole(@Args() { communityId, memberId, role }: SetMemberRoleArgs, @Ctx() ctx: RequestContext): Promise<MemberActionOutcome> {
    return ctx.services.memberAdmin.setRole(ctx, parseId(communityId), parseId(memberId, 'memberId'), role);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => MemberActionResult, { description: 'Admin: remove a member (they may join again)' })
  removeMember(@Args() { communityId, memberId }: MemberTargetArgs, @Ctx() ctx: RequestContext): Promise<MemberActionOutcome> {
    return ctx.services.memberAdmin.remove(ctx, parseId(communityId), parseId(memberId, 'memberId'));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => MemberActionResult, { description: 'Admin: ban a member (they may not join again)' })
  banMember(@Args() { communityId, memberId }: MemberTargetArgs, @Ctx() ctx: RequestContext): Promise<MemberActionOutcome> {
    return ctx.services.memberAdmin.ban(ctx, parseId(communityId), parseId(memberId, 'memberId'));
  }

  @FieldResolver(() => Community)
  async community(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<Community> {
    return (await ctx.loaders.community.load(member.community.id))!;
  }

  @FieldResolver(() => String, { nullable: true })
  async nickname(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await profileOf(ctx, member))?.nickname ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async avatarUrl(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await profileOf(ctx, member))?.avatarUrl ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the member has checked in today (community-local date)' })
  async checkedInToday(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<boolean> {
    return ctx.services.checkIns.checkedInToday(ctx, await withCommunity(ctx, member));
  }

  @FieldResolver(() => Int, { description: 'Consecutive days checked in, as it stands today (0 once a day is missed)' })
  async streak(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.services.checkIns.currentStreak(ctx, await withCommunity(ctx, member));
  }

  @FieldResolver(() => [String], { description: 'Tags from the entry questionnaire' })
  tags(@Root() member: Member): string[] {
    return member.tags ?? [];
  }

  @FieldResolver(() => TierView)
  async tier(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<TierView> {
    return (await ctx.services.tiers.standingOf(ctx, member)).tier;
  }

  @FieldResolver(() => TierView, { nullable: true, description: 'null at the top tier' })
  async nextTier(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<TierView | null> {
    return (await ctx.services.tiers.standingOf(ctx, member)).nextTier;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Lifetime points still needed for the next tier; null at the top' })
  async pointsToNextTier(@Root() member: Member, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await ctx.services.tiers.standingOf(ctx, member)).pointsToNextTier;
  }
}

/** The member's user, to show its profile: the caller's own read from the session (nothing mapped), another's through the loader. */
function profileOf(ctx: RequestContext, member: Member) {
  return member.user.id === ctx.userId ? ctx.userView : ctx.loaders.user.load(member.user.id);
}

/** The member with its community loaded (the timezone decides what "today" is). */
async function withCommunity(ctx: RequestContext, member: Member): Promise<Member> {
  if (!member.community.timezone) member.community = (await ctx.loaders.community.load(member.community.id))!;
  return member;
}
