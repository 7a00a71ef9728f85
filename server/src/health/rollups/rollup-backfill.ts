import type { EntityManager } from '@mikro-orm/knex';
import { addDays, localDate, localMidnight } from '../../common/local-date';
import { CouponStatus } from '../../coupon/coupon.enums';
import { runStatement, selectRows } from '../../db/sql';
import { MemberStatus } from '../../member/member.enums';
import { PointsEntryType } from '../../points/points.enums';
import type { LocalDayRange } from '../local-day-range';
import { dayNumberToDate, localDayNumberOf, localDayOf } from '../local-day-sql';
import { DAY_COLUMNS, DayCounter } from './rollup-writes';
import { toDate } from './member-rollups';
import { MAX_RANGE_DAYS } from '../local-day-range';

type Row = Record<string, unknown>;

/**
 * Rebuilds every community's rollups from the raw rows, by the dashboard's definitions (what the
 * transactions add as they go, computed at once): run by the migration that introduced them, and
 * by hand after repairing raw rows (idempotent: each community's rollups are replaced).
 */
export async function rebuildAllRollups(em: EntityManager): Promise<void> {
  const communities = await selectRows<{ id: number; timezone: string }>(em, 'select id, timezone from community order by id');
  for (const community of communities) await rebuildRollups(em, Number(community.id), community.timezone);
}

export async function rebuildRollups(em: EntityManager, communityId: number, timezone: string): Promise<void> {
  const range = await historyOf(em, communityId, timezone);
  const days = new Map<string, Partial<Record<DayCounter, number>>>();
  const add = (rows: Row[], key: DayCounter, column = 'n') => {
    for (const row of rows) {
      const n = Number(row[column] ?? 0);
      if (n === 0) continue;
      const day = typeof row.d === 'string' && row.d.includes('-') ? row.d : dayNumberToDate(Number(row.d));
      const counters = days.get(day) ?? {};
      counters[key] = (counters[key] ?? 0) + n;
      days.set(day, counters);
    }
  };
  const dayOf = (column: string) => localDayNumberOf(em, column, range);
  const q = (sql: string, params: unknown[]) => selectRows<Row>(em, sql, params);

  add(await q('select day as d, count(*) as n from checkin where community_id = ? group by day', [communityId]), 'checkIns');
  add(await q('select day as d, count(*) as n from member_activity_day where community_id = ? group by day', [communityId]), 'activeMembers');
  add(await q(`select ${dayOf('joined_at')} as d, count(*) as n from member where community_id = ? and status <> ? group by 1`, [communityId, MemberStatus.APPLICANT]), 'newMembers');
  add(
    await q(`select ${dayOf('coalesce(left_at, joined_at)')} as d, count(*) as n from member where community_id = ? and status in (?, ?) group by 1`, [
      communityId,
      MemberStatus.REMOVED,
      MemberStatus.BANNED,
    ]),
    'leftMembers',
  );
  add(
    await q(
      `select ${dayOf('m.joined_at')} as d, count(*) as n from member m where m.community_id = ? and m.status <> ?
          and exists (select 1 from member_activity_day a where a.member_id = m.id
                        and a.day > ${localDayOf(em, 'm.joined_at', range)} and a.day <= ${localDayOf(em, 'm.joined_at', range, 7)})
        group by 1`,
      [communityId, MemberStatus.APPLICANT],
    ),
    'retained7',
  );
  const points = await q(
    `select ${dayOf('created_at')} as d,
            sum(case when amount > 0 and type <> ? then amount else 0 end) as n,
            sum(case when type = ? then -amount else 0 end) as m
       from points_entry where community_id = ? group by 1`,
    [PointsEntryType.COUPON_REFUND, PointsEntryType.COUPON_REDEEM, communityId],
  );
  add(points, 'pointsIssued');
  add(points, 'pointsSpent', 'm');
  add(await q(`select ${dayOf('redeemed_at')} as d, count(*) as n from coupon where community_id = ? group by 1`, [communityId]), 'couponsIssued');
  add(await q(`select ${dayOf('used_at')} as d, count(*) as n from coupon where community_id = ? and used_at is not null and status = ? group by 1`, [communityId, CouponStatus.USED]), 'couponsUsed');

  const returns = new Map<string, number>();
  for (const row of await q(
    `select a.day as d, (select max(p.day) from member_activity_day p where p.member_id = a.member_id and p.day < a.day) as since, count(*) as n
       from member_activity_day a where a.community_id = ? group by 1, 2`,
    [communityId],
  )) {
    const day = String(row.d);
    const since = row.since != null && String(row.since) >= addDays(day, -(MAX_RANGE_DAYS - 1)) ? String(row.since) : '';
    const key = `${day}|${since}`;
    returns.set(key, (returns.get(key) ?? 0) + Number(row.n));
  }
  let tally = 0;
  for (const counters of days.values()) tally += (counters.newMembers ?? 0) - (counters.leftMembers ?? 0);

  for (const table of ['community_day_stats', 'community_return_day', 'community_member_tally']) await runStatement(em, `delete from ${table} where community_id = ?`, [communityId]);
  const keys = Object.keys(DAY_COLUMNS) as DayCounter[];
  await insertRows(em, 'community_day_stats', ['community_id', 'day', 'shard', ...keys.map((key) => DAY_COLUMNS[key])], [...days].map(([day, counters]) => [communityId, day, 0, ...keys.map((key) => counters[key] ?? 0)]));
  await insertRows(em, 'community_return_day', ['community_id', 'day', 'since', 'members'], [...returns].map(([key, n]) => [communityId, ...key.split('|'), n]));
  await insertRows(em, 'community_member_tally', ['community_id', 'shard', 'members'], [[communityId, 0, tally]]);
}

async function insertRows(em: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const values = batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await runStatement(em, `insert into ${table} (${columns.join(', ')}) values ${values}`, batch.flat());
  }
}

/** The local dates from the community's first row to today: the span whose timezone offsets the day expressions need. */
async function historyOf(em: EntityManager, communityId: number, timezone: string): Promise<LocalDayRange> {
  const [row] = await selectRows<{ first: unknown }>(em, 'select min(created_at) as first from member where community_id = ?', [communityId]);
  const first = row?.first == null ? new Date() : toDate(row.first);
  const from = addDays(localDate(new Date(Math.min(first.getTime(), Date.now())), timezone), -1);
  const to = addDays(localDate(new Date(), timezone), 1);
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return { from, to, timezone, days, start: localMidnight(from, timezone), end: localMidnight(addDays(to, 1), timezone) };
}
