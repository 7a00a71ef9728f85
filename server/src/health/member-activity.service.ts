import { commitIfChanged, insertIgnoreInto, isMySql, runStatement, selectRows, SqlTarget } from '../db/sql';
import { firstActivityStatements } from './rollups/rollup-writes';

/** The member whose day is marked: its community, and its join day (community-local), which retention counts from. */
export interface ActiveMember {
  communityId: number;
  memberId: number;
  joinedDay: string;
}

/**
 * Writes the daily activity rows (member_activity_day). Called by the member-access path on the
 * first request of a member's local day, so it costs one INSERT per member per day; every other
 * request of the day writes nothing here.
 */
export class MemberActivityService {
  /**
   * Marks the member active on `day`, with the dashboard's rollups of that first mark
   * (rollup-writes.ts firstActivityStatements), and commits: the transaction's last step. A second
   * mark of the same day (two first requests at once) changes nothing.
   */
  async recordDay(tx: SqlTarget, member: ActiveMember, day: string): Promise<void> {
    const mark = { sql: `${insertIgnoreInto(tx)} member_activity_day (member_id, day, community_id) values (?, ?, ?)`, params: [member.memberId, day, member.communityId] };
    if (isMySql(tx)) {
      await commitIfChanged(tx, mark, (when) => firstActivityStatements(tx, member, day, when));
      return;
    }
    // SQLite: the driver's row count of an INSERT OR IGNORE is not to be trusted; changes() is.
    await runStatement(tx, mark.sql, mark.params);
    const [{ n }] = await selectRows<{ n: number }>(tx, 'select changes() as n');
    if (Number(n) === 1) for (const { sql, params } of firstActivityStatements(tx, member, day, null)) await runStatement(tx, sql, params);
  }
}
