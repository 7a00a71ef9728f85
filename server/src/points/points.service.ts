import type { RequestContext } from '../context';
import type { ErrorResult } from '../common/error-result';
import { badInput } from '../common/graphql-errors';
import { requireUser } from '../common/require-user';
import { RollbackWith, inTransaction } from '../common/transaction';
import { Member } from '../member/member.entity';
import { MemberNotFound } from '../member/member.types';
import { PointsEntry } from './points-entry.entity';
import { PointsEntryType } from './points.enums';
import { InsufficientPoints, PointsAdjusted, PointsLedgerConnection } from './points.types';

const encodeCursor = (id: number) => Buffer.from(`pe:${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^pe:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('分页游标无效', 'after');
  return Number(match[1]);
}

/** The member's view of the ledger, and the admins' adjustment. */
export class PointsService {
  /** Newest first, by cursor (the entry id), so pages stay stable while new rows arrive. */
  async ledger(ctx: RequestContext, communityId: number, first: number, after?: string | null): Promise<PointsLedgerConnection> {
    const member = await ctx.services.access.requireActiveMember(ctx, communityId);
    const rows = await ctx.em.find(
      PointsEntry,
      { member: member.id, ...(after ? { id: { $lt: decodeCursor(after) } } : {}) },
      { orderBy: { id: 'desc' }, limit: first + 1 },
    );
    const page = rows.slice(0, first);
    return {
      edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null },
    };
  }

  /** Signed adjustment with a reason; never below zero; the operator is recorded on the ledger row. */
  async adjust(ctx: RequestContext, communityId: number, memberId: number, amount: number, reason: string): Promise<PointsAdjusted | ErrorResult> {
    if (amount === 0) throw badInput('调整数量不能为 0', 'amount');
    const operator = requireUser(ctx);
    const target = await ctx.em.findOne(Member, { id: memberId, community: communityId });
    if (!target) return new MemberNotFound();
    const now = ctx.services.clock.now();
    return inTransaction<PointsAdjusted | ErrorResult>(ctx, async (em) => {
      const applied = await ctx.services.points.apply(em, {
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
        const { points } = await em.findOneOrFail(Member, memberId, { fields: ['points'], refresh: true });
        throw new RollbackWith(new InsufficientPoints(-amount, points, `扣减后积分将小于 0（当前 ${points}）`));
      }
      const member = await em.findOneOrFail(Member, memberId, { refresh: true });
      const entry = await em.findOneOrFail(PointsEntry, applied.entryId);
      return Object.assign(new PointsAdjusted(), { member, entry });
    });
  }
}
