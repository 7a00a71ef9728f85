import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { runStatement } from '../db/sql';
import { inTransactionOrCurrent } from '../db/transaction';
import { memberStatsRow, recordMemberChange } from '../health/rollups/member-rollups';
import { localDate } from '../common/local-date';
import type { ErrorResult } from '../graphql/error-result';
import { requireUser } from '../auth/require-user';
import { Community } from '../community/community.entity';
import { JoinPolicy } from '../community/community.enums';
import { CommunityClosed, CommunityNotFound } from '../community/community.types';
import { normalizeJoinCode } from '../community/join-code';
import { InviteInvalid, InviteRequired } from '../invite/invite.types';
import type { PaymentRequired } from '../payment/payment.types';
import { Member } from './member.entity';
import { removeRefundedMember } from './member-rows';
import { MemberRole, MemberStatus } from './member.enums';
import { JoinedCommunity, MemberBanned } from './member.types';
import type { Clock } from '../common/clock';
import type { RateLimits } from '../rate-limit/rate-limits';
import type { InviteService } from '../invite/invite.service';
import type { MemberActivityService } from '../health/member-activity.service';
import type { CommunityService } from '../community/community.service';

export type JoinOutcome = JoinedCommunity | PaymentRequired | ErrorResult;

/**
 * 入群费: asks the joining user to pay (payment/ implements it; app-services.ts binds it), so that
 * member/ needs no payment service and payment/ may admit through this one.
 */
export type RequestEntryPayment = (ctx: ServiceContext, community: Community, admission: Admission) => Promise<PaymentRequired | ErrorResult>;

/** How the user came: the public join code, a member's personal invite, or a card from a bound chat. */
export type Admission = { by: 'joinCode' } | { by: 'group' } | { by: 'invite'; inviterId: number; inviterActive: boolean };

/** How a user becomes a member: by link (join code) or group card, under the join policy. */
export class MembershipService {
  constructor(
    private readonly clock: Clock,
    private readonly rateLimits: RateLimits,
    private readonly invites: InviteService,
    private readonly activity: MemberActivityService,
    private readonly communities: CommunityService,
    private readonly requestEntryPayment: RequestEntryPayment,
  ) {}

  /** A community's public join code, or a member's personal invite (which records the inviter). */
  async joinByCode(ctx: ServiceContext, joinCode: string): Promise<JoinOutcome> {
    const community = await this.communities.findByJoinCode(ctx, joinCode);
    if (community) return this.join(ctx, community, { by: 'joinCode' });
    const invite = await this.invites.resolve(ctx, normalizeJoinCode(joinCode));
    if (invite) return this.join(ctx, invite.community, { by: 'invite', inviterId: invite.inviterId, inviterActive: invite.inviterActive });
    await this.rateLimits.consume('joinCodeMisses', ctx.clientAddress);
    return new CommunityNotFound();
  }

  /**
   * OPEN → active member at once; QUESTIONNAIRE → applicant (invited or not); INVITE → active, but
   * only by a member's personal invite (the public join code is refused; a card from a bound chat
   * admits: the chat is the admission); CLOSED → refused. Members and applicants already in get
   * their row back; the banned stay out; the removed may return.
   */
  async join(ctx: ServiceContext, community: Community, admission: Admission): Promise<JoinOutcome> {
    const user = requireUser(ctx);
    const existing = await ctx.em.findOne(Member, { community, user });
    if (existing?.status === MemberStatus.BANNED) return new MemberBanned();
    if (existing && existing.status !== MemberStatus.REMOVED) return joined(existing, community, true);
    if (community.joinPolicy === JoinPolicy.CLOSED) return new CommunityClosed();
    if (admission.by === 'invite' && !admission.inviterActive) return new InviteInvalid();
    if (community.joinPolicy === JoinPolicy.INVITE && admission.by === 'joinCode') return new InviteRequired();

    // 入群费: the membership starts when WeChat Pay confirms the payment (a bound chat's card admits free).
    if (community.entryFeeFen > 0 && admission.by !== 'group') return this.requestEntryPayment(ctx, community, admission);
    const member = await this.admit(ctx, community, user.id, existing, admission);
    return joined(member, community, false);
  }

