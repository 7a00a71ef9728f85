import { createMethodMiddlewareDecorator } from 'type-graphql';
import type { RequestContext } from '../context';
import type { MemberRole } from '../member/member.enums';
import { MemberStatus } from '../member/member.enums';
import { forbidden } from '../graphql/graphql-errors';
import { parseId } from '../graphql/ids';
import { selectRows } from '../db/sql';
import { requireUser, requireUserId } from './require-user';

/**
 * Finds the community an operation acts on from its arguments. Returns null when the target
 * does not exist; the guard then answers FORBIDDEN, so a stranger learns nothing about it.
 */
export type CommunityLocator = (args: Record<string, unknown>, ctx: RequestContext) => Promise<number | null>;

export const communityFromArgs: CommunityLocator = async (args) => parseId(args.communityId as string, 'communityId');

/** For operations keyed by a row's id (the argument `idArgument`): the community of that row of `table`. */
export function communityOfRow(table: string, idArgument: string): CommunityLocator {
  const sql = `select community_id as communityId from ${table} where id = ?`;
  return async (args, ctx) => {
    const [row] = await selectRows<{ communityId: number }>(ctx.em, sql, [parseId(args[idArgument] as string, idArgument)]);
    return row ? Number(row.communityId) : null;
  };
}

/**
 * The one permission guard: the caller must be an ACTIVE member of the operation's community
 * with one of `roles` (an admin of one community is nobody in another). Every mutation it
 * guards is written to the audit log with its outcome.
 */
export function RequireCommunityRole(roles: readonly MemberRole[], locate: CommunityLocator = communityFromArgs) {
  return createMethodMiddlewareDecorator<RequestContext>(async ({ args, context, info }, next) => {
    requireUserId(context);
    const communityId = await locate(args, context);
    const caller = communityId === null ? null : await context.services.access.callerMember(context, communityId);
    if (!caller || caller.status !== MemberStatus.ACTIVE || !roles.includes(caller.role)) throw forbidden();

    const result = await next();
    if (info.parentType.name === 'Mutation') {
      await context.services.audit.record(context, { communityId: communityId!, actor: requireUser(context), action: info.fieldName, args, result });
    }
    return result;
  });
}
