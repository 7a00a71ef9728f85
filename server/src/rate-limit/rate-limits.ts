import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { IRateLimiterOptions, RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { OneStatementMySqlLimiter } from './one-statement-mysql-limiter';
import type { AppConfig, RateLimitSpec } from '../config';
import { isMySql } from '../db/sql';
import { RateLimitName, rateLimited } from './rate-limit.errors';

export type { RateLimitName };

/** Table of rate-limiter-flexible's MySQL store, created by the library itself (key, points, expire). */
export const RATE_LIMIT_TABLE = 'rate_limit';

/**
 * The server's rate limits (rate-limiter-flexible), one limiter per rule:
 *  - on MySQL every process shares one store (a table in the app's database), so two processes behind a
 *    load balancer count together (a consume is one statement: one-statement-mysql-limiter.ts); a per-process
 *    memory limiter takes over while the store errors;
 *  - on the embedded SQLite database (one process by nature) the store is the process's memory.
 * With RATE_LIMITS=off (benchmarks) nothing is counted.
 */
export class RateLimits {
  private constructor(
    private readonly limiters: Map<RateLimitName, RateLimiterAbstract> | null,
    private readonly onRefused?: (name: RateLimitName) => void,
  ) {}

  /** `onRefused` hears of every refusal, by rule (the metrics count them). */
  static async create(config: AppConfig, orm: MikroORM, onRefused?: (name: RateLimitName) => void): Promise<RateLimits> {
    if (!config.rateLimits.enabled) return new RateLimits(null);
    const limiters = new Map<RateLimitName, RateLimiterAbstract>();
    let tableCreated = false; // the rules share one table: the first limiter creates it
    for (const [name, spec] of Object.entries(config.rateLimits.limits) as Array<[RateLimitName, RateLimitSpec]>) {
      const options: IRateLimiterOptions = { keyPrefix: name, points: spec.points, duration: spec.durationSeconds };
      limiters.set(name, isMySql(orm.em as unknown as EntityManager) ? await mysqlLimiter(orm, options, tableCreated) : new RateLimiterMemory(options));
      tableCreated = true;
    }
    return new RateLimits(limiters, onRefused);
  }

  get enabled(): boolean {
    return this.limiters !== null;
  }

  /** Counts `points` against `key` under the rule; throws RATE_LIMITED once the rule's budget is spent. */
  async consume(name: RateLimitName, key: string, points = 1): Promise<void> {
    const limiter = this.limiters?.get(name);
    if (!limiter) return;
    try {
      await limiter.consume(key, points);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) throw this.refusal(name, outcome.msBeforeNext);
      throw outcome;
    }
  }

  /** Refuses when the rule's budget for `key` is already spent, without counting (failures are counted by `consume`). */
  async check(name: RateLimitName, key: string): Promise<void> {
    const limiter = this.limiters?.get(name);
    if (!limiter) return;
    const state = await limiter.get(key);
    if (state && state.consumedPoints >= limiter.points) throw this.refusal(name, state.msBeforeNext);
  }

  private refusal(name: RateLimitName, msBeforeNext: number) {
    this.onRefused?.(name);
    return rateLimited(name, msBeforeNext);
  }
}

async function mysqlLimiter(orm: MikroORM, options: IRateLimiterOptions, tableCreated: boolean): Promise<RateLimiterAbstract> {
  const em = orm.em as unknown as EntityManager;
  const settings = {
    ...options,
    storeClient: em.getKnex(),
    storeType: 'knex',
    dbName: em.getConnection().getConnectionOptions().database!,
    tableName: RATE_LIMIT_TABLE,
    tableCreated,
    insuranceLimiter: new RateLimiterMemory(options),
  };
  if (tableCreated) return new OneStatementMySqlLimiter(settings);
  // The first limiter creates the table; its callback says when (or why not).
  return new Promise((resolve, reject) => {
    const limiter: OneStatementMySqlLimiter = new OneStatementMySqlLimiter(settings, (error?: Error) => (error ? reject(error) : resolve(limiter)));
  });
}
