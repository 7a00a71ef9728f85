import { DeadlockException, LockWaitTimeoutException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { RequestContext } from '../context';

const ATTEMPTS = 4;

/** Thrown inside a business transaction to roll it back and answer with a typed result instead. */
export class RollbackWith<T> extends Error {
  constructor(readonly result: T) {
    super('rolled back with a business result');
  }
}

/**
 * One transaction per business action. InnoDB may pick a transaction as a deadlock victim when
 * many members act at once; that one is retried from the start. `throw new RollbackWith(x)`
 * undoes everything and returns x.
 */
export async function inTransaction<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ctx.em.transactional((em) => work(em as EntityManager));
    } catch (error) {
      if (error instanceof RollbackWith) return error.result as T;
      const retryable = error instanceof DeadlockException || error instanceof LockWaitTimeoutException;
      if (!retryable || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
