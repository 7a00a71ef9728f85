import { DeadlockException, EntityName, LockWaitTimeoutException, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { isMySql, SqlTarget, sqlTransaction } from './sql';

/** What a transaction starts from: the request's EntityManager (a service's context has one; db/ knows no request). */
export interface WithEntityManager {
  em: EntityManager;
}

const ATTEMPTS = 4;

/**
 * Thrown inside a business transaction to roll it back and answer with a typed result instead.
 * Not an Error: it is an answer, not a failure, and a flash sale's hundreds of sold-out joins each
 * throw one, so it skips capturing a stack trace. Only inTransaction/inSqlTransaction catch it.
 */
export class RollbackWith<T> {
  constructor(readonly result: T) {}
}

/**
 * One transaction per business action, written as explicit statements (conditional UPDATEs,
 * inserts). The commit writes only what `work` wrote: MikroORM flushes the transaction's
 * EntityManager at commit, and a fork of the request's one would carry every entity the request
 * had loaded; one it considers changed (on SQLite every DATETIME compares as changed) would be
 * written back with values read before this action's UPDATEs. So the transaction starts from an
 * empty identity map and forgets what it loaded before committing.
 *
 * InnoDB may pick a transaction as a deadlock victim when many members act at once; that one is
 * retried from the start. `throw new RollbackWith(x)` undoes everything and returns x.
 */
export function inTransaction<T>(ctx: WithEntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return retried(() =>
    ctx.em.fork({ clear: true }).transactional(async (em) => {
      const result = await work(em as EntityManager);
      em.clear();
      return result;
    }),
  );
}

/**
 * The same, for a transaction made only of hand-written statements (db/sql.ts): on MySQL it
 * runs on a pooled connection without the ORM's transaction machinery, which costs three times
 * the statements' own CPU; on SQLite it is an ORM transaction like any other.
 */
export function inSqlTransaction<T>(ctx: WithEntityManager, work: (tx: SqlTarget) => Promise<T>): Promise<T> {
  if (!isMySql(ctx.em)) return inTransaction(ctx, work);
  return retried(() => sqlTransaction(ctx.em, work));
}

async function retried<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof RollbackWith) return error.result as T;
      const retryable = error instanceof DeadlockException || error instanceof LockWaitTimeoutException;
      if (!retryable || n >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * n + Math.random() * 20));
    }
  }
}

/**
 * inTransaction, or, when `ctx.em` is already in one (a step of a larger action, such as admitting a
 * member whose entry fee is being settled), the work in that transaction.
 */
export function inTransactionOrCurrent<T>(ctx: WithEntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return ctx.em.getTransactionContext() ? work(ctx.em) : inTransaction(ctx, work);
}

/** Saves one new row without flushing the request's EntityManager (see inTransaction for why). */
export async function insertNew<T extends object>(ctx: WithEntityManager, entityName: EntityName<T>, data: RequiredEntityData<T>): Promise<T> {
  const em = ctx.em.fork({ clear: true });
  const entity = em.create(entityName, data);
  await em.flush();
  return entity;
}
