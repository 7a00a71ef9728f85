import { addDays } from '../../common/local-date';
import { deferStatement, isMySql, runStatement, selectRows, SqlTarget, SqlTransaction, type Statement } from '../../db/sql';
import { MAX_RANGE_DAYS } from '../local-day-range';

/**
 * The statements that keep the dashboard's daily rollups (rollup.entities.ts) in step with the raw
 * rows, each made in the transaction that writes those rows: an upsert adding to a counter
 * (`ON DUPLICATE KEY UPDATE x = x + …` on MySQL/MariaDB, `ON CONFLICT … DO UPDATE` on SQLite).
 * They are made to ride the transaction's next round trip (deferStatement) or go with its COMMIT
 * (commitIfChanged), so a check-in or a redemption sends nothing more, and holds the rollup row's
 * lock only inside the database.
 */

/** Rows per community-day: simultaneous writers of one community spread over them by member. */
export const ROLLUP_SHARDS = 4;

export type DayCounter =
  | 'checkIns'
  | 'activeMembers'
  | 'newMembers'
  | 'leftMembers'
  | 'retained7'
  | 'pointsIssued'
  | 'pointsSpent'
  | 'couponsIssued'
  | 'couponsUsed';

export type DayDeltas = Partial<Record<DayCounter, number>>;

export const DAY_COLUMNS: Record<DayCounter, string> = {
  checkIns: 'check_ins',
  activeMembers: 'active_members',
  newMembers: 'new_members',
  leftMembers: 'left_members',
  retained7: 'retained7',
  pointsIssued: 'points_issued',
  pointsSpent: 'points_spent',
  couponsIssued: 'coupons_issued',
  couponsUsed: 'coupons_used',
};

export const shardOf = (spreadKey: number) => Math.abs(spreadKey) % ROLLUP_SHARDS;

/**
 * `insert into <table> (<keys>, <counters>) <source> <add the counters on a duplicate key>`. `source` is
 * `values (…)`, or a SELECT (which SQLite's upsert wants with a WHERE clause, so it always has one).
 */
