import { localDate } from '../common/local-date';
import { isMySql, runStatement, selectRows, SqlTarget } from '../db/sql';
import { lockMember } from '../member/member-lock';
import { MemberStatus } from '../member/member.enums';
import type { PointsLedgerService } from '../points/points-ledger.service';
import { PointsEntryType } from '../points/points.enums';
import { capRuleAwards, earnedByRulesOn, type EconomyCaps } from '../points/economy-caps';
import { ReferralStatus } from './invite.entity';

export interface FirstCheckIn {
  communityId: number;
  timezone: string;
  at: Date;
  /** The invitee's member row as locked with PENDING_REFERRAL read along. */
  locked: Record<keyof typeof PENDING_REFERRAL, unknown>;
}

const pendingReferral = (column: string) => `(select r.${column} from referral r where r.invitee_id = m.id and r.status = '${ReferralStatus.PENDING}')`;

/** For lockMember's alsoRead: the invitee's pending referral, read with its lock, so a first check-in without one costs nothing more. */
export const PENDING_REFERRAL = { pendingReferralId: pendingReferral('id'), pendingReferralInviterId: pendingReferral('inviter_id') };

/**
 * 邀请奖励: the inviter's points come at the invitee's first check-in (a fake account must at least
 * come back), inside that check-in's transaction, which holds the invitee's lock: so one invitee's
 * referral is settled once however many taps arrive on however many processes (and the conditional
 * UPDATE on its PENDING status says so again). The inviter's row is locked next — lock order
 * invitee, then inviter — which serializes the count against the inviter's daily cap.
 */
export class ReferralRewardService {
  constructor(private readonly points: PointsLedgerService) {}

  async settleOnFirstCheckIn(tx: SqlTarget, checkIn: FirstCheckIn): Promise<void> {
    if (checkIn.locked.pendingReferralId == null) return;
    const referral = { id: Number(checkIn.locked.pendingReferralId), inviterId: Number(checkIn.locked.pendingReferralInviterId) };
    const inviter = await lockMember(tx, referral.inviterId);
    const day = localDate(checkIn.at, checkIn.timezone);
    // The referral rule, and the economy caps it pays within (the inviter earns it by a rule).
    const [rule] = await selectRows<{ points: number; dailyLimit: number; maxPointsPerAction: number; maxRulePointsPerMemberDay: number }>(
      tx,
      `select referral_points as points, referral_daily_limit as dailyLimit,
              max_points_per_action as maxPointsPerAction, max_rule_points_per_member_day as maxRulePointsPerMemberDay
         from community where id = ?`,
      [checkIn.communityId],
    );
    const caps: EconomyCaps = { maxPointsPerAction: Number(rule.maxPointsPerAction), maxRulePointsPerMemberDay: Number(rule.maxRulePointsPerMemberDay) };
    // A locking read: a plain one would read this transaction's snapshot, taken at its first plain read
    // (before the inviter's lock was ours) and blind to the settlements committed while we waited for it.
    const [{ rewardedToday }] = await selectRows<{ rewardedToday: number }>(
      tx,
      `select count(*) as rewardedToday from referral where inviter_id = ? and status = ? and settled_on = ?${isMySql(tx) ? ' for update' : ''}`,
      [referral.inviterId, ReferralStatus.REWARDED, day],
    );
    const points = Number(rule.points);
    const pays = inviter.status === MemberStatus.ACTIVE && points > 0 && Number(rewardedToday) < Number(rule.dailyLimit);
    const { affectedRows } = await runStatement(
      tx,
      'update referral set status = ?, points = ?, settled_on = ?, settled_at = ? where id = ? and status = ?',
      [pays ? ReferralStatus.REWARDED : ReferralStatus.CAPPED, pays ? points : 0, day, checkIn.at, referral.id, ReferralStatus.PENDING],
    );
    if (affectedRows !== 1 || !pays) return;
    // Within the economy caps: a referral beyond the inviter's daily rule points is recorded as 0 with a note.
    const awards = capRuleAwards([{ amount: points, type: PointsEntryType.REFERRAL, note: '邀请的好友首次签到' }], caps, earnedByRulesOn(inviter, day));
    const applied = await this.points.payRuleAwards(tx, {
      communityId: checkIn.communityId,
      memberId: referral.inviterId,
      locked: inviter,
      day,
      at: checkIn.at,
      reference: `referral:${referral.id}`,
      awards,
    });
    // A balance at the column's limit takes nothing more: the referral is settled unpaid.
    if (!applied) await runStatement(tx, 'update referral set status = ?, points = 0 where id = ?', [ReferralStatus.CAPPED, referral.id]);
    else if (awards[0].amount !== points) await runStatement(tx, 'update referral set points = ? where id = ?', [awards[0].amount, referral.id]);
  }
}
