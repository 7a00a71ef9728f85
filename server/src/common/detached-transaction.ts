import type { EntityManager } from '@mikro-orm/knex';
import type { RequestContext } from '../context';
import { inTransaction } from './transaction';

/**
 * inTransaction for actions written entirely as explicit statements (conditional UPDATEs,
 * inserts): the commit writes only what `work` wrote. MikroORM flushes the transaction's
 * EntityManager at commit, and that fork starts with every entity the request had loaded; an
 * entity it considers changed (on SQLite every DATETIME column compares as changed) would be
 * written back with the values read before this action's UPDATEs. So the fork forgets them
 * before `work` and forgets what `work` loaded before the commit.
 */
export function inDetachedTransaction<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return inTransaction<T>(ctx, async (em) => {
    em.clear();
    const result = await work(em);
    em.clear();
    return result;
  });
}
