import { runStatement, selectRows, SqlTarget } from '../db/sql';
import { PointsEntryType } from './points.enums';

/** Balances and lifetime points stay within the INT columns (2^31 − 1), with no overflow at any step. */
export const MAX_POINTS = 2_147_483_647;

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
  /**
   * The balance as this transaction last saw it under the member's lock (see member-lock.ts),
   * which makes the balance after the change known without reading it back.
   */
  lockedBalance?: number;
  /** A check-in's streak, written to the member row by the same UPDATE as its points. */
  streak?: { streak: number; lastCheckInOn: string };
}

export interface AppliedPointsChange {
  balance: number;
  entryId: number;
}

/**
 * The only writer of members' points. Call it inside the business action's transaction: it
 * changes the balance with one conditional UPDATE (never below zero, lifetime and tier moved in
 * the same statement) and writes the ledger row with the balance that UPDATE produced. Both are
 * hand-written statements: this runs on every check-in and redemption (see db/sql.ts).
 */
export class PointsLedgerService {
  /** @returns the balance after the change and the ledger row, or null when the balance would leave 0..MAX_POINTS. */
  async apply(tx: SqlTarget, change: PointsChange): Promise<AppliedPointsChange | null> {
    if (!Number.isSafeInteger(change.amount) || change.amount === 0) throw new Error(`points change must be a non-zero integer, got ${change.amount}`);
    // Lifetime points are what was earned: a refund gives back what was spent and earns nothing.
    const earned = change.amount > 0 && change.type !== PointsEntryType.COUPON_REFUND ? change.amount : 0;
    const { streak } = change;
    const { affectedRows } = await runStatement(
      tx,
      // tier_level first: MySQL evaluates SET left to right, so it must read lifetime_points before it moves.
      `update member
          set tier_level = coalesce((select max(t.level) from member_tier t where t.community_id = ? and t.threshold <= lifetime_points + ?), 0),
              points = points + ?,
              lifetime_points = lifetime_points + ?${streak ? ', streak = ?, last_check_in_on = ?' : ''}
        where id = ? and community_id = ? and points + ? between 0 and ? and lifetime_points + ? <= ?`,
      [
        change.communityId, earned, change.amount, earned, ...(streak ? [streak.streak, streak.lastCheckInOn] : []),
        change.memberId, change.communityId, change.amount, MAX_POINTS, earned, MAX_POINTS,
      ],
    );
    if (affectedRows !== 1) return null;

    const balance = change.lockedBalance !== undefined ? change.lockedBalance + change.amount : await currentBalance(tx, change.memberId);
    const { insertId } = await runStatement(
      tx,
      `insert into points_entry (community_id, member_id, amount, balance_after, type, reference, note, operator_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [change.communityId, change.memberId, change.amount, balance, change.type, change.reference ?? null, change.note ?? null, change.operatorId ?? null, change.at],
    );
    return { balance, entryId: insertId };
  }
}

/** A member's balance as the statement sees it (inside a transaction: as that transaction sees it). */
export async function currentBalance(tx: SqlTarget, memberId: number): Promise<number> {
  const [row] = await selectRows<{ points: number }>(tx, 'select points from member where id = ?', [memberId]);
  return Number(row?.points ?? 0);
}
