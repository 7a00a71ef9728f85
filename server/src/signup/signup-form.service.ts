import type { ServiceContext } from '../service-context';
import { runStatement } from '../db/sql';
import { inTransaction, insertNew, RollbackWith } from '../db/transaction';
import { requireUserId } from '../auth/require-user';
import { MemberStatus } from '../member/member.enums';
import { formColumns, lockFormRow } from './signup-form-rules';
import { SignupForm } from './signup-form.entity';
import { SignupSubmission } from './signup-submission.entity';
import { promoteWaitlisted } from './signup-waitlist';
import { SignupStatus } from './signup.enums';
import { CapacityBelowConfirmed, SignupFormInput, SignupFormSaved } from './signup.types';
import type { NotificationService } from '../notification/notification.service';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';

/** Forms as admins build them and members read them. Admin methods run behind @RequireCommunityRole(ADMIN_ROLES). */
export class SignupFormService {
  constructor(
    private readonly notices: NotificationService,
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
  ) {}

  async list(ctx: ServiceContext, communityId: number, first: number): Promise<SignupForm[]> {
    await this.access.assertActiveMember(ctx, communityId);
    return ctx.em.find(SignupForm, { community: communityId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  }

  /** Null unless the caller is an active member of the form's community. */
  async findVisible(ctx: ServiceContext, formId: number): Promise<SignupForm | null> {
    const form = await ctx.em.findOne(SignupForm, formId);
    if (!form) return null;
    const member = await this.access.callerMember(ctx, form.community.id);
    return member?.status === MemberStatus.ACTIVE ? form : null;
  }

  async create(ctx: ServiceContext, communityId: number, input: SignupFormInput): Promise<SignupForm> {
    const now = this.clock.now();
    return insertNew(ctx, SignupForm, { ...formColumns(input, now), community: communityId, createdBy: requireUserId(ctx), createdAt: now, updatedAt: now });
  }

  /**
   * Edits the form. Fields named by id keep their answers; submissions keep the labels they
   * answered. The capacity may not drop below the confirmed sign-ups; raising it promotes the
   * earliest waitlisted ones in the same transaction.
   */
  async update(ctx: ServiceContext, formId: number, input: SignupFormInput): Promise<SignupFormSaved | CapacityBelowConfirmed> {
    const now = this.clock.now();
    const refusal = await inTransaction<CapacityBelowConfirmed | null>(ctx, async (em) => {
      const form = (await lockFormRow(em, formId))!;
      const columns = formColumns(input, now, form.fields);
      if (columns.capacity < form.confirmedCount) throw new RollbackWith(new CapacityBelowConfirmed(form.confirmedCount));
      const promoted = await promoteWaitlisted(em, formId, columns.capacity - form.confirmedCount, now, this.notices);
      await runStatement(
        em,
        `update signup_form set title = ?, description = ?, fields = ?, capacity = ?, waitlist = ?, deadline = ?,
                confirmed_count = confirmed_count + ?, updated_at = ? where id = ?`,
        [columns.title, columns.description, JSON.stringify(columns.fields), columns.capacity, columns.waitlist, columns.deadline, promoted, now, formId],
      );
      return null;
    });
    if (refusal) return refusal;
    return Object.assign(new SignupFormSaved(), { form: await ctx.em.findOneOrFail(SignupForm, formId, { refresh: true }) });
  }

  /** Closes sign-ups now (before the deadline, or without one). Closing again changes nothing. */
  async close(ctx: ServiceContext, formId: number): Promise<SignupForm> {
    const now = this.clock.now();
    await runStatement(ctx.em, 'update signup_form set closed_at = ?, updated_at = ? where id = ? and closed_at is null', [now, now, formId]);
    return ctx.em.findOneOrFail(SignupForm, formId, { refresh: true });
  }

  /** Admin list: confirmed by when they got the seat, waitlisted by position, cancelled last; or one status. */
  async submissions(ctx: ServiceContext, formId: number, status: SignupStatus | undefined, first: number): Promise<SignupSubmission[]> {
    const rows = await ctx.em.find(SignupSubmission, { form: formId, ...(status ? { status } : {}) }, { orderBy: { id: 'asc' }, limit: first });
    return sortForAdmins(rows);
  }
}

const STATUS_RANK: Record<SignupStatus, number> = { [SignupStatus.CONFIRMED]: 0, [SignupStatus.WAITLISTED]: 1, [SignupStatus.CANCELLED]: 2 };

export function sortForAdmins(rows: SignupSubmission[]): SignupSubmission[] {
  const key = (row: SignupSubmission): number => {
    if (row.status === SignupStatus.CONFIRMED) return (row.confirmedAt ?? row.createdAt).getTime();
    if (row.status === SignupStatus.WAITLISTED) return row.waitlistNo ?? 0;
    return -(row.cancelledAt ?? row.createdAt).getTime();
  };
  return [...rows].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || key(a) - key(b) || a.id - b.id);
}
