import { deferStatement, SqlTarget, type Statement } from '../db/sql';
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
    // The ledger row has no key it could collide with: it goes with the transaction's next statement.
    const entry = entryStatement(change, balance, null);
    await deferStatement(tx, entry.sql, entry.params);
    return { balance };
  }

  /**
   * apply()'s two statements for a spend whose member row the transaction has locked and found able to
   * pay (`lockedBalance` ≥ the amount spent): the balance UPDATE and the ledger row, each applying only
   * `when` holds (db/sql.ts commitIfChanged, which sends them after the write they depend on).
   */
  spendStatements(change: Omit<PointsChange, 'lockedBalance' | 'streak'>, lockedBalance: number, when: string | null): Statement[] {
    if (!Number.isSafeInteger(change.amount) || change.amount >= 0 || lockedBalance + change.amount < 0) throw new Error(`a spend of ${-change.amount} from ${lockedBalance}`);
    return [
      memberPointsStatement({ communityId: change.communityId, memberId: change.memberId, amount: change.amount, earned: 0 }, when),
      entryStatement(change, lockedBalance + change.amount, when),
    ];
  }
}

/** The ledger row's INSERT; with `when`, it inserts the row only if that SQL condition holds. */
function entryStatement(change: Omit<PointsChange, 'lockedBalance' | 'streak'>, balance: number, when: string | null): Statement {
  const columns = 'community_id, member_id, amount, balance_after, type, reference, note, operator_id, created_at';
  return {
    sql: when
      ? `insert into points_entry (${columns}) select ?, ?, ?, ?, ?, ?, ?, ?, ? from dual where ${when}`
      : `insert into points_entry (${columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [change.communityId, change.memberId, change.amount, balance, change.type, change.reference ?? null, change.note ?? null, change.operatorId ?? null, change.at],
  };
}
