import type { EntityManager } from '@mikro-orm/knex';
import type { AppServices } from './app-services';
import { communityLoaders } from './community/community.loaders';
import { couponLoaders } from './coupon/coupon.loaders';
import { groupBuyLoaders } from './groupbuy/group-buy.loaders';
import { memberLoaders } from './member/member.loaders';
import { signupLoaders } from './signup/signup.loaders';
import { tierLoaders } from './tier/tier.loaders';
import { userLoaders } from './user/user.loaders';
import type { Member } from './member/member.entity';
import type { User } from './user/user.entity';

/**
 * What every resolver and service method receives first: the request's own EntityManager
 * fork (never the global one), the caller, the app's services and per-request caches.
 */
export interface RequestContext {
  em: EntityManager;
  user: User | null;
  services: AppServices;
  loaders: RequestLoaders;
  /** The caller's Member row per community, looked up once per request. */
  callerMembers: Map<number, Promise<Member | null>>;
  /** The client's address (X-Forwarded-For from trusted proxies only), for the per-address rate limits. */
  clientAddress: string;
}

/** Per-request batching, each domain's loaders from its own `*.loaders.ts`: one query per kind of row however many a list shows. */
function createLoaders(em: EntityManager) {
  return {
    ...userLoaders(em),
    ...communityLoaders(em),
    ...memberLoaders(em),
    ...tierLoaders(em),
    ...couponLoaders(em),
    ...groupBuyLoaders(em),
    ...signupLoaders(em),
  };
}

export type RequestLoaders = ReturnType<typeof createLoaders>;

export async function createRequestContext(services: AppServices, authorization: string | undefined, clientAddress: string): Promise<RequestContext> {
  const em = services.orm.em.fork() as EntityManager;
  const user = authorization ? await services.sessions.authenticate(em, authorization) : null;
  const loaders = createLoaders(em);
  if (user) loaders.user.prime(user.id, user);
  return { em, user, services, loaders, callerMembers: new Map(), clientAddress };
}
