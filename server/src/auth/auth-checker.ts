import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context';
import { unauthenticated } from '../graphql/graphql-errors';

/** `@Authorized()`: a logged-in user. Community roles are checked by `@RequireCommunityRole`. */
export const authChecker: AuthChecker<RequestContext> = ({ context }) => {
  if (context.userId === null) throw unauthenticated();
  return true;
};
