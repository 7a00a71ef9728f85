import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { RequestContext } from '../context';
import { NotActiveMember } from '../common/common-errors';
import type { ErrorResult } from '../common/error-result';
import { badInput } from '../common/graphql-errors';
import { requireUser } from '../common/require-user';
import { RollbackWith, inTransaction } from '../common/transaction';
import { Member } from '../member/member.entity';
import { MemberStatus } from '../member/member.enums';
import { PointsEntry } from '../points/points-entry.entity';
import { PointsEntryType } from '../points/points.enums';
import type { NotificationService } from '../notification/notification.service';
import { Application } from './application.entity';
import { scoreAnswers } from './questionnaire-rules';
import { ApplicationStatus } from './questionnaire.enums';
import {
  AlreadyMember,
  AnswerInput,
  ApplicationAlreadyReviewed,
  ApplicationNotFound,
  ApplicationPending,
  ApplicationReviewed,
  ApplicationSubmitted,
  InvalidAnswer,
  QuestionnaireMissing,
} from './questionnaire.types';

const LIST_LIMIT = 200;

/**
 * 入群申请: an applicant answers, the server scores; a pass with auto-approve admits at once,
 * anything else waits for an admin. Admission is one transaction: the member row moves
 * APPLICANT → ACTIVE by a conditional UPDATE (so it happens once), gets the answers' tags, and
 * the welcome points go through the ledger.
 */
export class ApplicationService {
  constructor(private readonly notices: NotificationService) {}

  async submit(ctx: RequestContext, communityId: number, inputs: AnswerInput[]): Promise<ApplicationSubmitted | ErrorResult> {
    const member = await ctx.services.access.callerMember(ctx, communityId);
    if (!member || member.status === MemberStatus.REMOVED || member.status === MemberStatus.BANNED) return new NotActiveMember('请先加入该社群');
    if (member.status === MemberStatus.ACTIVE) return new AlreadyMember();
    const questionnaire = await ctx.services.questionnaires.find(ctx, communityId);
    if (!questionnaire) return new QuestionnaireMissing();
    const scored = scoreAnswers(questionnaire.questions, inputs);
    if (scored instanceof InvalidAnswer) return scored;

    // Rejected applicants answer again; so do members who were approved once, removed, and are
    // applying anew. Only a pending application waits for its review.
    const latest = await this.latest(ctx.em, member.id);
    if (latest?.status === ApplicationStatus.PENDING) return new ApplicationPending();

    const passed = scored.score >= questionnaire.passScore;
    const admitNow = passed && questionnaire.autoApprove;
    const now = ctx.services.clock.now();
    let applicationId: number | ErrorResult;
    try {
      applicationId = await inTransaction<number | ErrorResult>(ctx, async (em) => {
        // The member row first (its UPDATE locks it), then the rows whose foreign keys point at it.
        if (admitNow && !(await this.activate(em, member.id, scored.tags, now))) throw new RollbackWith(new AlreadyMember());
        const id = Number(
          await em.insert(Application, {
            community: communityId,
            member: member.id,
            attempt: (latest?.attempt ?? 0) + 1,
            status: admitNow ? ApplicationStatus.APPROVED : ApplicationStatus.PENDING,
            score: scored.score,
            passed,
            answers: scored.answers,
            tags: scored.tags,
            reviewedAt: admitNow ? now : null,
            createdAt: now,
          }),
        );
        if (admitNow) await this.welcome(ctx, em, communityId, member.id, id, questionnaire.welcomePoints, now);
        return id;
      });
    } catch (error) {
      // A simultaneous submission of the same applicant took this attempt number.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const winner = await this.latest(ctx.em, member.id);
      return winner?.status === ApplicationStatus.APPROVED ? new AlreadyMember() : new ApplicationPending();
    }
    if (typeof applicationId !== 'number') return applicationId;
    ctx.callerMembers.delete(communityId);
    const [application, fresh] = await this.reload(ctx, applicationId, member.id);
    return Object.assign(new ApplicationSubmitted(), { application, member: fresh });
  }

  /** The caller's latest application in the community, or null. */
  async mine(ctx: RequestContext, communityId: number): Promise<Application | null> {
    const member = await ctx.services.access.callerMember(ctx, communityId);
    return member ? this.latest(ctx.em, member.id) : null;
  }

  list(ctx: RequestContext, communityId: number, status?: ApplicationStatus): Promise<Application[]> {
    return ctx.em.find(Application, { community: communityId, ...(status ? { status } : {}) }, { orderBy: { id: 'desc' }, limit: LIST_LIMIT });
  }

