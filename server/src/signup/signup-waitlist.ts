import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { LIVE, SignupSubmission } from './signup-submission.entity';
import { SignupStatus } from './signup.enums';

/**
 * Moves the earliest waitlisted submissions into `seats` free seats, in waitlist order. Call it
 * holding the form row lock (lockFormRow): the reads then see every earlier promotion.
 * @returns how many were promoted.
 */
export async function promoteWaitlisted(em: EntityManager, formId: number, seats: number, now: Date): Promise<number> {
  if (seats <= 0) return 0;
  const waiting = await em.find(
    SignupSubmission,
    { form: formId, status: SignupStatus.WAITLISTED, liveKey: LIVE },
    { orderBy: { waitlistNo: 'asc', id: 'asc' }, limit: seats, refresh: true },
  );
  let promoted = 0;
  for (const submission of waiting) {
    promoted += await em.nativeUpdate(
      SignupSubmission,
      { id: submission.id, status: SignupStatus.WAITLISTED, liveKey: LIVE },
      { status: SignupStatus.CONFIRMED, confirmedAt: now, updatedAt: now },
    );
  }
  return promoted;
}

/** `confirmed_count < capacity`, the condition that keeps confirmed sign-ups within the capacity. */
export function belowCapacity(): number {
  return raw('capacity') as unknown as number;
}
