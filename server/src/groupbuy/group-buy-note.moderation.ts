import { placeholders, runStatement, selectRows } from '../db/sql';
import type { ContentStatus } from '../content-safety/content-safety.enums';
import type { ModerationTarget } from '../content-safety/moderation-targets';

/** A 接龙 entry's note as moderation sees it (GROUP_BUY_NOTE, by group_buy_entry.id); only entries with a note count. */
export const groupBuyNoteTarget: ModerationTarget = {
  async describe(target, ids) {
    if (ids.length === 0) return [];
    const rows = await selectRows<{ id: number; community_id: number; member_id: number; user_id: number; note: string; note_status: ContentStatus }>(
      target,
      `select e.id, e.community_id, e.member_id, m.user_id, e.note, e.note_status from group_buy_entry e join member m on m.id = e.member_id
        where e.id in (${placeholders(ids.length)}) and e.note is not null`,
      ids,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      communityId: Number(row.community_id),
      authorUserId: Number(row.user_id),
      authorMemberId: Number(row.member_id),
      excerpt: row.note,
      status: row.note_status,
    }));
  },

  async setStatus(target, id, status, at) {
    await runStatement(target, 'update group_buy_entry set note_status = ?, updated_at = ? where id = ?', [status, at, id]);
  },
};
