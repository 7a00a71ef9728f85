import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

/**
 * A process-wide read that the requests of one turn of the event loop share: each load waits until
 * the turn's other callbacks have run (setImmediate), then one statement answers every key asked
 * meanwhile. Nothing is cached: each batch reads afresh, after its requests arrived, so the answer
 * is as fresh as a read of its own. In a burst (a flash sale's 500 taps, 32 members checking in at
 * once) that is one statement for dozens of requests instead of one each; a lone request waits for
 * nothing but the end of its own turn.
 *
 * `read` answers the keys in their order (undefined where a key has no row; by-ids.ts inKeyOrder) on
 * a fresh EntityManager of its own: it runs outside any request's transaction, so a read that must
 * see a transaction's own writes does not come here.
 * At most 200 keys a statement: SQLite takes at most 500 SELECTs in one compound SELECT (the
 * join's read is a UNION ALL of its keys).
 */
export function readTogether<K, R>(orm: MikroORM, read: (em: EntityManager, keys: readonly K[]) => Promise<Array<R | undefined>>): DataLoader<K, R | undefined> {
  return new DataLoader<K, R | undefined>((keys) => read(orm.em.fork() as EntityManager, keys), {
    cache: false,
    batchScheduleFn: (readBatch) => setImmediate(readBatch),
    maxBatchSize: 200,
  });
}
