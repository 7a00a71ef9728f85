import { RateLimiterMySQL } from 'rate-limiter-flexible';

/** The row rate-limiter-flexible reads after an upsert (its `_getRateLimiterRes` takes `[row]`). */
interface StoreRow {
  points: number;
  expire: number | null;
}

/** A mysql2 connection from the store's client, callback API. */
interface StoreConnection {
  query(sql: string, values: unknown[], callback: (error: Error | null, result: { insertId: number } & StoreRow[]) => void): void;
}

/** The parts of RateLimiterMySQL this class builds on (not in the library's typings). */
interface StoreInternals {
  tableCreated: boolean;
  dbName: string;
  tableName: string;
  points: number;
  _getConnection(): Promise<StoreConnection>;
  _releaseConnection(connection: StoreConnection): unknown;
  _upsert(key: string, points: number, msDuration: number, forceExpire?: boolean): Promise<StoreRow[]>;
}

/**
 * LAST_INSERT_ID(n + OFFSET) hands the new count back in the statement's answer; the offset keeps a
 * count of 0 or below (a reward) apart from the 0 of a freshly inserted row.
 */
const OFFSET = 2 ** 40;

/**
 * rate-limiter-flexible's MySQL store (shared by every process, as the spec asks), with a consume in
 * one statement instead of the library's transaction of four (BEGIN, the upsert, a SELECT of the row,
 * COMMIT). Every member mutation in production pays it: with the four, a 500-tap flash sale lost
 * 10–15 % of its throughput to the limiter (`BENCH_RATE_LIMITS=on`, docs/scaling.md). The upsert is
 * the library's own (same row, same reset of an expired window); it answers the new count through
 * LAST_INSERT_ID(expr), and the window's expiry is read only for a refusal, whose message says when to
 * try again. Setting and blocking (`set`, `block`: a forced expiry) stay the library's.
 */
export class OneStatementMySqlLimiter extends RateLimiterMySQL {
  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<StoreRow[]> {
    const store = this as unknown as StoreInternals;
    if (forceExpire) return (RateLimiterMySQL.prototype as unknown as StoreInternals)._upsert.call(this, key, points, msDuration, forceExpire);
    if (!store.tableCreated) return Promise.reject(new Error('Table is not created yet'));
    const now = Date.now();
    const newExpire = msDuration > 0 ? now + msDuration : null;
    return store._getConnection().then(async (connection) => {
      const run = (sql: string, values: unknown[]) =>
        new Promise<{ insertId: number } & StoreRow[]>((resolve, reject) => connection.query(sql, values, (error, result) => (error ? reject(error) : resolve(result))));
      try {
        const { insertId } = await run(
          `INSERT INTO ??.?? VALUES (?, ?, ?)
           ON DUPLICATE KEY UPDATE
             points = LAST_INSERT_ID(IF(expire <= ?, ?, points + (?)) + ${OFFSET}) - ${OFFSET},
             expire = IF(expire <= ?, ?, expire)`,
          [store.dbName, store.tableName, key, points, newExpire, now, points, points, now, newExpire],
        );
        // 0: the key was new, the row is what was inserted.
        if (Number(insertId) === 0) return [{ points, expire: newExpire }];
        const counted = Number(insertId) - OFFSET;
        if (counted <= store.points) return [{ points: counted, expire: null }];
        const [row] = await run('SELECT expire FROM ??.?? WHERE `key` = ?', [store.dbName, store.tableName, key]);
        return [{ points: counted, expire: row?.expire === null || row?.expire === undefined ? null : Number(row.expire) }];
      } finally {
        store._releaseConnection(connection);
      }
    });
  }
}
