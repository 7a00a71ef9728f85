import type { EntityManager } from '@mikro-orm/knex';
import { selectRows } from '../db/sql';
import { ADMIN_ROLES, MemberStatus } from '../member/member.enums';
import type { Recipient } from '../notification/notification-drafts';

/** The admin page of a community's live codes, as a message opens it. */
export const adminPageOf = (communityId: number) => `admin/pages/group-codes/index?id=${communityId}`;

/** The mini-program path of a live code's public page. */
export const GROUP_CODE_PAGE = 'groupcode/pages/view/index';
export const publicPathOf = (slug: string) => `${GROUP_CODE_PAGE}?s=${slug}`;

/** Who hears about a community's live codes: its active OWNER and ADMINs. */
export async function adminsOf(em: EntityManager, communityId: number): Promise<Recipient[]> {
  const rows = await selectRows<{ memberId: number; userId: number }>(
    em,
    `select id as "memberId", user_id as "userId" from member where community_id = ? and status = ? and role in (?, ?)`,
    [communityId, MemberStatus.ACTIVE, ...ADMIN_ROLES],
  );
  return rows.map((row) => ({ communityId, memberId: Number(row.memberId), userId: Number(row.userId) }));
}
