import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { NotificationSettings } from '../config';
import type { Clock } from '../common/clock';
import { addDays, localDate, localMidnight } from '../common/local-date';
import type { PeriodicJob } from '../common/periodic-jobs';
import { selectRows } from '../db/sql';
import { groupQrExpiringDraft } from '../notification/notification-drafts';
import type { NotificationService } from '../notification/notification.service';
import { adminPageOf, adminsOf } from './group-code-admins';

/**
 * GROUP_QR_EXPIRING: on the last day a group's QR is shown (the day before `qr_expires_on`, community-local),
 * each admin is told once per group and expiry date, however many processes scan how often: the unique
 * dedupe key of the message refuses a second one.
 */
export async function remindExpiringGroupQrs(em: EntityManager, clock: Clock, notifications: NotificationService): Promise<number> {
  const now = clock.now();
  const utcToday = now.toISOString().slice(0, 10);
  // Every timezone's "tomorrow" lies within a day of UTC's: narrow by index, then decide per community.
  const rows = await selectRows<{ id: number; name: string; qrExpiresOn: string; codeName: string; communityId: number; timezone: string }>(
    em,
    `select g.id, g.name, g.qr_expires_on as "qrExpiresOn", gc.name as "codeName", gc.community_id as "communityId", c.timezone
       from group_code_group g join group_code gc on gc.id = g.group_code_id join community c on c.id = gc.community_id
      where g.qr_expires_on between ? and ?`,
    [utcToday, addDays(utcToday, 2)],
  );
  let reminded = 0;
  for (const row of rows.filter((group) => group.qrExpiresOn === addDays(localDate(now, group.timezone), 1))) {
    const communityId = Number(row.communityId);
    const group = { id: Number(row.id), name: row.name, codeName: row.codeName, qrExpiresOn: row.qrExpiresOn, expiresAt: localMidnight(row.qrExpiresOn, row.timezone), page: adminPageOf(communityId) };
    for (const admin of await adminsOf(em, communityId)) {
      try {
        reminded += await notifications.enqueue(em.fork({ clear: true }) as EntityManager, [groupQrExpiringDraft(admin, group, row.timezone)], now);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error; // told already, by this scan before or another process
      }
    }
  }
  return reminded;
}

export const groupQrReminderJob = (settings: NotificationSettings): PeriodicJob => ({
  name: 'group-qr-expiry-reminder',
  everyMs: settings.couponScanEveryMs,
  run: (services) => remindExpiringGroupQrs(services.orm.em.fork() as EntityManager, services.clock, services.notifications),
});
