import type { EntityManager } from '@mikro-orm/knex';
import type { PeriodicJob } from '../common/periodic-jobs';
import { runStatement } from '../db/sql';
import { CouponStatus } from './coupon.enums';

/** Catches the stored status of expired coupons up; reads already treat them as EXPIRED. */
export const couponExpiryJob: PeriodicJob = {
  name: 'coupon-expiry',
  everyMs: 60_000,
  async run(services) {
    const now = services.clock.now();
    const { affectedRows } = await runStatement(
      services.orm.em.fork() as EntityManager,
      'update coupon set status = ? where status = ? and expires_at <= ?',
      [CouponStatus.EXPIRED, CouponStatus.UNUSED, now],
    );
    return affectedRows;
  },
};
