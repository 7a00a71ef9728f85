import { deferStatement, SqlTarget, type Statement } from '../db/sql';
import { localDate } from '../common/local-date';
import { addToDay, communityTimezone, dayStatsStatement, type DayDeltas } from '../health/rollups/rollup-writes';
import { changeMemberPoints, currentBalance, memberPointsStatement, MemberStreak, recordStreak, RulePointsDay } from '../member/member-rows';
import type { LockedMember } from '../member/member-lock';
import { earnedByRulesOn, type CappedAward } from './economy-caps';
import { PointsEntryType } from './points.enums';
import { earnIntoLotStatement, spendFromLotsStatements, undoSpendFromLotsStatements } from './expiry/points-lots';

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
  /** Points a rule pays: the member's rule points of the day after this change (awardByRules). */
  ruleDay?: RulePointsDay;
}

export interface AppliedPointsChange {
  balance: number;
}

/** What one action pays a member by the community's rules (check-in and its bonus, a welcome, a referral…). */
export interface RuleAction {
  communityId: number;
  memberId: number;
  /** The member's row as this transaction locked it (member-lock.ts). */
  locked: Pick<LockedMember, 'points' | 'rulePointsOn' | 'rulePointsThatDay'>;
  /** The community-local day of the action. */
  day: string;
  at: Date;
  reference: string;
  /** Cut to the caps by capRuleAwards (economy-caps.ts) with the same locked row and day. */
  awards: CappedAward[];
  /** A check-in's streak: it rides on the first paid award's UPDATE, or is written alone when nothing is paid. */
  streak?: MemberStreak;
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
    const changed = await changeMemberPoints(tx, { communityId: change.communityId, memberId: change.memberId, amount: change.amount, earned, streak: change.streak, ruleDay: change.ruleDay });
    if (!changed) return null;