  /**
   * Admits a user who paid the entry fee (called by payment/ in the transaction that marks the
   * order paid). Null when they may not be admitted any more: banned meanwhile, or already in.
   */
  async admitPaid(ctx: ServiceContext, community: Community, userId: number, inviterMemberId: number | null): Promise<Member | null> {
    const existing = await ctx.em.findOne(Member, { community, user: userId }, { refresh: true });
    if (existing && existing.status !== MemberStatus.REMOVED) return null;
    const admission: Admission = inviterMemberId ? { by: 'invite', inviterId: inviterMemberId, inviterActive: true } : { by: 'joinCode' };
    return this.admit(ctx, community, userId, existing, admission);
  }

  /** A refunded member leaves (they may join, and pay, again); the owner never does. */
  async leaveRefunded(ctx: ServiceContext, communityId: number, userId: number): Promise<void> {
    await inTransactionOrCurrent(ctx, (tx) => removeRefundedMember(tx, communityId, userId));
    ctx.callerMembers.delete(communityId);
  }

  /** The new member row (or the removed one back) under the join policy, with the referral and the first active day. */
  private async admit(ctx: ServiceContext, community: Community, userId: number, existing: Member | null, admission: Admission): Promise<Member> {
    const status = community.joinPolicy === JoinPolicy.QUESTIONNAIRE ? MemberStatus.APPLICANT : MemberStatus.ACTIVE;
    const now = this.clock.now();
    // The row and the dashboard's member rollups change together (health/rollups/member-rollups.ts).
    await inTransactionOrCurrent(ctx, async (tx) => {
      if (existing) {
        const before = await memberStatsRow(tx, existing.id);
        await runStatement(
          tx,
          'update member set status = ?, role = ?, joined_at = ?, last_active_at = ?, left_at = null where id = ? and status = ?',
          [status, MemberRole.MEMBER, now, now, existing.id, MemberStatus.REMOVED],
        );
        await recordMemberChange(tx, before, await memberStatsRow(tx, existing.id));
        return;
      }
      try {
        const id = await tx.insert(Member, { community: community.id, user: userId, role: MemberRole.MEMBER, status, createdAt: now, joinedAt: now, lastActiveAt: now });
        await recordMemberChange(tx, null, await memberStatsRow(tx, Number(id)));
      } catch (error) {
        // A simultaneous join of the same user won the unique key; theirs is the row (and its rollups).
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    });
    const member = await ctx.em.findOneOrFail(Member, { community, user: userId }, { refresh: true });
    if (admission.by === 'invite') await this.invites.recordReferral(ctx, community.id, admission.inviterId, member.id);
    // Joining is the member's first action: the day counts as active (lastActiveAt was set above).
    if (member.status === MemberStatus.ACTIVE) {
      const today = localDate(now, community.timezone);
      const active = { communityId: community.id, memberId: member.id, joinedDay: localDate(member.joinedAt, community.timezone) };
      await inTransactionOrCurrent(ctx, (tx) => this.activity.recordDay(tx, active, today));
    }
    ctx.callerMembers.delete(community.id);
    return member;
  }

  myMemberships(ctx: ServiceContext, first: number): Promise<Member[]> {
    const user = requireUser(ctx);
    return ctx.em.find(
      Member,
      { user, status: { $in: [MemberStatus.ACTIVE, MemberStatus.APPLICANT] } },
      { populate: ['community'], orderBy: { joinedAt: 'desc', id: 'desc' }, limit: first },
    );
  }
}

function joined(member: Member, community: Community, alreadyMember: boolean): JoinedCommunity {
  return Object.assign(new JoinedCommunity(), { member, community, alreadyMember });
}
