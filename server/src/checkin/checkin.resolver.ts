import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES } from '../member/member.enums';
import type { EconomyCapExceeded } from '../points/economy-caps.types';
import { CheckInCalendar, CheckInCalendarArgs, CheckInResult, CheckInRuleInput, CheckInRuleView, CheckInSuccess, UpdateCheckInRuleResult } from './checkin.types';
import { MadeUpCheckIn, MakeUpCheckInArgs, MakeUpCheckInResult } from './make-up.types';

@Resolver()
export class CheckInResolver {
  @Authorized()
  @Mutation(() => CheckInResult, { description: "Today's check-in (community-local day); a second tap answers AlreadyCheckedIn" })
  checkIn(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<CheckInSuccess | ErrorResult> {
    return ctx.services.checkIns.checkIn(ctx, parseId(communityId, 'communityId'));
  }

  @Authorized()
  @Mutation(() => MakeUpCheckInResult, { description: '补签: fill a missed day of the last 7 for points; it counts for the streak and earns nothing' })
  makeUpCheckIn(@Args() { communityId, date }: MakeUpCheckInArgs, @Ctx() ctx: RequestContext): Promise<MadeUpCheckIn | ErrorResult> {
    return ctx.services.makeUpCheckIns.makeUp(ctx, parseId(communityId, 'communityId'), date);
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
    await ctx.services.access.assertActiveMember(ctx, id);
    return ctx.services.checkInRules.ruleOf(ctx, id);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => UpdateCheckInRuleResult, { description: "Admin: base points, streak bonus table and cycle length; 补签 cost and monthly allowance; within the OWNER's economy caps" })
  updateCheckInRule(
    @Arg('communityId', () => ID) communityId: string,
    @Arg('input') input: CheckInRuleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CheckInRuleView | EconomyCapExceeded> {
    return ctx.services.checkInRules.update(ctx, parseId(communityId), input);
  }
}
