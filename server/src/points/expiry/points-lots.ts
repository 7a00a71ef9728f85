import { randomUUID } from 'node:crypto';
import { isMySql, runStatement, selectRows, SqlTarget, type Statement } from '../../db/sql';
import { localDate } from '../../common/local-date';
import { communityTimezone } from '../../health/rollups/rollup-writes';
import { PointsExpiryMode } from './points-expiry.enums';

/**
 * The members' points lots (points-lot.entity.ts): the statements that earn into them, spend from
 * them oldest first, and give a refund back to the lots it was spent from. Every one of them reads
 * the community's policy or the lots in the database, in the transaction of the points change
 * itself, under the member's lock (member/member-lock.ts): no cache can make a process earn into
 * the wrong lot after the OWNER changed the policy. They run in the same round trip as the change
 * (deferred, or gated with the redemption's statements), so the hot paths pay no round trip for them.
 */

/** The last day ANNUAL points earned on `day` (YYYY-MM-DD, community-local) are good for: the end of the next year. */
export function annualExpiry(day: string): string {
  return `${Number(day.slice(0, 4)) + 1}-12-31`;
}

/** `day` plus `months` months, the day of month clamped to the month's last day (2026-08-31 + 6 → 2027-02-28), as MySQL's DATE_ADD does. */
export function rollingExpiry(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, last));
  return first.toISOString().slice(0, 10);
}

/** The expiry date of points earned on `day` under a policy; null when they never expire. */
export function expiryOf(day: string, mode: PointsExpiryMode, months: number | null): string | null {
  if (mode === PointsExpiryMode.ANNUAL) return annualExpiry(day);
  if (mode === PointsExpiryMode.ROLLING && months) return rollingExpiry(day, months);
  return null;
}

/**
 * Points earned on the community-local `day` go into the member's lot of their expiry date, decided
 * by the statement from the policy as the database holds it now; nothing is written under NONE.
 */
export function earnIntoLotStatement(target: SqlTarget, earn: { communityId: number; memberId: number; amount: number; day: string; at: Date }): Statement {
  const mysql = isMySql(target);
  const [, , date] = earn.day.split('-').map(Number);
  // ROLLING's date by the same clamping rule as rollingExpiry(): DATE_ADD clamps; SQLite's date() does not, so it takes the smaller of the date and the month's last day.
  const rolling = mysql
    ? 'date_add(?, interval points_expiry_months month)'
    : `min(date(?, 'start of month', '+' || points_expiry_months || ' months', '+${date - 1} days'), date(?, 'start of month', '+' || (points_expiry_months + 1) || ' months', '-1 day'))`;
  const rollingParams = mysql ? [earn.day] : [earn.day, earn.day];
  const upsert = mysql
    ? 'on duplicate key update amount = points_lot.amount + ?, remaining = points_lot.remaining + ?'
    : 'on conflict (member_id, expires_on) do update set amount = amount + ?, remaining = remaining + ?';
  return {
    sql: `insert into points_lot (community_id, member_id, expires_on, amount, remaining, created_at)
          select id, ?, case points_expiry_mode when ? then ? else ${rolling} end, ?, ?, ?
            from community where id = ? and points_expiry_mode <> ? ${upsert}`,
    params: [earn.memberId, PointsExpiryMode.ANNUAL, annualExpiry(earn.day), ...rollingParams, earn.amount, earn.amount, earn.at, earn.communityId, PointsExpiryMode.NONE, earn.amount, earn.amount],
  };
}

export interface LotSpend {
  memberId: number;
  /** Positive: the points spent. */
  amount: number;
  /** The balance before the spend, as the transaction holds it under the member's lock. */
  balanceBefore: number;
  /** Names the spend for a refund (a redemption's ledger reference); a fresh one when nothing will refund it. */
  spendKey?: string;
}

/**
 * A spend takes the oldest points first: first the points in no lot (earned while nothing expired),
 * then the lots in the order they were opened. Two statements: what it takes from each lot is
 * recorded (points_lot_use, for a refund), then taken. With `when`, each applies only if that SQL
 * condition holds (db/sql.ts commitIfChanged). A member without lots (policy NONE) reads one empty
 * index range.
 */
