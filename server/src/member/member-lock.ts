import { isMySql, selectRows, SqlTarget } from '../db/sql';

/** What a business action needs of the member row it has locked. */
export interface LockedMember {
  points: number;
  streak: number;
  lastCheckInOn: string | null;
  status: string;
  tierLevel: number;
}

/**
 * Serializes one member's business actions (check-in, redemption, refund…) on MySQL: the first
 * statement of the transaction takes the member row FOR UPDATE. Taking it first matters: a later
 * INSERT whose foreign key points at the member takes a shared lock on that row, and two such
 * shared locks upgraded to exclusive ones deadlock. What it reads is current until the commit,
 * since nothing else can change the row meanwhile. (SQLite has one writer at a time; the same
 * read takes nothing there.)
 *
 * A hand-written statement on purpose: loading the row through the EntityManager would refresh
 * the request's managed Member, and the commit-time flush would write its stale fields back.
 */
export async function lockMember(tx: SqlTarget, memberId: number): Promise<LockedMember> {
  const [row] = await selectRows<{ points: number; streak: number; lastCheckInOn: string | null; status: string; tierLevel: number }>(
    tx,
    `select points, streak, last_check_in_on as lastCheckInOn, status, tier_level as tierLevel from member where id = ?${isMySql(tx) ? ' for update' : ''}`,
    [memberId],
  );
  if (!row) throw new Error(`member ${memberId} vanished`);
  return { points: Number(row.points), streak: Number(row.streak), lastCheckInOn: row.lastCheckInOn, status: row.status, tierLevel: Number(row.tierLevel) };
}
