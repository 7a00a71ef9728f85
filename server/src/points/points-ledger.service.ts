import { deferStatement, runTogether, SqlTarget, type StatementResult } from '../db/sql';
import { lockedMemberOf, lockMemberStatement, type LockedMember } from '../member/member-lock';
import { changeMemberPoints, currentBalance, memberPointsStatement, MemberStreak } from '../member/member-rows';
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
  /**
   * The balance as this transaction last saw it under the member's lock (see member-lock.ts),
   * which makes the balance after the change known without reading it back.
   */
  lockedBalance?: number;
  /** A check-in's streak, written to the member row by the same UPDATE as its points. */
  streak?: MemberStreak;
}

export interface AppliedPointsChange {
  balance: number;
}

/**
 * The only way members' points change. Call it inside the business action's transaction: the member
 * row moves by one conditional UPDATE (member/member-rows.ts: never below zero, lifetime and tier by
 * the tier rule in the same statement) and the ledger row is written with the balance it produced. Both are
 * hand-written statements: this runs on every check-in and redemption (see db/sql.ts). The ledger row
 * has no key it could collide with, so it goes with the transaction's next statement (deferStatement).
 */
export class PointsLedgerService {
  /** @returns the balance after the change, or null when the balance would leave 0..MAX_POINTS. */
  async apply(tx: SqlTarget, change: PointsChange): Promise<AppliedPointsChange | null> {
    if (!Number.isSafeInteger(change.amount) || change.amount === 0) throw new Error(`points change must be a non-zero integer, got ${change.amount}`);
    // Lifetime points are what was earned: a refund gives back what was spent and earns nothing.
    const earned = change.amount > 0 && change.type !== PointsEntryType.COUPON_REFUND ? change.amount : 0;
    const changed = await changeMemberPoints(tx, { communityId: change.communityId, memberId: change.memberId, amount: change.amount, earned, streak: change.streak });
    if (!changed) return null;

    const balance = change.lockedBalance !== undefined ? change.lockedBalance + change.amount : await currentBalance(tx, change.memberId);
    await this.writeEntry(tx, change, balance);
    return { balance };
  }

  /**
   * A spend on a member row the transaction locks in the same round trip (db/sql.ts runTogether): the
   * lock (member-lock.ts) and the conditional UPDATE go together, the UPDATE applying only while the
   * member is ACTIVE with at least `activeWithTierLevel`. For an action with nothing to read before its
   * spend (a redemption): on a refusal the caller tells why from the locked values.
   * @returns the locked member as it was before the change, and the change, or null when it did not apply.
   */
  async lockAndSpend(tx: SqlTarget, change: Omit<PointsChange, 'lockedBalance' | 'streak'>, activeWithTierLevel: number): Promise<{ locked: LockedMember; applied: AppliedPointsChange | null }> {
    if (!Number.isSafeInteger(change.amount) || change.amount >= 0) throw new Error(`a spend must be a negative integer, got ${change.amount}`);
    const [rows, update] = await runTogether(tx, [
      lockMemberStatement(tx, change.memberId),
      memberPointsStatement({ communityId: change.communityId, memberId: change.memberId, amount: change.amount, earned: 0 }, { activeWithTierLevel }),
    ]);
    const locked = lockedMemberOf(change.memberId, (rows as Record<string, unknown>[])[0]);
    if ((update as StatementResult).affectedRows !== 1) return { locked, applied: null };
    const balance = locked.points + change.amount;
    await this.writeEntry(tx, change, balance);
    return { locked, applied: { balance } };
  }

  /** The ledger row, with the balance the change produced; it goes with the transaction's next statement. */
  private async writeEntry(tx: SqlTarget, change: Omit<PointsChange, 'lockedBalance' | 'streak'>, balance: number): Promise<void> {
    await deferStatement(
      tx,
      `insert into points_entry (community_id, member_id, amount, balance_after, type, reference, note, operator_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [change.communityId, change.memberId, change.amount, balance, change.type, change.reference ?? null, change.note ?? null, change.operatorId ?? null, change.at],
    );
  }
}
