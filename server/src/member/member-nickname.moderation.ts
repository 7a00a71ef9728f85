import { placeholders, selectRows } from '../db/sql';
import { ContentStatus } from '../content-safety/content-safety.enums';
import type { ModerationTarget } from '../content-safety/moderation-targets';
import { setNicknameStatus } from './member-rows';

/**
 * A member's nickname as one community sees it (PROFILE_NICKNAME, by member.id). The nickname belongs to
 * the user (app_user, REVIEW while WeChat's check asks for a human); an admin hides it in their own
 * community only (member.nickname_status). Keeping it after review clears the user's REVIEW.
 */
export const memberNicknameTarget: ModerationTarget = {
  async describe(target, ids) {
    if (ids.length === 0) return [];
    const rows = await selectRows<{ id: number; community_id: number; user_id: number; nickname: string | null; member_status: string; user_status: string }>(
      target,
      `select m.id, m.community_id, m.user_id, u.nickname, m.nickname_status as member_status, u.nickname_status as user_status
        from member m join app_user u on u.id = m.user_id where m.id in (${placeholders(ids.length)}) and u.nickname is not null`,
      ids,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      communityId: Number(row.community_id),
      authorUserId: Number(row.user_id),
      authorMemberId: Number(row.id),
      excerpt: row.nickname,
      status: nicknameStatus(row.member_status, row.user_status),
    }));
  },

  setStatus: setNicknameStatus,
};

/** What others see of a nickname: hidden in this community, in review everywhere, or visible. */
export function nicknameStatus(memberStatus: string, userStatus: string): ContentStatus {
  if (memberStatus === ContentStatus.HIDDEN) return ContentStatus.HIDDEN;
  return userStatus === ContentStatus.REVIEW ? ContentStatus.REVIEW : ContentStatus.VISIBLE;
}
