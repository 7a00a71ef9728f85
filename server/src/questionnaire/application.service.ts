import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { runStatement } from '../db/sql';
import { NotActiveMember } from '../graphql/common-errors';
import type { ErrorResult } from '../graphql/error-result';
import { badInput } from '../graphql/graphql-errors';
import { requireUser } from '../auth/require-user';
import { RollbackWith, inTransaction } from '../db/transaction';
import { Member } from '../member/member.entity';
import { ADMIN_ROLES, MemberStatus } from '../member/member.enums';
import { lockMember } from '../member/member-lock';
import { localDate } from '../common/local-date';
import { capRuleAwards, earnedByRulesOn, type EconomyCaps } from '../points/economy-caps';
import type { EconomyCapsService } from '../points/economy-caps.service';
import { admitApplicant } from '../member/member-rows';
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
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';
import type { PointsLedgerService } from '../points/points-ledger.service';
import type { QuestionnaireService } from './questionnaire.service';
import type { EntryRefundService } from '../payment/entry-refund.service';

/** A welcome to pay (入群奖励): its points, and the community's caps and timezone it is paid within. */
interface Welcome {
  communityId: number;
  points: number;
  timezone: string;
  caps: EconomyCaps;
}

/**
 * 入群申请: an applicant answers, the server scores; a pass with auto-approve admits at once,
 * anything else waits for an admin. Admission is one transaction: the member row moves
 * APPLICANT → ACTIVE by a conditional UPDATE (so it happens once), gets the answers' tags, and
 * the welcome points go through the ledger.
 */
export class ApplicationService {
  constructor(
    private readonly notices: NotificationService,
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly points: PointsLedgerService,
    private readonly questionnaires: QuestionnaireService,
    private readonly entryRefunds: EntryRefundService,
    private readonly economyCaps: EconomyCapsService,
  ) {}

