import { localDate } from '../common/local-date';
import { communityTimezone, dayStatsStatement } from '../health/rollups/rollup-writes';
import type { ServiceContext } from '../service-context';
import { ErrorResult, isErrorResult } from '../graphql/error-result';
import { requireUserId } from '../auth/require-user';
import { commitIfChanged, runStatement } from '../db/sql';
import { RollbackWith, inSqlTransaction, inTransaction } from '../db/transaction';
import { lockMember } from '../member/member-lock';
import { PointsEntryType } from '../points/points.enums';
import { refundToLots } from '../points/expiry/points-lots';
import { redemptionReference } from './coupon-redemption-reference';
import { MemberStatus } from '../member/member.enums';
import { normalizeCouponCode } from './coupon-code';
import { Coupon } from './coupon.entity';
import { CouponStatus } from './coupon.enums';
import {
  CouponAlreadyUsed,
  CouponExpired,
  CouponHolderBanned,
  CouponNotFound,
  CouponNotVoidable,
  CouponVoided,
  CouponVoidedResult,
  CouponWrittenOff,
} from './coupon.types';
import type { Clock } from '../common/clock';
import type { PointsLedgerService } from '../points/points-ledger.service';

/** At the counter: 核销 (write-off) by staff or admins, and voiding with a refund by admins. */
export class CouponCounterService {
  constructor(
    private readonly clock: Clock,
    private readonly points: PointsLedgerService,
  ) {}

  /**
   * One conditional UPDATE decides; a second scan of the same code finds it USED. A banned member's
   * coupons are refused (a removed member's stay good: they paid for them and may come back).
   */
  async writeOff(ctx: ServiceContext, communityId: number, rawCode: string): Promise<CouponWrittenOff | ErrorResult> {
    const code = normalizeCouponCode(rawCode);
    const now = this.clock.now();
    const day = localDate(now, await communityTimezone(ctx.em, communityId));
    // The write-off and the day's couponsUsed together (one round trip on MySQL).
    const { changed } = await inSqlTransaction(ctx, (tx) =>
      commitIfChanged(
        tx,
        {
          sql: `update coupon set status = ?, used_at = ?, used_by_id = ?
                 where code = ? and community_id = ? and status = ? and expires_at > ?
                   and not exists (select 1 from member m where m.id = coupon.member_id and m.status = ?)`,
          params: [CouponStatus.USED, now, requireUserId(ctx), code, communityId, CouponStatus.UNUSED, now, MemberStatus.BANNED],
        },
        (when) => [dayStatsStatement(tx, communityId, code.charCodeAt(code.length - 1), day, { couponsUsed: 1 }, when)!],
      ),
    );
    const affected = changed ? 1 : 0;
    const coupon = await ctx.em.findOne(Coupon, { code, community: communityId }, { refresh: true, populate: ['member'] });
    if (!coupon) return new CouponNotFound();
    if (affected === 1) return Object.assign(new CouponWrittenOff(), { coupon });
    if (coupon.status === CouponStatus.UNUSED && coupon.expiresAt > now && coupon.member.status === MemberStatus.BANNED) return new CouponHolderBanned();
    switch (coupon.status) {
      case CouponStatus.USED:
        return new CouponAlreadyUsed(coupon.usedAt!);
      case CouponStatus.VOID:
        return new CouponVoided();
      case CouponStatus.EXPIRED:
      case CouponStatus.UNUSED:
        return new CouponExpired(coupon.expiresAt);
    }
  }

  /** An unused, unexpired coupon is voided, its stock returned and its points refunded (COUPON_REFUND). */
  async void(ctx: ServiceContext, couponId: number): Promise<CouponVoidedResult | ErrorResult> {
    const coupon = await ctx.em.findOne(Coupon, couponId);
    if (!coupon) return new CouponNotFound();
    const operatorId = requireUserId(ctx);
    const outcome = await inTransaction<{ refundedPoints: number; balance: number } | ErrorResult>(ctx, async (em) => {
      const locked = await lockMember(em, coupon.member.id);
      const now = this.clock.now();
      const voided = await runStatement(
        em,
        'update coupon set status = ?, voided_at = ?, voided_by_id = ? where id = ? and status = ? and expires_at > ?',
        [CouponStatus.VOID, now, operatorId, coupon.id, CouponStatus.UNUSED, now],
      );
      if (voided.affectedRows !== 1) throw new RollbackWith(new CouponNotVoidable());
      await runStatement(em, 'update coupon_template set issued_count = issued_count - 1 where id = ?', [coupon.template.id]);
      // A granted coupon cost nothing: there is nothing to refund.
      if (coupon.pointsCost === 0) return { refundedPoints: 0, balance: locked.points };
      // The points go back to the lots they were spent from, with their expiry; what expired meanwhile does not come back.
      const { refunded, expired } = await refundToLots(em, {
        communityId: coupon.community.id,
        memberId: coupon.member.id,
        spendKey: redemptionReference(coupon.requestId),
        amount: coupon.pointsCost,
        at: now,
      });
      if (refunded === 0) return { refundedPoints: 0, balance: locked.points };
      const applied = await this.points.apply(em, {
        communityId: coupon.community.id,
        memberId: coupon.member.id,
        amount: refunded,
        type: PointsEntryType.COUPON_REFUND,
        reference: `void:${coupon.id}`,
        note: expired ? `「${coupon.title}」作废退回（另有 ${expired} 积分已过期，不予退回）` : `「${coupon.title}」作废退回`,
        operatorId,
        at: now,
        lockedBalance: locked.points,
      });
      return { refundedPoints: refunded, balance: applied!.balance };
    });
    if (isErrorResult(outcome)) return outcome;
    // Read back on the request's EntityManager, where its template and member can still be loaded.
    const voided = await ctx.em.findOneOrFail(Coupon, coupon.id, { populate: ['template'], refresh: true });
    return Object.assign(new CouponVoidedResult(), { coupon: voided, ...outcome });
  }
}
