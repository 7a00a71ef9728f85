import { isMySql, selectRows, SqlTarget } from '../db/sql';

/** What a business action needs of the member row it has locked. */
export interface LockedMember {
  points: number;
  streak: number;
  lastCheckInOn: string | null;
  status: string;
  tierLevel: number;
  /** The community-local day rulePointsThatDay counts, and what the member earned from rules that day (the economy's daily cap). */
  rulePointsOn: string | null;
  rulePointsThatDay: number;
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
export async function lockMember(tx: SqlTarget, memberId: number): Promise<LockedMember>;
/**
 * With `alsoRead`: more values read by the same statement, each an SQL expression over the member row
 * (alias `m`) by the name it comes back under, saving a round trip. They are plain reads, not locks:
 * MySQL and MariaDB lock a subquery's rows only when it says FOR UPDATE itself.
 */
export async function lockMember<Also extends string>(tx: SqlTarget, memberId: number, alsoRead: Record<Also, string>): Promise<LockedMember & Record<Also, unknown>>;
export async function lockMember(tx: SqlTarget, memberId: number, alsoRead: Record<string, string> = {}): Promise<LockedMember> {
  const also = Object.entries(alsoRead).map(([name, expression]) => `, ${expression} as ${name}`).join('');
  const [row] = await selectRows<Record<string, unknown>>(
    tx,
    `select points, streak, last_check_in_on as lastCheckInOn, status, tier_level as tierLevel, rule_points_on as rulePointsOn, rule_points_that_day as rulePointsThatDay${also}
       from member m where id = ?${isMySql(tx) ? ' for update' : ''}`,
    [memberId],
  );
  if (!row) throw new Error(`member ${memberId} vanished`);
  return {
    ...row,
    points: Number(row.points),
    streak: Number(row.streak),
    lastCheckInOn: row.lastCheckInOn as string | null,
    status: row.status as string,
    tierLevel: Number(row.tierLevel),
    rulePointsOn: row.rulePointsOn as string | null,
    rulePointsThatDay: Number(row.rulePointsThatDay),
  };
}
