import type { ServiceContext } from '../service-context';
import type { User } from '../user/user.entity';
import { unauthenticated } from '../graphql/graphql-errors';

/** The caller as an entity, or UNAUTHENTICATED. */
export function requireUser(ctx: ServiceContext): User {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

/** The caller's user id, or UNAUTHENTICATED: no entity mapped for it (see SessionUser). */
export function requireUserId(ctx: ServiceContext): number {
  if (ctx.userId === null) throw unauthenticated();
  return ctx.userId;
}
