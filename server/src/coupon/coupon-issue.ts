import type { CouponTemplate } from './coupon-template.entity';
import { generateCouponCode } from './coupon-code';
import { CouponStatus } from './coupon.enums';
import { runStatement, runStatementsAndCommit, SqlTarget } from '../db/sql';

const DAY_MS = 24 * 3600 * 1000;

/** What issuing coupons needs of their template: the entity, or the same values out of its row. */
export type IssuedTemplate = Pick<CouponTemplate, 'id' | 'validDays'> & { community: { id: number } };

/**
 * The two statements every issue of coupons makes, redeemed or granted, inside its transaction:
 * stock taken by one conditional UPDATE (never oversold, and only while the template may be issued), then the coupons inserted, whose unique
 * (member, requestId) key is the last word on replays.
 */
export async function takeStock(tx: SqlTarget, template: IssuedTemplate, count: number, redemption?: { now: Date; tierLevel: number }): Promise<boolean> {
  // The template as it is now, not as it was read: switched off or stock changed since, and for a redemption
  // out of its window or its tier raised — all decided by this one guarded statement.
  const { affectedRows } = await runStatement(
    tx,
    `update coupon_template set issued_count = issued_count + ?
      where id = ? and (stock is null or issued_count + ? <= stock) and active = ?${
        redemption ? ' and (starts_at is null or starts_at <= ?) and (ends_at is null or ends_at > ?) and min_tier_level <= ?' : ''
      }`,
    [count, template.id, count, true, ...(redemption ? [redemption.now, redemption.now, redemption.tierLevel] : [])],
  );
  return affectedRows === 1;
}

export interface NewCoupon {
  memberId: number;
  requestId: string;
  pointsCost: number;
}

export interface IssuedCoupon extends NewCoupon {
  code: string;
  expiresAt: Date;
}

/**
 * One multi-row INSERT; returns what it wrote and the insert id of the first row. `last`: the
 * transaction's last statement, sent with its COMMIT (runStatementsAndCommit): the template's row,
 * locked by takeStock, is released a round trip sooner.
 */
export async function insertCoupons(tx: SqlTarget, template: IssuedTemplate, coupons: NewCoupon[], now: Date, { last = false } = {}): Promise<{ issued: IssuedCoupon[]; firstId: number }> {
  const expiresAt = new Date(now.getTime() + template.validDays * DAY_MS);
  const issued = coupons.map((coupon) => ({ ...coupon, code: generateCouponCode(), expiresAt }));
  const insert = {
    sql: `insert into coupon (community_id, template_id, member_id, code, status, request_id, points_cost, redeemed_at, expires_at, created_at)
     values ${issued.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    params: issued.flatMap((coupon) => [template.community.id, template.id, coupon.memberId, coupon.code, CouponStatus.UNUSED, coupon.requestId, coupon.pointsCost, now, expiresAt, now]),
  };
  const { insertId } = last ? (await runStatementsAndCommit(tx, [insert]))[0] : await runStatement(tx, insert.sql, insert.params);
  return { issued, firstId: insertId };
}