  /** Admin decision on a pending application; approving admits the member like a passing auto-approval. */
  async review(ctx: RequestContext, applicationId: number, approve: boolean, reason: string | null | undefined): Promise<ApplicationReviewed | ErrorResult> {
    const reviewer = requireUser(ctx);
    const rejectReason = reason?.trim() || null;
    if (!approve && !rejectReason) throw badInput('请填写拒绝原因，申请人会看到它', 'reason');
    const application = await ctx.em.findOne(Application, applicationId, { refresh: true });
    if (!application) return new ApplicationNotFound();
    if (application.status !== ApplicationStatus.PENDING) return new ApplicationAlreadyReviewed();
    const now = ctx.services.clock.now();
    const welcomePoints = approve ? ((await ctx.services.questionnaires.find(ctx, application.community.id))?.welcomePoints ?? 0) : 0;

    const outcome = await inTransaction<true | ErrorResult>(ctx, async (em) => {
      const decided = await em.nativeUpdate(
        Application,
        { id: applicationId, status: ApplicationStatus.PENDING },
        { status: approve ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED, rejectReason: approve ? null : rejectReason, reviewedAt: now, reviewedBy: reviewer.id },
      );
      if (decided !== 1) throw new RollbackWith(new ApplicationAlreadyReviewed());
      if (approve) {
        if (!(await this.activate(em, application.member.id, application.tags, now))) {
          throw new RollbackWith(new ApplicationAlreadyReviewed('申请人已不在待审核状态（可能已被移出或拉黑）'));
        }
        await this.welcome(ctx, em, application.community.id, application.member.id, applicationId, welcomePoints, now);
      }
      await this.notices.applicationReviewedNotice(em, applicationId, now);
      return true;
    });
    if (outcome !== true) return outcome;
    // A rejected applicant who paid the entry fee gets it back (and leaves; they may apply and pay again).
    if (!approve) await ctx.services.entryRefunds.refundRejected(ctx, application.member.id, reviewer.id);
    const [fresh, member] = await this.reload(ctx, applicationId, application.member.id);
    return Object.assign(new ApplicationReviewed(), { application: fresh, member });
  }

  /**
   * APPLICANT → ACTIVE, once, with the answers' tags added to the member's. The row is read and
   * written with plain statements: a Member managed by the transaction's EntityManager would be
   * flushed back at commit with whatever it held before these UPDATEs.
   */
  private async activate(em: EntityManager, memberId: number, tags: string[], now: Date): Promise<boolean> {
    const row = (await em.createQueryBuilder(Member).select('tags').where({ id: memberId, status: MemberStatus.APPLICANT }).execute('get')) as { tags?: unknown } | undefined;
    if (!row) return false;
    const merged = [...new Set([...parseTags(row.tags), ...tags])];
    const changed = await em.nativeUpdate(
      Member,
      { id: memberId, status: MemberStatus.APPLICANT },
      { status: MemberStatus.ACTIVE, tags: merged, joinedAt: now, lastActiveAt: now },
    );
    return changed === 1;
  }

  /**
   * 入群奖励, once per member: someone removed and admitted again is not welcomed twice. Called
   * after activate(), whose UPDATE holds the member row, so the check cannot race.
   */
  private async welcome(ctx: RequestContext, em: EntityManager, communityId: number, memberId: number, applicationId: number, points: number, now: Date): Promise<void> {
    if (points <= 0 || (await em.count(PointsEntry, { member: memberId, type: PointsEntryType.WELCOME }))) return;
    await ctx.services.points.apply(em, {
      communityId,
      memberId,
      amount: points,
      type: PointsEntryType.WELCOME,
      reference: `application:${applicationId}`,
      note: '入群奖励',
      at: now,
    });
  }

  private latest(em: EntityManager, memberId: number): Promise<Application | null> {
    return em.findOne(Application, { member: memberId }, { orderBy: { attempt: 'desc' }, refresh: true });
  }

  private reload(ctx: RequestContext, applicationId: number, memberId: number): Promise<[Application, Member]> {
    return Promise.all([
      ctx.em.findOneOrFail(Application, applicationId, { refresh: true }),
      ctx.em.findOneOrFail(Member, memberId, { refresh: true }),
    ]);
  }
}

/** The tags column as the driver hands it back: parsed JSON (MySQL), text (MariaDB, SQLite) or NULL. */
function parseTags(value: unknown): string[] {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
}
