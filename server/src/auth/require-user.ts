import type { ServiceContext } from '../service-context';
import type { User } from '../user/user.entity';
import { unauthenticated } from '../graphql/graphql-errors';

export function requireUser(ctx: ServiceContext): User {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}
