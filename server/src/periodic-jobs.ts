import type { AppConfig } from './config';
import type { PeriodicJob } from './common/periodic-jobs';
import { couponExpiryJob } from './coupon/coupon-expiry.job';
import { groupBuyClosingJob } from './groupbuy/group-buy-closing.job';
import { couponReminderJob } from './notification/coupon-reminder.job';
import { groupQrReminderJob } from './groupcode/group-qr-reminder';
import { notificationSenderJob } from './notification/notification-sender.job';
import { paymentReconciliationJob } from './payment/payment-reconciliation.job';
import { pointsExpiryJob } from './points/expiry/points-expiry.job';

/** Everything that happens on a timer, without anyone calling anything. Started by server.ts. */
export function periodicJobs(config: AppConfig): PeriodicJob[] {
  return [couponExpiryJob, groupBuyClosingJob, couponReminderJob(config.notifications), groupQrReminderJob(config.notifications), notificationSenderJob(config.notifications), paymentReconciliationJob(config), pointsExpiryJob(config)];
}