  async submit(ctx: ServiceContext, communityId: number, inputs: AnswerInput[]): Promise<ApplicationSubmitted | ErrorResult> {
    const member = await this.access.callerMember(ctx, communityId);
    if (!member || member.status === MemberStatus.REMOVED || member.status === MemberStatus.BANNED) return new NotActiveMember('请先加入该社群');
    if (member.status === MemberStatus.ACTIVE) return new AlreadyMember();
    const questionnaire = await this.questionnaires.find(ctx, communityId);
    if (!questionnaire) return new QuestionnaireMissing();
    const scored = scoreAnswers(questionnaire.questions, inputs);
    if (scored instanceof InvalidAnswer) return scored;

    // Rejected applicants answer again; so do members who were approved once, removed, and are
    // applying anew. Only a pending application waits for its review.
    const latest = await this.latest(ctx.em, member.id);
    if (latest?.status === ApplicationStatus.PENDING) return new ApplicationPending();

    const passed = scored.score >= questionnaire.passScore;
    const admitNow = passed && questionnaire.autoApprove;
    const now = this.clock.now();
    const welcome = admitNow ? await this.welcomeOf(ctx, communityId, questionnaire.welcomePoints) : null;
    let applicationId: number | ErrorResult;
    try {
      applicationId = await inTransaction<number | ErrorResult>(ctx, async (em) => {
        // The member row first (its UPDATE locks it), then the rows whose foreign keys point at it.
        if (admitNow && !(await admitApplicant(em, member.id, scored.tags, now))) throw new RollbackWith(new AlreadyMember());
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
        if (welcome) await this.welcome(em, welcome, member.id, id, now);
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

  /** Whether the caller may see how an application was judged (score, pass, tags): an ACTIVE admin of its community. */
  async judgedBy(ctx: ServiceContext, application: Application): Promise<boolean> {
    const caller = await this.access.callerMember(ctx, application.community.id);
    return !!caller && caller.status === MemberStatus.ACTIVE && (ADMIN_ROLES as readonly string[]).includes(caller.role);
  }

  /** The caller's latest application in the community, or null. */
  async mine(ctx: ServiceContext, communityId: number): Promise<Application | null> {
    const member = await this.access.callerMember(ctx, communityId);
    return member ? this.latest(ctx.em, member.id) : null;
  }

  list(ctx: ServiceContext, communityId: number, status: ApplicationStatus | undefined, first: number): Promise<Application[]> {
    return ctx.em.find(Application, { community: communityId, ...(status ? { status } : {}) }, { orderBy: { id: 'desc' }, limit: first });
  }

  /** Admin decision on a pending application; approving admits the member like a passing auto-approval. */
  async review(ctx: ServiceContext, applicationId: number, approve: boolean, reason: string | null | undefined): Promise<ApplicationReviewed | ErrorResult> {
    const reviewer = requireUser(ctx);
    const rejectReason = reason?.trim() || null;
    if (!approve && !rejectReason) throw badInput('请填写拒绝原因，申请人会看到它', 'reason');
    const application = await ctx.em.findOne(Application, applicationId, { refresh: true });
    if (!application) return new ApplicationNotFound();
    if (application.status !== ApplicationStatus.PENDING) return new ApplicationAlreadyReviewed();
    const now = this.clock.now();
    const welcome = approve ? await this.welcomeOf(ctx, application.community.id, (await this.questionnaires.find(ctx, application.community.id))?.welcomePoints ?? 0) : null;

    const outcome = await inTransaction<true | ErrorResult>(ctx, async (em) => {
      const decided = await runStatement(
        em,
        'update membership_application set status = ?, reject_reason = ?, reviewed_at = ?, reviewed_by_id = ? where id = ? and status = ?',
        [approve ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED, approve ? null : rejectReason, now, reviewer.id, applicationId, ApplicationStatus.PENDING],
      );
      if (decided.affectedRows !== 1) throw new RollbackWith(new ApplicationAlreadyReviewed());
      if (approve) {
        if (!(await admitApplicant(em, application.member.id, application.tags, now))) {
          throw new RollbackWith(new ApplicationAlreadyReviewed('申请人已不在待审核状态（可能已被移出或拉黑）'));
        }
        if (welcome) await this.welcome(em, welcome, application.member.id, applicationId, now);
      }
      await this.notices.applicationReviewedNotice(em, applicationId, now);
      return true;
    });
    if (outcome !== true) return outcome;
    // A rejected applicant who paid the entry fee gets it back (and leaves; they may apply and pay again).
    if (!approve) await this.entryRefunds.refundRejected(ctx, application.member.id, reviewer.id);
    const [fresh, member] = await this.reload(ctx, applicationId, application.member.id);
    return Object.assign(new ApplicationReviewed(), { application: fresh, member });
  }

  /** What a welcome pays and within which caps, read before the admission's transaction (the caps and the community come from the request's own reads). */
  private async welcomeOf(ctx: ServiceContext, communityId: number, points: number): Promise<Welcome> {
    const community = await ctx.loaders.community.load(communityId);
    return { communityId, points, timezone: community!.timezone, caps: await this.economyCaps.capsOf(ctx, communityId) };
  }

  /**
   * 入群奖励, once per member: someone removed and admitted again is not welcomed twice. Called
   * after activate(), whose UPDATE holds the member row, so the check cannot race. A rule's pay:
   * within the OWNER's economy caps.
   */
  private async welcome(em: EntityManager, welcome: Welcome, memberId: number, applicationId: number, now: Date): Promise<void> {
    if (welcome.points <= 0 || (await em.count(PointsEntry, { member: memberId, type: PointsEntryType.WELCOME }))) return;
    const locked = await lockMember(em, memberId);
    const day = localDate(now, welcome.timezone);
    await this.points.payRuleAwards(em, {
      communityId: welcome.communityId,
      memberId,
      locked,
      day,
      at: now,
      reference: `application:${applicationId}`,
      awards: capRuleAwards([{ amount: welcome.points, type: PointsEntryType.WELCOME, note: '入群奖励' }], welcome.caps, earnedByRulesOn(locked, day)),
    });
  }

  private latest(em: EntityManager, memberId: number): Promise<Application | null> {
    return em.findOne(Application, { member: memberId }, { orderBy: { attempt: 'desc' }, refresh: true });
  }

  private reload(ctx: ServiceContext, applicationId: number, memberId: number): Promise<[Application, Member]> {
    return Promise.all([
      ctx.em.findOneOrFail(Application, applicationId, { refresh: true }),
      ctx.em.findOneOrFail(Member, memberId, { refresh: true }),
    ]);
  }
}
