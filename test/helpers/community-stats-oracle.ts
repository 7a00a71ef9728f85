import type { EntityManager } from '@mikro-orm/knex';
import type { Community } from '../../server/src/community/community.entity';
import { selectRows, SqlTarget } from '../../server/src/db/sql';
import { CouponStatus } from '../../server/src/coupon/coupon.enums';
import { LIVE } from '../../server/src/groupbuy/group-buy-entry.entity';
import { MemberStatus } from '../../server/src/member/member.enums';
import { PointsEntryType } from '../../server/src/points/points.enums';
import { ApplicationStatus } from '../../server/src/questionnaire/questionnaire.enums';
import { CommunityDayStats, CommunityStats } from '../../server/src/health/community-stats.types';
import { addDays, localMidnight } from '../../server/src/common/local-date';
import { LocalDayRange, parseLocalDayRange } from '../../server/src/health/local-day-range';
import { dayNumberToDate, localDayNumberOf, localDayOf } from '../../server/src/health/local-day-sql';

type DayCounts = Map<string, { n: number; m: number }>;

/**
 * The dashboard's numbers by their definitions, straight from the raw rows: the statements
 * communityStats ran before the rollups (health/rollups/), kept here as the oracle the rollups are
 * compared with. The operator's numbers for a range of community-local dates. A fixed set of statements whatever
 * the range or the history: each per-day series is one GROUP BY over an index that starts with
 * the community and the time (so history outside the range is never read), and the scalars are
 * one statement of subqueries. Distinct active members are counted per member (one probe of the
 * (member, day) key each), not by a DISTINCT over the range's activity rows: the work is bounded
 * by the members, whatever the activity. Formulas: the spec's "Community health".
 */
export class RawCommunityStats {
  async stats(em: EntityManager, community: Pick<Community, 'id' | 'timezone'>, from: string, to: string): Promise<CommunityStats> {
    const communityId = community.id;
    const range = parseLocalDayRange(from, to, community.timezone);
    const [scalars, checkIns, active, joined, points, issued, used, retention] = await Promise.all([
      this.scalars(em, communityId, range),
      this.perDay(em, 'select day as d, count(*) as n, 0 as m from checkin where community_id = ? and day >= ? and day <= ? group by day', [communityId, range.from, range.to]),
      this.perDay(em, 'select day as d, count(*) as n, 0 as m from member_activity_day where community_id = ? and day >= ? and day <= ? group by day', [communityId, range.from, range.to]),
      this.perDay(
        em,
        `select ${localDayNumberOf(em, 'joined_at', range)} as d, count(*) as n, 0 as m from member
          where community_id = ? and status <> ? and joined_at >= ? and joined_at < ? group by 1`,
        [communityId, MemberStatus.APPLICANT, range.start, range.end],
      ),
      this.perDay(
        em,
        `select ${localDayNumberOf(em, 'created_at', range)} as d,
                sum(case when amount > 0 and type <> ? then amount else 0 end) as n,
                sum(case when type = ? then -amount else 0 end) as m
           from points_entry where community_id = ? and created_at >= ? and created_at < ? group by 1`,
        [PointsEntryType.COUPON_REFUND, PointsEntryType.COUPON_REDEEM, communityId, range.start, range.end],
      ),
      this.perDay(
        em,
        `select ${localDayNumberOf(em, 'redeemed_at', range)} as d, count(*) as n, 0 as m from coupon
          where community_id = ? and redeemed_at >= ? and redeemed_at < ? group by 1`,
        [communityId, range.start, range.end],
      ),
      this.perDay(
        em,
        `select ${localDayNumberOf(em, 'used_at', range)} as d, count(*) as n, 0 as m from coupon
          where community_id = ? and used_at >= ? and used_at < ? and status = ? group by 1`,
        [communityId, range.start, range.end, CouponStatus.USED],
      ),
      this.retention7(em, communityId, range),
    ]);

    const days = range.days.map((date) =>
      Object.assign(new CommunityDayStats(), {
        date,
        checkIns: checkIns.get(date)?.n ?? 0,
        activeMembers: active.get(date)?.n ?? 0,
        newMembers: joined.get(date)?.n ?? 0,
        pointsIssued: points.get(date)?.n ?? 0,
        pointsSpent: points.get(date)?.m ?? 0,
        couponsIssued: issued.get(date)?.n ?? 0,
        couponsUsed: used.get(date)?.n ?? 0,
      }),
    );
    const sum = (key: keyof Omit<CommunityDayStats, 'date'>) => days.reduce((total, day) => total + day[key], 0);
    const totalCheckIns = sum('checkIns');
    const couponsIssued = sum('couponsIssued');
    const couponsUsed = sum('couponsUsed');
    return Object.assign(new CommunityStats(), {
      from: range.from,
      to: range.to,
      totalMembers: scalars.totalMembers,
      newMembers: sum('newMembers'),
      activeMembers: scalars.activeMembers,
      checkIns: totalCheckIns,
      checkInRate: scalars.totalMembers === 0 ? 0 : totalCheckIns / (range.days.length * scalars.totalMembers),
      retention7: retention,
      pointsIssued: sum('pointsIssued'),
      pointsSpent: sum('pointsSpent'),
      couponsIssued,
      couponsUsed,
      redemptionRate: couponsIssued === 0 ? null : couponsUsed / couponsIssued,
      groupBuyParticipants: scalars.groupBuyParticipants,
      groupBuyAmountFen: scalars.groupBuyAmountFen,
      signups: scalars.signups,
      pendingApplications: scalars.pendingApplications,
      joinsByInvite: scalars.joinsByInvite,
      days,
    });
  }

