import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { NotificationKindName, NotificationSettings } from '../config';
import type { ServiceContext } from '../service-context';
import type { Clock } from '../common/clock';
import { beforeIdCursor, encodeCursor, pageOf } from '../graphql/cursor-page';
import { forbidden } from '../graphql/graphql-errors';
import { parseId } from '../graphql/ids';
import { placeholders, runStatement, selectRows } from '../db/sql';
import { Community } from '../community/community.entity';
import { Coupon } from '../coupon/coupon.entity';
import { CouponStatus } from '../coupon/coupon.enums';
import { GroupBuy } from '../groupbuy/group-buy.entity';
import { GroupBuyOutcome, GroupBuyState } from '../groupbuy/group-buy.enums';
import { MemberStatus } from '../member/member.enums';
import { Application } from '../questionnaire/application.entity';
import { ApplicationStatus } from '../questionnaire/questionnaire.enums';
import { SignupSubmission } from '../signup/signup-submission.entity';
import {
  applicationResultDraft,
  contentWithdrawnDraft,
  couponExpiringDraft,
  groupBuyResultDraft,
  MessageDraft,
  signupPromotedDraft,
} from './notification-drafts';
import { NotificationMessage } from './notification-message.entity';
import { DeliveryState, NotificationKind } from './notification.enums';
import { SubscriptionConsent } from './subscription-consent.entity';
import {
  InboxConnection,
  MessagesMarkedRead,
  NotificationStats,
  SubscriptionConsentInput,
  SubscriptionConsentState,
  SubscriptionTemplate,
} from './notification.types';
import type { MemberAccessService } from '../member/member-access.service';

/** A coupon is reminded once, this long before it expires. */
export const COUPON_REMINDER_MS = 3 * 24 * 3600 * 1000;
const COUPON_SCAN_LIMIT = 500;

const CURSOR = 'nm';

/**
 * The notification domain's writes: messages (outbox rows and inbox items at once), consents,
 * and the member's inbox. The business services call the `…Notices` methods with their own
 * transaction's EntityManager, so a message exists exactly when its business change committed.
 */
export class NotificationService {
  constructor(
    private readonly settings: NotificationSettings,
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
  ) {}

  templates(): SubscriptionTemplate[] {
    return Object.values(NotificationKind)
      .filter((kind) => this.settings.templates[kind as NotificationKindName])
      .map((kind) => Object.assign(new SubscriptionTemplate(), { kind, templateId: this.settings.templates[kind as NotificationKindName]! }));
  }

  private kindOfTemplate(templateId: string): NotificationKind | null {
    return this.templates().find((template) => template.templateId === templateId)?.kind ?? null;
  }

  /** Writes the messages in `em`'s transaction: QUEUED when the kind has a template, else INBOX_ONLY. */
  async enqueue(em: EntityManager, drafts: MessageDraft[], now: Date): Promise<number> {
    if (drafts.length === 0) return 0;
    await em.insertMany(
      NotificationMessage,
      drafts.map((draft) => {
        const templateId = this.settings.templates[draft.kind as NotificationKindName] ?? null;
        return {
          community: draft.communityId,
          member: draft.memberId,
          user: draft.userId,
          kind: draft.kind,
          dedupeKey: draft.dedupeKey,
          refId: draft.refId,
          title: draft.title,
          body: draft.body,
          page: draft.page,
          data: draft.data,
          templateId,
          state: templateId ? DeliveryState.QUEUED : DeliveryState.INBOX_ONLY,
          nextAttemptAt: templateId ? now : null,
          consentTaken: false,
          attempts: 0,
          createdAt: now,
        };
      }),
    );
    return drafts.length;
  }

  /** A group-buy just closed (early or at its end): one GROUPBUY_RESULT per participant. Call it in the closing transaction. */
  async groupBuyClosedNotices(em: EntityManager, groupBuyId: number, now: Date): Promise<number> {
    const groupBuy = await em.findOne(GroupBuy, groupBuyId, { refresh: true, populate: ['community'] });
    if (!groupBuy || groupBuy.state !== GroupBuyState.CLOSED || !groupBuy.outcome) return 0;
    const participants = await selectRows<{ memberId: number; userId: number }>(
      em,
      `select e.member_id as "memberId", m.user_id as "userId"
         from group_buy_entry e join member m on m.id = e.member_id
        where e.group_buy_id = ? and e.live_key = 1 and m.status = ?`,
      [groupBuyId, MemberStatus.ACTIVE],
    );
    const facts = {
      id: groupBuy.id,
      title: groupBuy.title,
      succeeded: groupBuy.outcome === GroupBuyOutcome.SUCCEEDED,
      participants: groupBuy.participantCount,
      minParticipants: groupBuy.minParticipants,
      pickupNote: groupBuy.pickupNote ?? null,
      closedAt: groupBuy.closedAt ?? now,
    };
    const drafts = participants.map((p) =>
      groupBuyResultDraft({ communityId: groupBuy.community.id, memberId: Number(p.memberId), userId: Number(p.userId) }, facts, groupBuy.community.timezone),
    );
    return this.enqueue(em, drafts, now);
  }

