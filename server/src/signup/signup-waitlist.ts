import type { EntityManager } from '@mikro-orm/knex';
import { runStatement } from '../db/sql';
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
    const { affectedRows } = await runStatement(
      em,
      'update signup_submission set status = ?, confirmed_at = ?, updated_at = ? where id = ? and status = ? and live_key = ?',
      [SignupStatus.CONFIRMED, now, now, submission.id, SignupStatus.WAITLISTED, LIVE],
    );
    if (affectedRows === 1) promoted.push(submission.id);
  }
  await notices.signupPromotedNotices(em, promoted, now);
  return promoted.length;
}

/**
 * Ends a live submission on a form whose row lock the transaction holds: a confirmed seat goes to the
 * earliest waitlisted submission, or back to the form when nobody waits. A member's cancel and a ban
 * both end submissions this way.
 */
export async function endSubmission(em: EntityManager, formId: number, submission: Pick<SignupSubmission, 'id' | 'status'>, now: Date, notices: NotificationService): Promise<void> {
  await runStatement(
    em,
    'update signup_submission set status = ?, live_key = null, cancelled_at = ?, updated_at = ? where id = ? and live_key = ?',
    [SignupStatus.CANCELLED, now, now, submission.id, LIVE],
  );
  if (submission.status === SignupStatus.CONFIRMED && (await promoteWaitlisted(em, formId, 1, now, notices)) === 0) {
    await runStatement(em, 'update signup_form set confirmed_count = confirmed_count - 1 where id = ?', [formId]);
  }
}