  /** Per-day sums keyed by date; `d` is a YYYY-MM-DD date or a day number (localDayNumberOf). */
  private async perDay(target: SqlTarget, sql: string, params: unknown[]): Promise<DayCounts> {
    const rows = await selectRows<{ d: string | number; n: number | string | null; m: number | string | null }>(target, sql, params);
    const dateOf = (d: string | number) => (typeof d === 'number' || /^\d+$/.test(d) ? dayNumberToDate(Number(d)) : d);
    return new Map(rows.map((row) => [dateOf(row.d), { n: Number(row.n ?? 0), m: Number(row.m ?? 0) }]));
  }

  private async scalars(target: SqlTarget, communityId: number, range: LocalDayRange) {
    const [row] = await selectRows<Record<string, number | string | null>>(
      target,
      `select
         (select count(*) from member where community_id = ? and joined_at < ?
             and (status = ? or (status in (?, ?) and left_at >= ?))) as total_members,
         (select count(*) from member m where m.community_id = ?
             and exists (select 1 from member_activity_day a where a.member_id = m.id and a.day >= ? and a.day <= ?)) as active_members,
         (select count(*) from group_buy_entry where community_id = ? and live_key = ? and created_at >= ? and created_at < ?) as gb_participants,
         (select coalesce(sum(e.quantity * g.price_fen), 0) from group_buy_entry e join group_buy g on g.id = e.group_buy_id
           where e.community_id = ? and e.live_key = ? and e.created_at >= ? and e.created_at < ?) as gb_amount,
         (select count(*) from signup_submission where community_id = ? and created_at >= ? and created_at < ?) as signups,
         (select count(*) from membership_application where community_id = ? and status = ?) as pending,
         (select count(*) from referral where community_id = ? and created_at >= ? and created_at < ?) as joins_by_invite`,
      [
        communityId, range.end, MemberStatus.ACTIVE, MemberStatus.REMOVED, MemberStatus.BANNED, range.end,
        communityId, range.from, range.to,
        communityId, LIVE, range.start, range.end,
        communityId, LIVE, range.start, range.end,
        communityId, range.start, range.end,
        communityId, ApplicationStatus.PENDING,
        communityId, range.start, range.end,
      ],
    );
    return {
      totalMembers: Number(row.total_members),
      activeMembers: Number(row.active_members),
      groupBuyParticipants: Number(row.gb_participants),
      groupBuyAmountFen: Number(row.gb_amount),
      signups: Number(row.signups),
      pendingApplications: Number(row.pending),
      joinsByInvite: Number(row.joins_by_invite),
    };
  }

  /** Of the members who joined in from..to−7, the share active on one of the 7 days after their join day. */
  private async retention7(target: SqlTarget, communityId: number, range: LocalDayRange): Promise<number | null> {
    const lastJoinDay = addDays(range.to, -7);
    if (lastJoinDay < range.from) return null;
    const [row] = await selectRows<{ cohort: number | string; retained: number | string | null }>(
      target,
      `select count(*) as cohort,
              sum(case when exists (select 1 from member_activity_day a
                                     where a.member_id = m.id and a.day > ${localDayOf(target, 'm.joined_at', range)}
                                       and a.day <= ${localDayOf(target, 'm.joined_at', range, 7)}) then 1 else 0 end) as retained
         from member m where m.community_id = ? and m.status <> ? and m.joined_at >= ? and m.joined_at < ?`,
      [communityId, MemberStatus.APPLICANT, range.start, localMidnight(addDays(lastJoinDay, 1), range.timezone)],
    );
    const cohort = Number(row.cohort);
    return cohort === 0 ? null : Number(row.retained ?? 0) / cohort;
  }
}