  /** An admin approved or rejected an application. Call it in the review transaction. */
  async applicationReviewedNotice(em: EntityManager, applicationId: number, now: Date): Promise<number> {
    const application = await em.findOne(Application, applicationId, { refresh: true, populate: ['community', 'member'] });
    if (!application || application.status === ApplicationStatus.PENDING) return 0;
    const community = application.community as Community;
    const draft = applicationResultDraft(
      { communityId: community.id, memberId: application.member.id, userId: application.member.user.id },
      {
        id: application.id,
        approved: application.status === ApplicationStatus.APPROVED,
        reason: application.rejectReason ?? null,
        communityName: community.name,
        joinCode: community.joinCode,
        reviewedAt: application.reviewedAt ?? now,
      },
      community.timezone,
    );
    return this.enqueue(em, [draft], now);
  }

  /** An image of `userId` was withdrawn (content-safety's image check). Call it in the transaction that withdrew it. */
  async contentWithdrawnNotice(em: EntityManager, to: { communityId: number; userId: number }, checkId: number, now: Date): Promise<number> {
    const [member] = await selectRows<{ id: number; timezone: string }>(
      em,
      'select m.id, c.timezone from member m join community c on c.id = m.community_id where m.community_id = ? and m.user_id = ?',
      [to.communityId, to.userId],
    );
    if (!member) return 0;
    return this.enqueue(em, [contentWithdrawnDraft({ ...to, memberId: Number(member.id) }, { id: checkId, at: now }, member.timezone)], now);
  }

  /** Waitlisted sign-ups just confirmed. Call it in the transaction that promoted them. */
  async signupPromotedNotices(em: EntityManager, submissionIds: number[], now: Date): Promise<number> {
    if (submissionIds.length === 0) return 0;
    const submissions = await em.find(SignupSubmission, { id: { $in: submissionIds } }, { refresh: true, populate: ['form', 'community', 'member'] });
    const drafts = submissions.map((submission) =>
      signupPromotedDraft(
        { communityId: submission.community.id, memberId: submission.member.id, userId: submission.member.user.id },
        { id: submission.id, formId: submission.form.id, formTitle: submission.form.title, at: now },
        submission.community.timezone,
      ),
    );
    return this.enqueue(em, drafts, now);
  }

