import type { EntityManager } from '@mikro-orm/knex';
import type { AppServices } from './app-services';
import { createServiceContext, ServiceContext } from './service-context';

/** What every resolver receives: the service context and the app's services (`ctx.services`). */
export interface RequestContext extends ServiceContext {
  services: AppServices;
}

export async function createRequestContext(services: AppServices, authorization: string | undefined, clientAddress: string): Promise<RequestContext> {
  const em = services.orm.em.fork() as EntityManager;
  const caller = authorization ? await services.sessions.authenticate(em, authorization) : null;
  return createServiceContext(em, caller, clientAddress, { services });
}
