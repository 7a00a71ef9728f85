import type { EntityManager } from '@mikro-orm/knex';
import type { AppServices } from './app-services';
import { createLoaders, RequestLoaders } from './common/loaders';
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

export async function createRequestContext(services: AppServices, authorization: string | undefined, clientAddress: string): Promise<RequestContext> {
  const em = services.orm.em.fork() as EntityManager;
  const user = authorization ? await services.sessions.authenticate(em, authorization) : null;
  const loaders = createLoaders(em);
  if (user) loaders.user.prime(user.id, user);
  return { em, user, services, loaders, callerMembers: new Map(), clientAddress };
}
