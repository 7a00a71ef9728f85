import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../common/community-role.guard';
import type { ErrorResult } from '../common/error-result';
import { parseId } from '../common/ids';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES } from '../member/member.enums';
import { CheckInCalendar, CheckInCalendarArgs, CheckInResult, CheckInRuleInput, CheckInRuleView, CheckInSuccess } from './checkin.types';

@Resolver()
export class CheckInResolver {
  @Authorized()
  @Mutation(() => CheckInResult, { description: "Today's check-in (community-local day); a second tap answers AlreadyCheckedIn" })
  checkIn(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<CheckInSuccess | ErrorResult> {
    return ctx.services.checkIns.checkIn(ctx, parseId(communityId, 'communityId'));
  }

  @Authorized()
  @Query(() => CheckInCalendar)
  checkInCalendar(@Args() { communityId, month }: CheckInCalendarArgs, @Ctx() ctx: RequestContext): Promise<CheckInCalendar> {
    return ctx.services.checkIns.calendar(ctx, parseId(communityId, 'communityId'), month);
  }

  @Authorized()
  @Query(() => CheckInRuleView)
  async checkInRule(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<CheckInRuleView> {
    const id = parseId(communityId, 'communityId');
    await ctx.services.access.requireActiveMember(ctx, id);
    return ctx.services.checkInRules.ruleOf(ctx, id);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => CheckInRuleView, { description: 'Admin: base points, streak bonus table and cycle length' })
  updateCheckInRule(
    @Arg('communityId', () => ID) communityId: string,
    @Arg('input') input: CheckInRuleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CheckInRuleView> {
    return ctx.services.checkInRules.update(ctx, parseId(communityId), input);
  }
}
