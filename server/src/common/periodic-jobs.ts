import type { AppServices } from '../app-services';

/** Work that must happen with nobody calling anything: expiring coupons, closing group-buys at their end. */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(services: AppServices): Promise<unknown>;
}

/** Runs each job on its interval (one run at a time per job); returns a stop function for shutdown. */
export function startPeriodicJobs(services: AppServices, jobs: PeriodicJob[]): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = job
        .run(services)
        .catch((error: unknown) => services.log.error({ err: error, job: job.name }, 'periodic job failed'))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    timers.forEach(clearInterval);
    await Promise.allSettled([...running]);
  };
}
