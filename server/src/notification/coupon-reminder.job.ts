import type { EntityManager } from '@mikro-orm/knex';
import type { NotificationSettings } from '../config';
import type { PeriodicJob } from '../common/periodic-jobs';

/**
 * COUPON_EXPIRING: the daily reminder, run every hour by default so a restart never skips a
 * day; each coupon is reminded once however often it runs (a unique key per coupon).
 */
export const couponReminderJob = (settings: NotificationSettings): PeriodicJob => ({
  name: 'coupon-expiry-reminder',
  everyMs: settings.couponScanEveryMs,
  run: (services) => services.notifications.remindExpiringCoupons(services.orm.em.fork() as EntityManager),
});