function upsert(target: SqlTarget, table: string, keys: string[], counters: string[], source: string): string {
  const columns = [...keys, ...counters].join(', ');
  if (isMySql(target)) {
    return `insert into ${table} (${columns}) ${source} on duplicate key update ${counters.map((c) => `${c} = ${c} + values(${c})`).join(', ')}`;
  }
  return `insert into ${table} (${columns}) ${source} on conflict (${keys.join(', ')}) do update set ${counters.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
}

const nonZero = (deltas: DayDeltas) => (Object.entries(deltas) as Array<[DayCounter, number]>).filter(([, n]) => n !== 0);

/**
 * Adds `deltas` to the community's `day`; `when` (an SQL condition, db/sql.ts commitIfChanged) makes
 * it apply only if that holds. Null when there is nothing to add.
 */
export function dayStatsStatement(target: SqlTarget, communityId: number, spreadKey: number, day: string, deltas: DayDeltas, when: string | null = null): Statement | null {
  const entries = nonZero(deltas);
  if (entries.length === 0) return null;
  const values = entries.map(() => '?').join(', ');
  const source = when ? `select ?, ?, ?, ${values} from dual where ${when}` : `values (?, ?, ?, ${values})`;
  return {
    sql: upsert(target, 'community_day_stats', ['community_id', 'day', 'shard'], entries.map(([key]) => DAY_COLUMNS[key]), source),
    params: [communityId, day, shardOf(spreadKey), ...entries.map(([, n]) => n)],
  };
}

/** What a SqlTransaction has added so far, by community, day and shard: sent with its COMMIT, one upsert a row. */
const pendingDays = new WeakMap<SqlTransaction, Map<string, { communityId: number; spreadKey: number; day: string; deltas: DayDeltas }>>();

/**
 * Adds to the community's day. In a SqlTransaction (MySQL) the additions are merged per row and sent
 * with the COMMIT (SqlTransaction.atCommit), so a check-in's check-in and points are one upsert and
 * the rollup row is locked only while the database runs the last batch; elsewhere at once.
 */
export async function addToDay(target: SqlTarget, communityId: number, spreadKey: number, day: string, deltas: DayDeltas): Promise<void> {
  if (!(target instanceof SqlTransaction)) {
    const statement = dayStatsStatement(target, communityId, spreadKey, day, deltas);
    if (statement) await runStatement(target, statement.sql, statement.params);
    return;
  }
  let pending = pendingDays.get(target);
  if (!pending) {
    const rows = new Map<string, { communityId: number; spreadKey: number; day: string; deltas: DayDeltas }>();
    pendingDays.set(target, rows);
    target.atCommit(() => {
      pendingDays.delete(target);
      return [...rows.keys()].sort().flatMap((key) => {
        const row = rows.get(key)!;
        return dayStatsStatement(target, row.communityId, row.spreadKey, row.day, row.deltas) ?? [];
      });
    });
    pending = rows;
  }
  const key = `${communityId}|${day}|${shardOf(spreadKey)}`;
  const row = pending.get(key) ?? { communityId, spreadKey, day, deltas: {} };
  for (const [counter, n] of Object.entries(deltas) as Array<[DayCounter, number]>) row.deltas[counter] = (row.deltas[counter] ?? 0) + n;
  pending.set(key, row);
}

/** Adds to the members counted now (community_member_tally). */
export async function addToTally(target: SqlTarget, communityId: number, spreadKey: number, members: number): Promise<void> {
  if (members === 0) return;
  const sql = upsert(target, 'community_member_tally', ['community_id', 'shard'], ['members'], 'values (?, ?, ?)');
  await deferStatement(target, sql, [communityId, shardOf(spreadKey), members]);
}

/** The member's last active day before `day`, as a derived table `p(d)` (NULL when none). */
const previousActiveDay = '(select max(day) as d from member_activity_day where member_id = ? and day < ?) p';

/**
 * What a member's first activity on `day` (the member_activity_day row just inserted, `when` it was)
 * adds: the day's active members; the return row that keeps the range's distinct active members
 * countable (since = the previous active day, '' when none within a range's reach); and, on one of
 * the 7 days after the member's join day with no activity since that day, the join day's retained7.
 */
export function firstActivityStatements(
  target: SqlTarget,
  member: { communityId: number; memberId: number; joinedDay: string },
  day: string,
  when: string | null,
): Statement[] {
  const { communityId, memberId, joinedDay } = member;
  const condition = when ?? '1 = 1';
  const statements = [
    dayStatsStatement(target, communityId, memberId, day, { activeMembers: 1 }, when)!,
    {
      sql: upsert(
        target,
        'community_return_day',
        ['community_id', 'day', 'since'],
        ['members'],
        `select ?, ?, case when p.d >= ? then p.d else '' end, 1 from ${previousActiveDay} where ${condition}`,
      ),
      params: [communityId, day, addDays(day, -(MAX_RANGE_DAYS - 1)), memberId, day],
    },
  ];
  if (joinedDay < day && day <= addDays(joinedDay, 7)) {
    statements.push({
      sql: upsert(target, 'community_day_stats', ['community_id', 'day', 'shard'], ['retained7'], `select ?, ?, ?, 1 from ${previousActiveDay} where (p.d is null or p.d <= ?) and ${condition}`),
      params: [communityId, joinedDay, shardOf(memberId), memberId, day, joinedDay],
    });
  }
  return statements;
}

const timezones = new Map<number, string>();

/**
 * A community's timezone, which decides the day a row counts on. It never changes once the
 * community exists (no operation sets it), so each process keeps what it read.
 */
export async function communityTimezone(target: SqlTarget, communityId: number): Promise<string> {
  const known = timezones.get(communityId);
  if (known) return known;
  const [row] = await selectRows<{ timezone: string }>(target, 'select timezone from community where id = ?', [communityId]);
  if (!row) throw new Error(`no community ${communityId}`);
  timezones.set(communityId, row.timezone);
  return row.timezone;
}

/** For a caller that has read the community already (the caller's member row carries it). */
export function rememberTimezone(communityId: number, timezone: string): void {
  if (!timezones.has(communityId)) timezones.set(communityId, timezone);
}
