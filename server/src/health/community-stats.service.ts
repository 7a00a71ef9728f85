import type { EntityManager } from '@mikro-orm/knex';
import type { Community } from '../community/community.entity';
import { selectRows, SqlTarget } from '../db/sql';
import { LIVE } from '../groupbuy/group-buy-entry.entity';
import { ApplicationStatus } from '../questionnaire/questionnaire.enums';
import { CommunityDayStats, CommunityStats } from './community-stats.types';
import { addDays } from '../common/local-date';
import { LocalDayRange, parseLocalDayRange } from './local-day-range';
import { DAY_COLUMNS } from './rollups/rollup-writes';

type DayCounter = Exclude<keyof CommunityDayStats, 'date'> | 'retained7';

/** The day's counters summed over its shards, each under its column's name. */
const DAY_SUMS = (['checkIns', 'activeMembers', 'newMembers', 'pointsIssued', 'pointsSpent', 'couponsIssued', 'couponsUsed', 'retained7'] as const)
  .map((key) => `sum(${DAY_COLUMNS[key]}) as ${DAY_COLUMNS[key]}`)
  .join(', ');

/**
 * The operator's numbers for a range of community-local dates, read from the daily rollups
 * (rollups/: written in the transactions that change the raw rows) so that a 90-day range reads
 * about 90 rows a counter whatever the history and the member count: the per-day series, the
 * cohort for retention and its retained members are sums of community_day_stats; the distinct
 * members active in the range are the return rows whose previous active day is before `from`;
 * the members at the end of `to` are the tally less what changed after `to`. The group-buy, sign-up,
 * invite and pending-application figures are counts of their own few rows. Formulas: the spec's
 * "Community health".
 */
export class CommunityStatsService {
  async stats(em: EntityManager, community: Pick<Community, 'id' | 'timezone'>, from: string, to: string): Promise<CommunityStats> {
    const communityId = community.id;
    const range = parseLocalDayRange(from, to, community.timezone);
    const lastJoinDay = addDays(range.to, -7);
    const [scalars, daily, members] = await Promise.all([
      this.scalars(em, communityId, range),
      selectRows<Record<string, string | number | null>>(
        em,
        `select day, ${DAY_SUMS} from community_day_stats where community_id = ? and day >= ? and day <= ? group by day`,
        [communityId, range.from, range.to],
      ),
      selectRows<{ total: string | number | null; active: string | number | null }>(
        em,
        `select (select coalesce(sum(members), 0) from community_member_tally where community_id = ?)
              - (select coalesce(sum(new_members - left_members), 0) from community_day_stats where community_id = ? and day > ?) as total,
                (select coalesce(sum(members), 0) from community_return_day where community_id = ? and day >= ? and day <= ? and since < ?) as active`,
        [communityId, communityId, range.to, communityId, range.from, range.to, range.from],
      ),
    ]);
    const byDay = new Map(daily.map((row) => [String(row.day), row]));
    const counter = (date: string, key: DayCounter) => Number(byDay.get(date)?.[DAY_COLUMNS[key]] ?? 0);
    const days = range.days.map((date) =>
      Object.assign(new CommunityDayStats(), {
        date,
        checkIns: counter(date, 'checkIns'),
        activeMembers: counter(date, 'activeMembers'),
        newMembers: counter(date, 'newMembers'),
        pointsIssued: counter(date, 'pointsIssued'),
        pointsSpent: counter(date, 'pointsSpent'),
        couponsIssued: counter(date, 'couponsIssued'),
        couponsUsed: counter(date, 'couponsUsed'),
      }),
    );
    const sum = (key: keyof Omit<CommunityDayStats, 'date'>) => days.reduce((total, day) => total + day[key], 0);
    // Retention: of the members who joined in from..to−7, the share active on one of the 7 days after their join day.
    const cohortDays = range.days.filter((date) => date <= lastJoinDay);
    const cohort = cohortDays.reduce((total, date) => total + counter(date, 'newMembers'), 0);
    const retained = cohortDays.reduce((total, date) => total + counter(date, 'retained7'), 0);
    const totalMembers = Number(members[0].total ?? 0);
    const totalCheckIns = sum('checkIns');
    const couponsIssued = sum('couponsIssued');
    const couponsUsed = sum('couponsUsed');
    return Object.assign(new CommunityStats(), {
      from: range.from,
      to: range.to,
      totalMembers,
      newMembers: sum('newMembers'),
      activeMembers: Number(members[0].active ?? 0),
      checkIns: totalCheckIns,
      checkInRate: totalMembers === 0 ? 0 : totalCheckIns / (range.days.length * totalMembers),
      retention7: cohort === 0 ? null : retained / cohort,
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

  private async scalars(target: SqlTarget, communityId: number, range: LocalDayRange) {
    const [row] = await selectRows<Record<string, number | string | null>>(
      target,
      `select
         (select count(*) from group_buy_entry where community_id = ? and live_key = ? and created_at >= ? and created_at < ?) as gb_participants,
         (select coalesce(sum(e.quantity * g.price_fen), 0) from group_buy_entry e join group_buy g on g.id = e.group_buy_id
           where e.community_id = ? and e.live_key = ? and e.created_at >= ? and e.created_at < ?) as gb_amount,
         (select count(*) from signup_submission where community_id = ? and created_at >= ? and created_at < ?) as signups,
         (select count(*) from membership_application where community_id = ? and status = ?) as pending,
         (select count(*) from referral where community_id = ? and created_at >= ? and created_at < ?) as joins_by_invite`,
      [
        communityId, LIVE, range.start, range.end,
        communityId, LIVE, range.start, range.end,
        communityId, range.start, range.end,
        communityId, ApplicationStatus.PENDING,
        communityId, range.start, range.end,
      ],
    );
    return {
      groupBuyParticipants: Number(row.gb_participants),
      groupBuyAmountFen: Number(row.gb_amount),
      signups: Number(row.signups),
      pendingApplications: Number(row.pending),
      joinsByInvite: Number(row.joins_by_invite),
    };
  }
}
