import type { EntityManager } from '@mikro-orm/knex';
import type { AppConfig } from '../../config';
import type { PeriodicJob } from '../../common/periodic-jobs';

/** 积分有效期's nightly work, run every hour by default (POINTS_EXPIRY_EVERY_MS): each date is done once however often it runs, on however many processes. */
export const pointsExpiryJob = (config: Pick<AppConfig, 'pointsExpiryEveryMs'>): PeriodicJob => ({
  name: 'points-expiry',
  everyMs: config.pointsExpiryEveryMs,
  run: (services) => services.pointsExpiry.run(services.orm.em.fork() as EntityManager),
});
