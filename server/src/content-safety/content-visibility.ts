import { selectRows } from '../db/sql';
import type { ServiceContext } from '../service-context';
import { ADMIN_ROLES, MemberRole, MemberStatus } from '../member/member.enums';
import { ContentStatus } from './content-safety.enums';

export interface GuardedContent {
  status: ContentStatus | string;
  communityId: number;
  authorUserId: number;
}

/** Per request: whether the caller administers a community (asked only for content that is not VISIBLE). */
const adminOf = new WeakMap<ServiceContext, Map<number, Promise<boolean>>>();

/**
 * Whether the caller may see a piece of content: VISIBLE content everyone who sees its row; REVIEW and
 * HIDDEN content its author and the community's active admins only. Others get nothing from the domain's
 * field (null), which the app shows as a neutral placeholder.
 */
export async function callerSees(ctx: ServiceContext, content: GuardedContent): Promise<boolean> {
  if (content.status === ContentStatus.VISIBLE) return true;
  if (ctx.userId === null) return false;
  if (ctx.userId === content.authorUserId) return true;
  return callerAdministers(ctx, content.communityId);
}

export function callerAdministers(ctx: ServiceContext, communityId: number): Promise<boolean> {
  let communities = adminOf.get(ctx);
  if (!communities) adminOf.set(ctx, (communities = new Map()));
  let answer = communities.get(communityId);
  if (!answer) {
    answer = selectRows<{ role: string; status: string }>(ctx.em, 'select role, status from member where community_id = ? and user_id = ?', [communityId, ctx.userId]).then(
      ([row]) => Boolean(row && row.status === MemberStatus.ACTIVE && (ADMIN_ROLES as readonly MemberRole[]).includes(row.role as MemberRole)),
    );
    communities.set(communityId, answer);
  }
  return answer;
}