    const balance = change.lockedBalance !== undefined ? change.lockedBalance + change.amount : await currentBalance(tx, change.memberId);
    // The ledger row has no key it could collide with: it goes with the transaction's next statement.
    const entry = entryStatement(change, balance, null);
    await deferStatement(tx, entry.sql, entry.params);
    const day = localDate(change.at, await communityTimezone(tx, change.communityId));
    await addToDay(tx, change.communityId, change.memberId, day, pointsDeltas(change));
    // The points expiry's lots (points/expiry/points-lots.ts) move with the balance, in the same round trip.
    for (const lots of this.lotStatements(tx, change, balance - change.amount, day)) await deferStatement(tx, lots.sql, lots.params);
    return { balance };
  }

  /** An earning goes into its lot (by the policy in force), dated by its community-local day; a spend takes from the oldest lots; a refund's lots are its caller's (refundToLots). */
  private lotStatements(tx: SqlTarget, change: PointsChange, balanceBefore: number, day: string): Statement[] {
    if (change.amount < 0) return spendFromLotsStatements(tx, { memberId: change.memberId, amount: -change.amount, balanceBefore });
    if (change.type === PointsEntryType.COUPON_REFUND) return [];
    return [earnIntoLotStatement(tx, { communityId: change.communityId, memberId: change.memberId, amount: change.amount, day, at: change.at })];
  }

  /**
   * Pays an action's rule awards, already cut to the OWNER's economy caps (capRuleAwards in
   * economy-caps.ts); one cut to nothing is still a ledger row, of 0 with a note saying which cap held
   * it. The member's rule points of the day move with the balance in the same UPDATE, under the
   * member's lock, so simultaneous actions on several processes cannot pass the daily cap together.
   * @returns the balance after, or null when it would leave 0..MAX_POINTS.
   */
  async payRuleAwards(tx: SqlTarget, action: RuleAction): Promise<AppliedPointsChange | null> {
    let earned = earnedByRulesOn(action.locked, action.day);
    let balance = action.locked.points;
    let streak = action.streak;
    for (const award of action.awards) {
      const change = { communityId: action.communityId, memberId: action.memberId, type: award.type, reference: action.reference, note: award.note, at: action.at };
      if (award.amount === 0) {
        const entry = entryStatement({ ...change, amount: 0 }, balance, null);
        await deferStatement(tx, entry.sql, entry.params);
        continue;
      }
      earned += award.amount;
      const applied = await this.apply(tx, { ...change, amount: award.amount, lockedBalance: balance, streak, ruleDay: { day: action.day, earned } });
      if (!applied) return null;
      balance = applied.balance;
      streak = undefined;
    }
    if (streak) await recordStreak(tx, action.memberId, streak);
    return { balance };
  }

  /**
   * apply()'s two statements for a spend whose member row the transaction has locked and found able to
   * pay (`lockedBalance` ≥ the amount spent): the balance UPDATE and the ledger row, each applying only
   * `when` holds (db/sql.ts commitIfChanged, which sends them after the write they depend on), and
   * the dashboard's rollup of `day` (the community-local date of `change.at`), with `alsoOnDay` of the
   * same action (a redemption's coupon) in the same statement.
   */
  spendStatements(
    tx: SqlTarget,
    change: Omit<PointsChange, 'lockedBalance' | 'streak' | 'ruleDay'>,
    lockedBalance: number,
    rollup: { day: string; alsoOnDay?: DayDeltas },
    when: string | null,
  ): Statement[] {
    if (!Number.isSafeInteger(change.amount) || change.amount >= 0 || lockedBalance + change.amount < 0) throw new Error(`a spend of ${-change.amount} from ${lockedBalance}`);
    return [
      memberPointsStatement({ communityId: change.communityId, memberId: change.memberId, amount: change.amount, earned: 0 }, when),
      entryStatement(change, lockedBalance + change.amount, when),
      dayStatsStatement(tx, change.communityId, change.memberId, rollup.day, { ...pointsDeltas(change), ...rollup.alsoOnDay }, when)!,
    ];
  }

  /**
   * A redemption's spend from the points lots (oldest first; points/expiry/points-lots.ts), sent ahead of
   * the stock's UPDATE in its round trip so that the hot stock row's lock is held no longer for them:
   * the statements to defer, and those to add to commitIfChanged's gated ones, which undo them when the
   * stock was not taken (on MySQL, where the transaction commits either way; elsewhere it rolls back).
   * A refund finds the lots by `spendKey`.
   */
  lotSpend(tx: SqlTarget, spend: { memberId: number; amount: number; spendKey: string }, lockedBalance: number): { ahead: Statement[]; undoUnless: (when: string | null) => Statement[] } {
    return {
      ahead: spendFromLotsStatements(tx, { ...spend, balanceBefore: lockedBalance }),
      undoUnless: (when) => (when ? undoSpendFromLotsStatements(spend, `not (${when})`) : []),
    };
  }
}

/** What a ledger row adds to the dashboard's day: earned points (a refund earns nothing), points spent on coupons. */
function pointsDeltas(change: Pick<PointsChange, 'amount' | 'type'>): DayDeltas {
  return {
    pointsIssued: change.amount > 0 && change.type !== PointsEntryType.COUPON_REFUND ? change.amount : 0,
    pointsSpent: change.type === PointsEntryType.COUPON_REDEEM ? -change.amount : 0,
  };
}

/** The ledger row's INSERT; with `when`, it inserts the row only if that SQL condition holds. */
function entryStatement(change: Omit<PointsChange, 'lockedBalance' | 'streak' | 'ruleDay'>, balance: number, when: string | null): Statement {
  const columns = 'community_id, member_id, amount, balance_after, type, reference, note, operator_id, created_at';
  return {
    sql: when
      ? `insert into points_entry (${columns}) select ?, ?, ?, ?, ?, ?, ?, ?, ? from dual where ${when}`
      : `insert into points_entry (${columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [change.communityId, change.memberId, change.amount, balance, change.type, change.reference ?? null, change.note ?? null, change.operatorId ?? null, change.at],
  };
}
