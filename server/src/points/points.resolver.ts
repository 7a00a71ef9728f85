import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { CommunityIdArgs } from '../community/community.types';
import { ADMIN_ROLES, MemberRole } from '../member/member.enums';
import { AdjustPointsArgs, AdjustPointsResult, PointsAdjusted, PointsAdjustPolicy, PointsLedgerArgs, PointsLedgerConnection, SetPointsAdjustPolicyArgs } from './points.types';

@Resolver()
export class PointsResolver {
  @Authorized()
  @Query(() => PointsLedgerConnection, { description: "The caller's points ledger, newest first" })
  pointsLedger(@Args() { communityId, first, after }: PointsLedgerArgs, @Ctx() ctx: RequestContext): Promise<PointsLedgerConnection> {
    return ctx.services.memberPoints.ledger(ctx, parseId(communityId, 'communityId'), first, after);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => AdjustPointsResult, { description: 'Admin: add or take points with a reason (never below zero); audited' })
  adjustPoints(@Args() { communityId, memberId, amount, reason }: AdjustPointsArgs, @Ctx() ctx: RequestContext): Promise<PointsAdjusted | ErrorResult> {
    return ctx.services.memberPoints.adjust(ctx, parseId(communityId), parseId(memberId, 'memberId'), amount, reason);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => PointsAdjustPolicy, { description: "Admin: the caps on points adjustment and what the caller moved today" })
  pointsAdjustPolicy(@Args() { communityId }: CommunityIdArgs, @Ctx() ctx: RequestContext): Promise<PointsAdjustPolicy> {
    return ctx.services.memberPoints.adjustPolicy(ctx, parseId(communityId));
  }

  @RequireCommunityRole([MemberRole.OWNER])
  @Mutation(() => PointsAdjustPolicy, { description: 'Owner: the per-call and per-operator daily caps on admin points adjustment; audited' })
  setPointsAdjustPolicy(@Args() { communityId, perCallLimit, dailyLimit }: SetPointsAdjustPolicyArgs, @Ctx() ctx: RequestContext): Promise<PointsAdjustPolicy> {
    return ctx.services.memberPoints.setAdjustPolicy(ctx, parseId(communityId), perCallLimit, dailyLimit);
  }
}