  /**
   * The daily reminder: every unused coupon expiring within 3 days that has no reminder yet gets
   * one. Each is its own insert, and the unique dedupe key refuses a second one, so two processes
   * scanning at once, or the scan running every hour, still remind once per coupon.
   */
  async remindExpiringCoupons(em: EntityManager): Promise<number> {
    const now = this.clock.now();
    const due = await selectRows<{ id: number }>(
      em,
      `select c.id from coupon c
        where c.status = ? and c.expires_at > ? and c.expires_at <= ?
          and not exists (select 1 from notification_message n where n.kind = ? and n.ref_id = c.id)
        order by c.expires_at limit ?`,
      [CouponStatus.UNUSED, now, new Date(now.getTime() + COUPON_REMINDER_MS), NotificationKind.COUPON_EXPIRING, COUPON_SCAN_LIMIT],
    );
    if (due.length === 0) return 0;
    const coupons = await em.find(Coupon, { id: { $in: due.map((row) => Number(row.id)) } }, { populate: ['community', 'member'], refresh: true });
    let reminded = 0;
    for (const coupon of coupons) {
      const draft = couponExpiringDraft(
        { communityId: coupon.community.id, memberId: coupon.member.id, userId: coupon.member.user.id },
        { id: coupon.id, title: coupon.title, expiresAt: coupon.expiresAt },
        coupon.community.timezone,
      );
      try {
        reminded += await this.enqueue(em.fork({ clear: true }) as EntityManager, [draft], now);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    return reminded;
  }

  // ─── the member's side ──────────────────────────────────────────────────────────

  /**
   * WeChat's answers to wx.requestSubscribeMessage: each `accept` of a configured template allows
   * one more message of it. Template ids this server does not use are ignored.
   */
  async recordConsent(ctx: ServiceContext, communityId: number, results: SubscriptionConsentInput[]): Promise<SubscriptionConsentState[]> {
    const member = await this.access.callerMember(ctx, communityId);
    if (!member || member.status === MemberStatus.REMOVED || member.status === MemberStatus.BANNED) throw forbidden('你还不是该社群的成员');
    const userId = member.user.id;
    const now = this.clock.now();
    const known = results.filter((result) => this.kindOfTemplate(result.templateId));
    for (const result of known) {
      const accepted = result.status === 'accept' ? 1 : 0;
      const count = () =>
        runStatement(
          ctx.em,
          'update subscription_consent set remaining = remaining + ?, accepted = accepted + ?, last_status = ?, updated_at = ? where user_id = ? and template_id = ?',
          [accepted, accepted, result.status, now, userId, result.templateId],
        );
      if ((await count()).affectedRows === 1) continue;
      try {
        await ctx.em.insert(SubscriptionConsent, { user: userId, templateId: result.templateId, remaining: accepted, accepted, lastStatus: result.status, createdAt: now, updatedAt: now });
      } catch (error) {
        // Two answers recorded at once: the other one inserted the row.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        await count();
      }
    }
    return this.consents(ctx, userId);
  }

  async consents(ctx: ServiceContext, userId: number): Promise<SubscriptionConsentState[]> {
    const templates = this.templates();
    if (templates.length === 0) return [];
    const rows = await ctx.em.find(SubscriptionConsent, { user: userId, templateId: { $in: templates.map((t) => t.templateId) } }, { refresh: true });
    return templates.map((template) =>
      Object.assign(new SubscriptionConsentState(), {
        kind: template.kind,
        templateId: template.templateId,
        remaining: rows.find((row) => row.templateId === template.templateId)?.remaining ?? 0,
      }),
    );
  }

  /** The inbox, newest first, by cursor. Every message is here, whatever WeChat did with it. */
  async inbox(ctx: ServiceContext, communityId: number, first: number, after?: string | null): Promise<InboxConnection> {
    const member = await this.inboxOwner(ctx, communityId);
    const rows = await ctx.em.find(
      NotificationMessage,
      { member: member.id, ...beforeIdCursor(CURSOR, after) },
      { orderBy: { id: 'desc' }, limit: first + 1 },
    );
    return {
      ...pageOf(rows, first, (row) => encodeCursor(CURSOR, row.id), (row) => row),
      unreadCount: await this.countUnread(ctx.em, member.id),
    };
  }

  async unreadCount(ctx: ServiceContext, communityId: number): Promise<number> {
    const member = await this.access.callerMember(ctx, communityId);
    return member ? this.countUnread(ctx.em, member.id) : 0;
  }

  async markRead(ctx: ServiceContext, communityId: number, messageIds?: string[] | null): Promise<MessagesMarkedRead> {
    const member = await this.inboxOwner(ctx, communityId);
    const ids = messageIds?.map((id) => parseId(id, 'messageIds'));
    const marked =
      ids?.length === 0
        ? 0
        : (
            await runStatement(
              ctx.em,
              `update notification_message set read_at = ? where member_id = ? and read_at is null${ids ? ` and id in (${placeholders(ids.length)})` : ''}`,
              [this.clock.now(), member.id, ...(ids ?? [])],
            )
          ).affectedRows;
    return Object.assign(new MessagesMarkedRead(), { marked, unreadCount: await this.countUnread(ctx.em, member.id) });
  }

  /** Admin: deliveries of the community's messages by outcome. */
  async stats(ctx: ServiceContext, communityId: number): Promise<NotificationStats> {
    const rows = await selectRows<{ state: DeliveryState; n: number }>(
      ctx.em,
      `select state, count(*) as n from notification_message where community_id = ? group by state`,
      [communityId],
    );
    const count = (...states: DeliveryState[]) => rows.filter((row) => states.includes(row.state)).reduce((sum, row) => sum + Number(row.n), 0);
    return Object.assign(new NotificationStats(), {
      sent: count(DeliveryState.SENT),
      skippedNoConsent: count(DeliveryState.NO_CONSENT),
      failed: count(DeliveryState.FAILED),
      pending: count(DeliveryState.QUEUED, DeliveryState.SENDING),
      inboxOnly: count(DeliveryState.INBOX_ONLY),
    });
  }

  /** Applicants have an inbox too: their application's answer lands there. */
  private async inboxOwner(ctx: ServiceContext, communityId: number) {
    const member = await this.access.callerMember(ctx, communityId);
    if (!member || member.status === MemberStatus.REMOVED || member.status === MemberStatus.BANNED) throw forbidden('你还不是该社群的成员');
    return member;
  }

  private async countUnread(em: EntityManager, memberId: number): Promise<number> {
    return em.count(NotificationMessage, { member: memberId, readAt: null });
  }
}
