import type { AppConfig } from '../config';
import type { PeriodicJob } from '../common/periodic-jobs';

/** Runs the reconciliation (payment-reconciliation.service.ts) on its interval, on every process. */
export function paymentReconciliationJob(config: AppConfig): PeriodicJob {
  return {
    name: 'payment-reconciliation',
    everyMs: config.wechatPay?.reconcileEveryMs ?? 60_000,
    run: (services) => services.paymentReconciliation.run(),
  };
}
