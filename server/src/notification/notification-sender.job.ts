import type { NotificationSettings } from '../config';
import type { PeriodicJob } from '../common/periodic-jobs';

/** Every process sends the outbox; the claim keeps them from sending the same row. */
export const notificationSenderJob = (settings: NotificationSettings): PeriodicJob => ({
  name: 'notification-sender',
  everyMs: settings.sendEveryMs,
  run: (services) => services.notificationSender.run(),
});
