import type { PeriodicJob } from '../common/periodic-jobs';
import { Coupon } from './coupon.entity';
import { CouponStatus } from './coupon.enums';

/** Catches the stored status of expired coupons up; reads already treat them as EXPIRED. */
export const couponExpiryJob: PeriodicJob = {
  name: 'coupon-expiry',
  everyMs: 60_000,
  async run(services) {
    const now = services.clock.now();
    return services.orm.em.fork().nativeUpdate(Coupon, { status: CouponStatus.UNUSED, expiresAt: { $lte: now } }, { status: CouponStatus.EXPIRED });
  },
};
