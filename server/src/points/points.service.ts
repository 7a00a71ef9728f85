import type { ServiceContext } from '../service-context';
import type { ErrorResult } from '../graphql/error-result';
import { beforeIdCursor, encodeCursor, pageOf } from '../graphql/cursor-page';
import { badInput } from '../graphql/graphql-errors';
import { requireUser } from '../auth/require-user';
import { runStatement, SqlTarget } from '../db/sql';
import { movedToday } from './operator-daily-moves';
import { inTransaction } from '../db/transaction';
import { Member } from '../member/member.entity';
import { MemberRole } from '../member/member.enums';
import { lockMember } from '../member/member-lock';
import { MemberNotFound } from '../member/member.types';
import { PointsEntry } from './points-entry.entity';
import { currentBalance } from '../member/member-rows';
import { PointsEntryType } from './points.enums';
import { AdjustLimitExceeded, AdjustNotAllowed, InsufficientPoints, PointsAdjusted, PointsAdjustPolicy, PointsLedgerConnection, PointsOutOfRange } from './points.types';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';
import type { PointsLedgerService } from './points-ledger.service';

const CURSOR = 'pe';

/** The member's view of the ledger, and the admins' adjustment. */
export class PointsService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly points: PointsLedgerService,
  ) {}

  /** Newest first, by cursor (the entry id), so pages stay stable while new rows arrive. */
  async ledger(ctx: ServiceContext, communityId: number, first: number, after?: string | null): Promise<PointsLedgerConnection> {
    const member = await this.access.requireActiveMember(ctx, communityId);
    const rows = await ctx.em.find(
      PointsEntry,
      { member: member.id, ...beforeIdCursor(CURSOR, after) },
      { orderBy: { id: 'desc' }, limit: first + 1 },
    );
    return pageOf(rows, first, (row) => encodeCursor(CURSOR, row.id), (row) => row);
  }

  /**
   * Signed adjustment with a reason, under the operator rules: nobody adjusts their own points, only the
   * OWNER adjusts an ADMIN's (nobody the OWNER's), at most the per-call cap, and at most the daily cap per
   * operator. The operator's and the target's member rows are locked (in id order) before the day's sum is
   * read, so simultaneous calls of one operator on several processes cannot pass the cap together.
   */
  async adjust(ctx: ServiceContext, communityId: number, memberId: number, amount: number, reason: string): Promise<PointsAdjusted | ErrorResult> {
    if (amount === 0) throw badInput('调整数量不能为 0', 'amount');
    const operator = requireUser(ctx);
    const operatorMember = await this.access.callerMember(ctx, communityId);
    const target = await ctx.em.findOne(Member, { id: memberId, community: communityId });
    if (!target || !operatorMember) return new MemberNotFound();
    const refusal = adjustRefusal(operatorMember, target);
    if (refusal) return new AdjustNotAllowed(refusal);
    const { adjustPerCallLimit: perCall, adjustDailyLimit: daily } = operatorMember.community;
    if (Math.abs(amount) > perCall) return new AdjustLimitExceeded(perCall, daily, `单次调整不能超过 ${perCall} 积分`);

    const now = this.clock.now();
    return inTransaction<PointsAdjusted | ErrorResult>(ctx, async (em) => {
      for (const id of [operatorMember.id, target.id].sort((a, b) => a - b)) await lockMember(em, id);
      const used = await this.movedToday(em, operatorMember, now);
      if (used + Math.abs(amount) > daily) {
        return new AdjustLimitExceeded(daily, Math.max(0, daily - used), `今天已调整 ${used} 积分，每日上限 ${daily}`);
      }
      const applied = await this.points.apply(em, {
        communityId,
        memberId,
        amount,
        type: PointsEntryType.ADMIN_ADJUST,
        reference: `admin:${operator.id}`,
        note: reason.trim(),
        operatorId: operator.id,
        at: now,
      });
      if (!applied) {
        const points = await currentBalance(em, memberId);
        if (amount > 0) return new PointsOutOfRange();
        return new InsufficientPoints(-amount, points, `扣减后积分将小于 0（当前 ${points}）`);
      }
      const member = await em.findOneOrFail(Member, memberId, { refresh: true });
      // The member's newest ledger row is this one: the member row is locked until the commit.
      const entry = await em.findOneOrFail(PointsEntry, { member: memberId }, { orderBy: { id: 'desc' } });
      return Object.assign(new PointsAdjusted(), { member, entry });
    });
  }

  /** The caps, and what the caller moved today; for the adjustment page. */
  async adjustPolicy(ctx: ServiceContext, communityId: number): Promise<PointsAdjustPolicy> {
    const caller = await this.access.requireActiveMember(ctx, communityId);
    const usedToday = await this.movedToday(ctx.em, caller, this.clock.now());
    return Object.assign(new PointsAdjustPolicy(), { perCallLimit: caller.community.adjustPerCallLimit, dailyLimit: caller.community.adjustDailyLimit, usedToday });
  }

  /** OWNER: the caps on admins' adjustments. */
  async setAdjustPolicy(ctx: ServiceContext, communityId: number, perCallLimit: number, dailyLimit: number): Promise<PointsAdjustPolicy> {
    if (perCallLimit > dailyLimit) throw badInput('单次上限不能大于每日上限', 'perCallLimit');
    await runStatement(ctx.em, 'update community set adjust_per_call_limit = ?, adjust_daily_limit = ? where id = ?', [perCallLimit, dailyLimit, communityId]);
    const caller = await this.access.requireActiveMember(ctx, communityId);
    Object.assign(caller.community, { adjustPerCallLimit: perCallLimit, adjustDailyLimit: dailyLimit });
    return this.adjustPolicy(ctx, communityId);
  }

  /** Absolute points this operator moved today: adjustments and granted perks (operator-daily-moves.ts). */
  private movedToday(tx: SqlTarget, operatorMember: Member, now: Date): Promise<number> {
    return movedToday(tx, { communityId: operatorMember.community.id, userId: operatorMember.user.id, timezone: operatorMember.community.timezone }, now);
  }
}

/** Why the operator may not adjust the target's points, or null when they may. */
function adjustRefusal(operator: Member, target: Member): string | null {
  if (operator.id === target.id) return '不能调整自己的积分';
  if (target.role === MemberRole.OWNER) return '不能调整群主的积分';
  if (target.role === MemberRole.ADMIN && operator.role !== MemberRole.OWNER) return '只有群主可以调整管理员的积分';
  return null;
}
