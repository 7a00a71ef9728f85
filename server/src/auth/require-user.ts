import type { RequestContext } from '../context';
import type { User } from '../user/user.entity';
import { unauthenticated } from '../graphql/graphql-errors';

export function requireUser(ctx: RequestContext): User {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}
