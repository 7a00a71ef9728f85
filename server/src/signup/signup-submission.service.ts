import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { NotActiveMember } from '../graphql/common-errors';
import type { ErrorResult } from '../graphql/error-result';
import { runStatement } from '../db/sql';
import { RollbackWith, inTransaction } from '../db/transaction';
import { MemberStatus } from '../member/member.enums';
import { checkSignupAnswers } from './signup-answers';
import { closedMessage, formStatusAt, lockFormRow } from './signup-form-rules';
import { SignupForm } from './signup-form.entity';
import { LIVE, SignupSubmission } from './signup-submission.entity';
import { endSubmission, promoteWaitlisted } from './signup-waitlist';
import { SignupFormStatus, SignupStatus } from './signup.enums';
import { FormClosed, FormFull, FormNotFound, InvalidSignupAnswer, NotSignedUp, SignupAnswerInput, SignupCancelled, SignupSubmitted } from './signup.types';
import type { NotificationService } from '../notification/notification.service';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';

const ATTEMPTS = 3;

/**
 * A member signs up, edits, cancels. Each is one transaction that first locks the form row;
 * a seat is taken by `UPDATE … SET confirmed_count = confirmed_count + 1 WHERE confirmed_count
 * < capacity` (affected rows checked), a waitlist number by bumping lastWaitlistNo, and a
 * cancelled seat goes to the earliest waitlisted submission in the same transaction.
 */
export class SignupSubmissionService {
  constructor(
    private readonly notices: NotificationService,
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
  ) {}

  async submit(ctx: ServiceContext, formId: number, answers: SignupAnswerInput[]): Promise<SignupSubmitted | ErrorResult> {
    const form = await ctx.em.findOne(SignupForm, formId);
    if (!form) return new FormNotFound();
    const member = await this.access.callerMember(ctx, form.community.id);
    if (!member) return new FormNotFound();
    if (member.status !== MemberStatus.ACTIVE) return new NotActiveMember();
    const now = this.clock.now();
    if (formStatusAt(form, now) === SignupFormStatus.CLOSED) return new FormClosed(closedMessage(form));
    const checked = checkSignupAnswers(form.fields, answers);
    if (checked instanceof InvalidSignupAnswer) return checked;

    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await inTransaction<number | ErrorResult>(ctx, async (em) => {
          const locked = await lockFormRow(em, formId);
          if (!locked) throw new RollbackWith(new FormNotFound());
          if (formStatusAt(locked, now) === SignupFormStatus.CLOSED) throw new RollbackWith(new FormClosed(closedMessage(locked)));
          // An admin may have edited the form since: the locked row's fields are the ones that count.
          const snapshot = checkSignupAnswers(locked.fields, answers);
          if (snapshot instanceof InvalidSignupAnswer) throw new RollbackWith(snapshot);

          const mine = await em.findOne(SignupSubmission, { form: formId, member: member.id, liveKey: LIVE }, { refresh: true });
          if (mine) {
            // An edit before the deadline keeps the seat or the place in the waitlist.
            await runStatement(em, 'update signup_submission set answers = ?, updated_at = ? where id = ?', [JSON.stringify(snapshot), now, mine.id]);
            return mine.id;
          }
          // confirmed_count < capacity: the condition that keeps confirmed sign-ups within the capacity.
          const seated = await runStatement(em, 'update signup_form set confirmed_count = confirmed_count + 1 where id = ? and confirmed_count < capacity', [formId]);
          let waitlistNo: number | null = null;
          if (seated.affectedRows !== 1) {
            if (!locked.waitlist) throw new RollbackWith(new FormFull(`名额已满（${locked.capacity} 人）`));
            await runStatement(em, 'update signup_form set last_waitlist_no = last_waitlist_no + 1 where id = ?', [formId]);
            waitlistNo = locked.lastWaitlistNo + 1; // read under the lock, so it is the number just taken
          }
          return em.insert(SignupSubmission, {
            form: formId,
            community: locked.community.id,
            member: member.id,
            status: waitlistNo === null ? SignupStatus.CONFIRMED : SignupStatus.WAITLISTED,
            waitlistNo,
            answers: snapshot,
            liveKey: LIVE,
            confirmedAt: waitlistNo === null ? now : null,
            createdAt: now,
            updatedAt: now,
          });
        });
        if (typeof outcome !== 'number') return outcome;
        const [submission, fresh] = await Promise.all([
          ctx.em.findOneOrFail(SignupSubmission, outcome, { refresh: true }),
          ctx.em.findOneOrFail(SignupForm, formId, { refresh: true }),
        ]);
        return Object.assign(new SignupSubmitted(), { submission, form: fresh });
      } catch (error) {
        // The member's own simultaneous first submission won the unique key; the next round edits it.
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  /** Cancels the caller's sign-up; a confirmed seat passes to the earliest waitlisted member. */
  async cancel(ctx: ServiceContext, formId: number): Promise<SignupCancelled | ErrorResult> {
    const form = await ctx.em.findOne(SignupForm, formId);
    if (!form) return new FormNotFound();
    const member = await this.access.callerMember(ctx, form.community.id);
    if (!member) return new FormNotFound();
    // Removed and banned members do nothing (a ban has released their seats already).
    if (member.status !== MemberStatus.ACTIVE) return new NotActiveMember();
    const now = this.clock.now();

    const outcome = await inTransaction<true | ErrorResult>(ctx, async (em) => {
      const locked = await lockFormRow(em, formId);
      if (!locked) throw new RollbackWith(new FormNotFound());
      if (formStatusAt(locked, now) === SignupFormStatus.CLOSED) throw new RollbackWith(new FormClosed(`${closedMessage(locked)}，不能再取消`));
      const mine = await em.findOne(SignupSubmission, { form: formId, member: member.id, liveKey: LIVE }, { refresh: true });
      if (!mine) throw new RollbackWith(new NotSignedUp());
      await endSubmission(em, formId, mine, now, this.notices);
      return true;
    });
    if (outcome !== true) return outcome;
    return Object.assign(new SignupCancelled(), { form: await ctx.em.findOneOrFail(SignupForm, formId, { refresh: true }) });
  }

  /**
   * A banned member's live submissions on forms still open end inside the ban's transaction, each
   * under its form's lock like a cancel, their confirmed seats going to the waitlist. Submissions on
   * closed forms stay as the record of who came. @returns how many were released.
   */
  async releaseMember(em: EntityManager, memberId: number, now: Date): Promise<number> {
    const live = await em.find(SignupSubmission, { member: memberId, liveKey: LIVE }, { fields: ['id', 'form'], orderBy: { form: 'asc' } });
    let released = 0;
    for (const { form } of live) {
      const locked = await lockFormRow(em, form.id);
      if (!locked || formStatusAt(locked, now) === SignupFormStatus.CLOSED) continue;
      const submission = await em.findOne(SignupSubmission, { form: form.id, member: memberId, liveKey: LIVE }, { refresh: true });
      if (!submission) continue;
      await endSubmission(em, form.id, submission, now, this.notices);
      released += 1;
    }
    return released;
  }
}
