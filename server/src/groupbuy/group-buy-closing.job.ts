import type { EntityManager } from '@mikro-orm/knex';
import type { PeriodicJob } from '../common/periodic-jobs';

/** Closes group-buys at their end time with their outcome, with nobody calling anything. */
export const groupBuyClosingJob: PeriodicJob = {
  name: 'group-buy-closing',
  everyMs: 5_000,
  run: (services) => services.groupBuys.closeDue(services.orm.em.fork() as EntityManager, services.clock.now()),
};
