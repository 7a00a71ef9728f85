import type { CouponTemplate } from './coupon-template.entity';
import { generateCouponCode } from './coupon-code';
import { CouponStatus } from './coupon.enums';
import { runStatement, SqlTarget, type Statement } from '../db/sql';
import { localDate } from '../common/local-date';
import { addToDay, communityTimezone } from '../health/rollups/rollup-writes';

const DAY_MS = 24 * 3600 * 1000;

/** What issuing coupons needs of their template (the entity, or the same values out of its row): its terms are copied onto each coupon. */
export type IssuedTemplate = Pick<CouponTemplate, 'id' | 'validDays' | 'title' | 'faceValueFen' | 'minSpendFen'> & { community: { id: number } };

/**
 * The two statements every issue of coupons makes, redeemed or granted, inside its transaction:
 * stock taken by one conditional UPDATE (never oversold, and only while the template may be issued), then the coupons inserted, whose unique
 * (member, requestId) key is the last word on replays.
 */
export async function takeStock(tx: SqlTarget, template: IssuedTemplate, count: number, redemption?: { now: Date; tierLevel: number }): Promise<boolean> {
  const { sql, params } = takeStockStatement(template, count, redemption);
  return (await runStatement(tx, sql, params)).affectedRows === 1;
}

/** takeStock's statement: it took the stock when it changed one row. */
export function takeStockStatement(template: IssuedTemplate, count: number, redemption?: { now: Date; tierLevel: number }): Statement {
  // The template as it is now, not as it was read: switched off or stock changed since, and for a redemption
  // out of its window or its tier raised — all decided by this one guarded statement.
  // While the community has paused issuing (暂停发放) nothing is taken: the subquery reads the community row
  // with a shared lock (a locking read inside an UPDATE), so a pause waits for the issues reading it and
  // every issue after the pause committed sees it.
  return {
    sql: `update coupon_template set issued_count = issued_count + ?
      where id = ? and (stock is null or issued_count + ? <= stock) and active = ?${
        redemption ? ' and (starts_at is null or starts_at <= ?) and (ends_at is null or ends_at > ?) and min_tier_level <= ?' : ''
      } and not exists (select 1 from community c where c.id = ? and c.coupon_issuing_paused_at is not null)`,
    params: [count, template.id, count, true, ...(redemption ? [redemption.now, redemption.now, redemption.tierLevel] : []), template.community.id],
  };
}

/** What a coupon copies of its template when issued, and keeps whatever the template becomes. */
export function issuedTermsOf(template: IssuedTemplate): Pick<CouponTemplate, 'title' | 'faceValueFen' | 'minSpendFen'> {
  return { title: template.title, faceValueFen: template.faceValueFen, minSpendFen: template.minSpendFen };
}

export interface NewCoupon {
  memberId: number;
  requestId: string;
  pointsCost: number;
  /** The admin's user id for a granted coupon (送券). */
  grantedBy?: number;
}

export interface IssuedCoupon extends NewCoupon {
  code: string;
  expiresAt: Date;
}

/** Codes and expiry for coupons issued now. */
export function newCoupons(template: IssuedTemplate, coupons: NewCoupon[], now: Date): IssuedCoupon[] {
  const expiresAt = new Date(now.getTime() + template.validDays * DAY_MS);
  return coupons.map((coupon) => ({ ...coupon, code: generateCouponCode(), expiresAt }));
}

/** One multi-row INSERT, and the day's couponsIssued; returns what it wrote and the insert id of the first row. */
export async function insertCoupons(tx: SqlTarget, template: IssuedTemplate, coupons: NewCoupon[], now: Date): Promise<{ issued: IssuedCoupon[]; firstId: number }> {
  const issued = newCoupons(template, coupons, now);
  const { sql, params } = couponInsertStatement(template, issued, now, null);
  const firstId = (await runStatement(tx, sql, params)).insertId;
  const communityId = template.community.id;
  await addToDay(tx, communityId, coupons[0]?.memberId ?? 0, localDate(now, await communityTimezone(tx, communityId)), { couponsIssued: issued.length });
  return { issued, firstId };
}

/** The INSERT of issued coupons; with `when`, of one coupon, inserted only if that SQL condition holds (db/sql.ts commitIfChanged). */
export function couponInsertStatement(template: IssuedTemplate, issued: IssuedCoupon[], now: Date, when: string | null): Statement {
  if (when && issued.length !== 1) throw new Error('a conditional coupon INSERT writes one coupon');
  // The template's terms are copied: the coupon keeps what it was issued as whatever the template becomes.
  const columns = 'community_id, template_id, member_id, code, status, request_id, title, face_value_fen, min_spend_fen, points_cost, granted_by_id, redeemed_at, expires_at, created_at';
  const values = '?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?';
  return {
    sql: when
      ? `insert into coupon (${columns}) select ${values} from dual where ${when}`
      : `insert into coupon (${columns}) values ${issued.map(() => `(${values})`).join(', ')}`,
    params: issued.flatMap((coupon) => [
      template.community.id, template.id, coupon.memberId, coupon.code, CouponStatus.UNUSED, coupon.requestId,
      template.title, template.faceValueFen, template.minSpendFen, coupon.pointsCost, coupon.grantedBy ?? null, now, coupon.expiresAt, now,
    ]),
  };
}
