import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { badInput } from '../graphql/graphql-errors';
import { insertIgnoreInto, runStatement, selectRows } from '../db/sql';
import { Community } from '../community/community.entity';
import { memberProfile } from '../member/member-profile';
import type { TierService } from '../tier/tier.service';
import { Member } from '../member/member.entity';
import { MemberStatus } from '../member/member.enums';
import { generateInviteCode, INVITE_CODE_LENGTH, invitePath } from './invite-code';
import { MemberInvite, Referral, ReferralStatus } from './invite.entity';
import { ReferralRule, type InviteLeader, type MyInvite, type ReferralView } from './invite.types';
import type { EconomyCapExceeded } from '../points/economy-caps.types';
import type { EconomyCapsService } from '../points/economy-caps.service';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';

const CODE_ATTEMPTS = 5;

export interface ResolvedInvite {
  community: Community;
  inviterId: number;
  inviterActive: boolean;
}

/** 邀请制: members' personal invites, who invited whom, and the referral rule. */
export class InviteService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly tiers: TierService,
    private readonly economyCaps: EconomyCapsService,
  ) {}

  /** The caller's personal invite in a community (made on first ask); only ACTIVE members have one. */
  async myInvite(ctx: ServiceContext, communityId: number): Promise<MyInvite> {
    const member = await this.access.requireActiveMember(ctx, communityId);
    const code = await this.codeOf(ctx, member);
    const rule = await this.rule(ctx, communityId);
    const [{ invited, rewarded }] = await selectRows<{ invited: number; rewarded: number | null }>(
      ctx.em,
      `select count(*) as invited, sum(case when status = ? then 1 else 0 end) as rewarded from referral where inviter_id = ?`,
      [ReferralStatus.REWARDED, member.id],
    );
    return { code, url: invitePath(code), referralPoints: rule.points, invitedCount: Number(invited), rewardedCount: Number(rewarded ?? 0) };
  }

  private async codeOf(ctx: ServiceContext, member: Member): Promise<string> {
    for (let attempt = 1; ; attempt += 1) {
      const [existing] = await selectRows<{ code: string }>(ctx.em, 'select code from member_invite where member_id = ?', [member.id]);
      if (existing) return existing.code;
      try {
        await runStatement(ctx.em, 'insert into member_invite (community_id, member_id, code, created_at) values (?, ?, ?, ?)', [
          member.community.id,
          member.id,
          generateInviteCode(),
          this.clock.now(),
        ]);
      } catch (error) {
        // A simultaneous ask made the member's invite first (read it next time round), or two random codes clashed (draw again).
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  /** A personal invite code → its community and inviter; null for anything else. */
  async resolve(ctx: ServiceContext, code: string): Promise<ResolvedInvite | null> {
    if (code.length !== INVITE_CODE_LENGTH) return null;
    const invite = await ctx.em.findOne(MemberInvite, { code }, { populate: ['community', 'member'] });
    if (!invite) return null;
    return { community: invite.community, inviterId: invite.member.id, inviterActive: invite.member.status === MemberStatus.ACTIVE };
  }

  /** Records who brought a new member in; the first invite an invitee came by stays theirs. */
  async recordReferral(ctx: ServiceContext, communityId: number, inviterId: number, inviteeId: number): Promise<void> {
    if (inviterId === inviteeId) return;
    await runStatement(
      ctx.em,
      `${insertIgnoreInto(ctx.em)} referral (community_id, inviter_id, invitee_id, status, points, created_at) values (?, ?, ?, ?, 0, ?)`,
      [communityId, inviterId, inviteeId, ReferralStatus.PENDING, this.clock.now()],
    );
  }

  /** Admin: who invited whom, newest first. */
  async referrals(ctx: ServiceContext, communityId: number, first: number): Promise<ReferralView[]> {
    const rows = await ctx.em.find(Referral, { community: communityId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
    return Promise.all(
      rows.map(async (row) => ({
        id: String(row.id),
        inviter: await memberProfile(ctx, this.tiers, row.inviter.id),
        invitee: await memberProfile(ctx, this.tiers, row.invitee.id),
        status: row.status,
        points: row.points,
        createdAt: row.createdAt,
        settledAt: row.settledAt ?? null,
      })),
    );
  }

  /** Admin: inviters by how many they brought in, then by how many of those came back to check in. */
  async leaderboard(ctx: ServiceContext, communityId: number, first: number): Promise<InviteLeader[]> {
    const rows = await selectRows<{ inviterId: number; invited: number; checkedIn: number; rewarded: number; points: number | null }>(
      ctx.em,
      `select inviter_id as inviterId, count(*) as invited,
              sum(case when status <> ? then 1 else 0 end) as checkedIn, sum(case when status = ? then 1 else 0 end) as rewarded, sum(points) as points
         from referral where community_id = ?
        group by inviter_id
        order by invited desc, checkedIn desc, inviterId asc
        limit ?`,
      [ReferralStatus.PENDING, ReferralStatus.REWARDED, communityId, first],
    );
    return Promise.all(
      rows.map(async (row, index) => ({
        rank: index + 1,
        member: await memberProfile(ctx, this.tiers, Number(row.inviterId)),
        invited: Number(row.invited),
        checkedIn: Number(row.checkedIn),
        rewarded: Number(row.rewarded),
        points: Number(row.points ?? 0),
      })),
    );
  }

  async rule(ctx: ServiceContext, communityId: number): Promise<ReferralRule> {
    const [row] = await selectRows<{ points: number; dailyLimit: number }>(
      ctx.em,
      'select referral_points as points, referral_daily_limit as dailyLimit from community where id = ?',
      [communityId],
    );
    return { points: Number(row.points), dailyLimit: Number(row.dailyLimit) };
  }

  /** Within the OWNER's economy caps: one referral is one action's pay, and a full day of them one inviter's day of rule points. */
  async setRule(ctx: ServiceContext, communityId: number, points: number, dailyLimit: number): Promise<ReferralRule | EconomyCapExceeded> {
    if (dailyLimit < 0 || points < 0) throw badInput('邀请奖励不能为负数', 'points');
    const refusal = await this.economyCaps.refusal(ctx, communityId, { perAction: points, perMemberDay: points * dailyLimit });
    if (refusal) return refusal;
    await runStatement(ctx.em, 'update community set referral_points = ?, referral_daily_limit = ? where id = ?', [points, dailyLimit, communityId]);
    return Object.assign(new ReferralRule(), { points, dailyLimit });
  }
}
