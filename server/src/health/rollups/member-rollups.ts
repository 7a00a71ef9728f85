import { addDays, localDate } from '../../common/local-date';
import { isMySql, selectRows, SqlTarget } from '../../db/sql';
import { MemberStatus } from '../../member/member.enums';
import { addToDay, addToTally, communityTimezone, DayDeltas } from './rollup-writes';

/**
 * What a member row adds to the rollups, by the dashboard's definitions: counted in newMembers on
 * its join day (unless APPLICANT), with retained7 there when active on one of the 7 days after it;
 * counted in totalMembers from its join day until its leave day (REMOVED / BANNED; a row gone with
 * no leave time never counted). Every write that changes a member's status, joined_at or left_at
 * reads the row before (locked) and after, and adds the difference, in its transaction.
 */
export interface MemberStatsRow {
  id: number;
  communityId: number;
  status: MemberStatus;
  joinedAt: Date;
  leftAt: Date | null;
}

/** A DATETIME as the drivers answer it: a Date, a UTC 'YYYY-MM-DD HH:MM:SS.mmm' string (MySQL), epoch milliseconds (SQLite, as MikroORM stores it). */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && !/^\d+$/.test(value)) return new Date(`${value.replace(' ', 'T')}Z`);
  return new Date(Number(value));
}

/** The rows as they are now, locked against a concurrent change on MySQL (the caller's transaction). */
export async function memberStatsRows(tx: SqlTarget, where: string, params: unknown[]): Promise<MemberStatsRow[]> {
  const rows = await selectRows<Record<string, unknown>>(
    tx,
    `select id, community_id, status, joined_at, left_at from member where ${where} order by id${isMySql(tx) ? ' for update' : ''}`,
    params,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    communityId: Number(row.community_id),
    status: row.status as MemberStatus,
    joinedAt: toDate(row.joined_at),
    leftAt: row.left_at == null ? null : toDate(row.left_at),
  }));
}

export const memberStatsRow = async (tx: SqlTarget, memberId: number) => (await memberStatsRows(tx, 'id = ?', [memberId]))[0] ?? null;

/** Adds `after`'s part and takes away `before`'s (either may be absent: a new row, a row unchanged). */
export async function recordMemberChange(tx: SqlTarget, before: MemberStatsRow | null, after: MemberStatsRow | null): Promise<void> {
  const row = after ?? before;
  if (!row) return;
  const timezone = await communityTimezone(tx, row.communityId);
  const byDay = new Map<string, DayDeltas>();
  let tally = 0;
  for (const [part, sign] of [[before, -1], [after, 1]] as const) {
    if (!part || part.status === MemberStatus.APPLICANT) continue;
    const joinedDay = localDate(part.joinedAt, timezone);
    add(byDay, joinedDay, 'newMembers', sign);
    if (await activeWithinAWeekOf(tx, part.id, joinedDay)) add(byDay, joinedDay, 'retained7', sign);
    tally += sign;
    if (part.status === MemberStatus.REMOVED || part.status === MemberStatus.BANNED) {
      add(byDay, localDate(part.leftAt ?? part.joinedAt, timezone), 'leftMembers', sign);
      tally -= sign;
    }
  }
  for (const day of [...byDay.keys()].sort()) await addToDay(tx, row.communityId, row.id, day, byDay.get(day)!);
  await addToTally(tx, row.communityId, row.id, tally);
}

function add(byDay: Map<string, DayDeltas>, day: string, key: keyof DayDeltas, n: number): void {
  const deltas = byDay.get(day) ?? {};
  deltas[key] = (deltas[key] ?? 0) + n;
  byDay.set(day, deltas);
}

async function activeWithinAWeekOf(tx: SqlTarget, memberId: number, joinedDay: string): Promise<boolean> {
  const rows = await selectRows(tx, 'select 1 as x from member_activity_day where member_id = ? and day > ? and day <= ? limit 1', [memberId, joinedDay, addDays(joinedDay, 7)]);
  return rows.length > 0;
}
