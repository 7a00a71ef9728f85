import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { NotificationService } from '../notification/notification.service';
import { LIVE, SignupSubmission } from './signup-submission.entity';
import { SignupStatus } from './signup.enums';

/**
 * Moves the earliest waitlisted submissions into `seats` free seats, in waitlist order. Call it
 * holding the form row lock (lockFormRow): the reads then see every earlier promotion.
 * The promoted members' SIGNUP_PROMOTED messages are written in the same transaction.
 * @returns how many were promoted.
 */
export async function promoteWaitlisted(em: EntityManager, formId: number, seats: number, now: Date, notices: NotificationService): Promise<number> {
  if (seats <= 0) return 0;
  const waiting = await em.find(
    SignupSubmission,
    { form: formId, status: SignupStatus.WAITLISTED, liveKey: LIVE },
    { orderBy: { waitlistNo: 'asc', id: 'asc' }, limit: seats, refresh: true },
  );
  const promoted: number[] = [];
  for (const submission of waiting) {
    const changed = await em.nativeUpdate(
      SignupSubmission,
      { id: submission.id, status: SignupStatus.WAITLISTED, liveKey: LIVE },
      { status: SignupStatus.CONFIRMED, confirmedAt: now, updatedAt: now },
    );
    if (changed === 1) promoted.push(submission.id);
  }
  await notices.signupPromotedNotices(em, promoted, now);
  return promoted.length;
}

/** `confirmed_count < capacity`, the condition that keeps confirmed sign-ups within the capacity. */
export function belowCapacity(): number {
  return raw('capacity') as unknown as number;
}
