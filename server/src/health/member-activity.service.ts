import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { runStatement, SqlTarget } from '../db/sql';

/**
 * Writes the daily activity rows (member_activity_day). Called by the member-access path on the
 * first request of a member's local day, so it costs one INSERT per member per day; every other
 * request of the day writes nothing here.
 */
export class MemberActivityService {
  /** Marks the member active on `day`; a second mark of the same day (two first requests at once) is a no-op. */
  async recordDay(target: SqlTarget, communityId: number, memberId: number, day: string): Promise<void> {
    try {
      await runStatement(target, 'insert into member_activity_day (member_id, day, community_id) values (?, ?, ?)', [memberId, day, communityId]);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }
}