export function spendFromLotsStatements(target: SqlTarget, spend: LotSpend, when: string | null = null): Statement[] {
  const least = isMySql(target) ? 'least' : 'min';
  const gate = when ? ` and ${when}` : '';
  const key = spend.spendKey ?? `spend:${randomUUID()}`;
  return [
    {
      sql: `insert into points_lot_use (member_id, spend_key, lot_id, amount)
            select ?, ?, x.id, ${least}(x.remaining, x.due - x.ahead) from (
              select id, remaining, sum(remaining) over (order by id) - remaining as ahead, ? - (? - sum(remaining) over ()) as due
                from points_lot where member_id = ? and remaining > 0
            ) x where x.ahead < x.due${gate}`,
      params: [spend.memberId, key, spend.amount, spend.balanceBefore, spend.memberId],
    },
    {
      sql: `update points_lot set remaining = remaining - (select u.amount from points_lot_use u where u.member_id = ? and u.spend_key = ? and u.lot_id = points_lot.id)
             where member_id = ? and id in (select u.lot_id from points_lot_use u where u.member_id = ? and u.spend_key = ?)${gate}`,
      params: [spend.memberId, key, spend.memberId, spend.memberId, key],
    },
  ];
}

/**
 * spendFromLotsStatements undone, applying only `when` holds: for a spend whose lots are taken before
 * the statement that decides whether it happens (a redemption takes them before the coupon's stock, so
 * that the hot stock row stays locked no longer than before; db/sql.ts commitIfChanged).
 */
export function undoSpendFromLotsStatements(spend: Required<Pick<LotSpend, 'memberId' | 'spendKey'>>, when: string): Statement[] {
  return [
    {
      sql: `update points_lot set remaining = remaining + (select u.amount from points_lot_use u where u.member_id = ? and u.spend_key = ? and u.lot_id = points_lot.id)
             where ${when} and member_id = ? and id in (select u.lot_id from points_lot_use u where u.member_id = ? and u.spend_key = ?)`,
      params: [spend.memberId, spend.spendKey, spend.memberId, spend.memberId, spend.spendKey],
    },
    { sql: `delete from points_lot_use where ${when} and member_id = ? and spend_key = ?`, params: [spend.memberId, spend.spendKey] },
  ];
}

/**
 * A refund gives the points back to the lots they were spent from, with their original expiry.
 * What was spent from a lot whose date has passed (`today` is after it) has expired meanwhile and
 * is not given back: the points would have expired had they not been spent. What was spent from a
 * lot that no longer exists (the policy went back to NONE) comes back into no lot, never expiring.
 * Run it in the refund's transaction, under the member's lock. @returns the points given back.
 */
export async function refundToLots(tx: SqlTarget, refund: { communityId: number; memberId: number; spendKey: string; amount: number; at: Date }): Promise<{ refunded: number; expired: number }> {
  const today = localDate(refund.at, await communityTimezone(tx, refund.communityId));
  const uses = await selectRows<{ lotId: number; amount: number; expired: number | null }>(
    tx,
    `select u.lot_id as lotId, u.amount, case when l.id is null then 0 when l.expires_on < ? then 1 else 0 end as expired
       from points_lot_use u left join points_lot l on l.id = u.lot_id where u.member_id = ? and u.spend_key = ?`,
    [today, refund.memberId, refund.spendKey],
  );
  let expired = 0;
  for (const use of uses) {
    if (Number(use.expired) === 1) expired += Number(use.amount);
    else await runStatement(tx, 'update points_lot set remaining = remaining + ? where id = ?', [Number(use.amount), Number(use.lotId)]);
  }
  if (uses.length) await runStatement(tx, 'delete from points_lot_use where member_id = ? and spend_key = ?', [refund.memberId, refund.spendKey]);
  return { refunded: refund.amount - expired, expired };
}

/** The community's policy as stored. */
export async function policyOf(tx: SqlTarget, communityId: number): Promise<{ mode: PointsExpiryMode; months: number | null; timezone: string } | null> {
  const [row] = await selectRows<{ mode: string; months: number | null; timezone: string }>(
    tx,
    'select points_expiry_mode as mode, points_expiry_months as months, timezone from community where id = ?',
    [communityId],
  );
  return row ? { mode: row.mode as PointsExpiryMode, months: row.months === null ? null : Number(row.months), timezone: row.timezone } : null;
}

/** A DATE column as the driver hands it back (text, or a Date at UTC midnight) as YYYY-MM-DD. */
export function dateText(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}
