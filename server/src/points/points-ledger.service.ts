import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Member } from '../member/member.entity';
import { PointsEntry } from './points-entry.entity';
import { PointsEntryType } from './points.enums';

export interface PointsChange {
  communityId: number;
  memberId: number;
  /** Signed; never zero. */
  amount: number;
  type: PointsEntryType;
  reference?: string;
  note?: string;
  operatorId?: number;
  at: Date;
}

export interface AppliedPointsChange {
  balance: number;
  entryId: number;
}

/**
 * The only writer of members' points. Call it inside the business action's transaction: it
 * changes the balance with one conditional UPDATE (never below zero, lifetime and tier moved in
 * the same statement) and writes the ledger row with the balance that UPDATE produced.
 */
export class PointsLedgerService {
  /** @returns the balance after the change and the ledger row, or null when the balance would go below zero. */
  async apply(em: EntityManager, change: PointsChange): Promise<AppliedPointsChange | null> {
    if (!Number.isSafeInteger(change.amount) || change.amount === 0) throw new Error(`points change must be a non-zero integer, got ${change.amount}`);
    const earned = Math.max(change.amount, 0);
    const affected = await em.nativeUpdate(
      Member,
      { id: change.memberId, community: change.communityId, ...(change.amount < 0 ? { points: { $gte: -change.amount } } : {}) },
      {
        // First: MySQL evaluates SET left to right, so this must read lifetime_points before it moves.
        tierLevel: raw(
          'coalesce((select max(t.level) from member_tier t where t.community_id = ? and t.threshold <= lifetime_points + ?), 0)',
          [change.communityId, earned],
        ),
        points: raw('points + ?', [change.amount]),
        lifetimePoints: raw('lifetime_points + ?', [earned]),
      },
    );
    if (affected !== 1) return null;

    const [{ points: balanceAfter }] = await em.getConnection().execute<Array<{ points: number }>>(
      'select points from member where id = ?',
      [change.memberId],
      'all',
      em.getTransactionContext(),
    );
    const entryId = await em.insert(PointsEntry, {
      community: change.communityId,
      member: change.memberId,
      amount: change.amount,
      balanceAfter: Number(balanceAfter),
      type: change.type,
      reference: change.reference ?? null,
      note: change.note ?? null,
      operator: change.operatorId ?? null,
      createdAt: change.at,
    });
    return { balance: Number(balanceAfter), entryId: Number(entryId) };
  }
}
