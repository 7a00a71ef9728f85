import type { PeriodicJob } from './common/periodic-jobs';
import { couponExpiryJob } from './coupon/coupon-expiry.job';
import { groupBuyClosingJob } from './groupbuy/group-buy-closing.job';

/** Everything that happens on a timer, without anyone calling anything. Started by server.ts. */
export const PERIODIC_JOBS: PeriodicJob[] = [couponExpiryJob, groupBuyClosingJob];
