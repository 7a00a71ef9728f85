import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../common/community-role.guard';
import type { ErrorResult } from '../common/error-result';
import { parseId } from '../common/ids';
import { ADMIN_ROLES } from '../member/member.enums';
import { AdjustPointsArgs, AdjustPointsResult, PointsAdjusted, PointsLedgerArgs, PointsLedgerConnection } from './points.types';

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
}
