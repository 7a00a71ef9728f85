import type { EntityManager } from '@mikro-orm/knex';
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
 * What every service method receives first: the request's own EntityManager fork (never the global
 * one), the caller and per-request caches. Services get each other as constructor parameters
 * (app-services.ts), so this carries none of them; resolvers get the RequestContext (context.ts),
 * which adds the app's services.
 */
export interface ServiceContext {
  em: EntityManager;
  user: User | null;
  loaders: RequestLoaders;
  /** The caller's Member row per community, looked up once per request. */
  callerMembers: Map<number, Promise<Member | null>>;
  /** The client's address (X-Forwarded-For from trusted proxies only), for the per-address rate limits. */
  clientAddress: string;
}

/** A context of the given caller (null: the server itself, e.g. for WeChat Pay's notifications and the periodic jobs). */
export function createServiceContext(em: EntityManager, user: User | null, clientAddress: string): ServiceContext {
  const loaders = createLoaders(em);
  if (user) loaders.user.prime(user.id, user);
  return { em, user, loaders, callerMembers: new Map(), clientAddress };
}

/** Per-request batching, each domain's loaders from its own `*.loaders.ts`: one query per kind of row however many a list shows. */
export function createLoaders(em: EntityManager) {
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
