import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

/** The parts of tarn's pool (knex's) that say how it is used. */
interface TarnPool {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** How the ORM's connection pool is used right now (the hand-written SQL of db/sql.ts borrows from it too); null without a pool. */
export function poolUse(orm: MikroORM): { inUse: number; idle: number; waiting: number; max: number } | null {
  const pool = ((orm.em as unknown as EntityManager).getKnex().client as { pool?: TarnPool }).pool;
  if (!pool) return null;
  return { inUse: pool.numUsed(), idle: pool.numFree(), waiting: pool.numPendingAcquires(), max: pool.max };
}
