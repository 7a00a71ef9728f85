import type { EntityManager } from '@mikro-orm/knex';
import type { AppServices } from './app-services';
import { createLoaders, ServiceContext } from './service-context';

/** What every resolver receives: the service context and the app's services (`ctx.services`). */
export interface RequestContext extends ServiceContext {
  services: AppServices;
}

export async function createRequestContext(services: AppServices, authorization: string | undefined, clientAddress: string): Promise<RequestContext> {
  const em = services.orm.em.fork() as EntityManager;
  const user = authorization ? await services.sessions.authenticate(em, authorization) : null;
  const loaders = createLoaders(em);
  if (user) loaders.user.prime(user.id, user);
  return { em, user, services, loaders, callerMembers: new Map(), clientAddress };
}
