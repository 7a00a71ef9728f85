import type { EntityManager } from '@mikro-orm/knex';

/**
 * Hand-written SQL for the hot paths — check-in, redemption, the session user, the caller's
 * member row, the home page — where going through the ORM costs several times what the
 * statement itself does. Measured on MariaDB (CPU per operation, 32 concurrent):
 *   a joined findOne 760 µs, the same row as hand-written SQL 90 µs;
 *   a transaction of 4 statements through the ORM 530 µs, on a pooled connection 170 µs.
 *
 * On MySQL the statements go straight to a connection of the ORM's own pool (same settings, same
 * escaping, and still announced as knex 'query' events, so whatever watches queries sees them).
 * Inside an ORM transaction, and on SQLite, they run through the ORM's connection. Statements
 * must read the same on MySQL/MariaDB and SQLite. Errors come back as MikroORM's exceptions
 * (UniqueConstraintViolationException, DeadlockException…), as from the ORM's own statements.
 */

export interface StatementResult {
  affectedRows: number;
  insertId: number;
}

/** A mysql2 connection as knex's pool hands it out (callback API). */
interface PooledConnection {
  __knexUid?: string;
  query(sql: string, callback: (error: Error | null, result: unknown) => void): void;
}

interface KnexClient {
  acquireConnection(): Promise<PooledConnection>;
  releaseConnection(connection: PooledConnection): Promise<void>;
  emit(event: 'query', data: { sql: string; bindings: unknown[]; __knexUid?: string }): void;
}

/**
 * A transaction opened by inSqlTransaction on MySQL: one pooled connection between BEGIN and COMMIT.
 * Statements wait "ahead" of the next one and go to the database in its round trip, as one
 * multi-statement query (MySQL runs them in order and stops at the first that fails): the BEGIN
 * goes with the transaction's first statement, writes deferred with deferStatement with the next
 * statement or the COMMIT. A transaction pays a round trip only for what it looks at.
 */
export class SqlTransaction {
  private ahead: string[] = ['begin'];
  /** Whether the BEGIN went to the database (a transaction that sent nothing has nothing to end). */
  private began = false;
  /** Set once the COMMIT went (runStatementsAndCommit and commitIfChanged send it with the last statements). */
  committed = false;

  constructor(
    readonly em: EntityManager,
    readonly connection: PooledConnection,
  ) {}

  /** Queues a write for the next round trip; nothing of its result comes back. */
  defer(sql: string): void {
    this.ahead.push(sql);
  }

  private readonly commitHooks: Array<() => Statement[]> = [];

  /**
   * Statements built when the transaction commits and sent with its COMMIT, after everything else: for
   * counters many transactions add to (the dashboard's rollups), whose rows are then locked only while
   * the database runs that last batch, and which can merge what one transaction adds into one statement.
   */
  atCommit(build: () => Statement[]): void {
    this.commitHooks.push(build);
  }

  /** The at-commit statements, built now (once). */
  takeAtCommit(): string[] {
    return this.commitHooks.splice(0).flatMap((build) => build().map(({ sql, params }) => withValues(this.em, sql, params)));
  }

  /** Sends the statements waiting ahead and then these, in one round trip; answers these statements' results (errors converted as the ORM converts them). */
  async send(statements: string[]): Promise<unknown[]> {
    const ahead = this.ahead;
    this.ahead = [];
    this.began = true;
    const all = [...ahead, ...statements];
    try {
      const result = await query(this.em, this.connection, all.join(';\n'));
      return all.length === 1 ? [result] : (result as unknown[]).slice(ahead.length);
    } catch (error) {
      throw this.em.getDriver().convertException(error as Error);
    }
  }

  async commit(): Promise<void> {
    if (this.committed) return;
    const last = this.takeAtCommit();
    if (this.began || this.ahead.length > 1 || last.length > 0) await this.send([...last, 'commit']);
    this.committed = true;
  }

  async rollback(): Promise<void> {
    this.ahead = [];
    this.commitHooks.length = 0;
    if (this.began) await this.send(['rollback']);
  }
}

/** Where hand-written statements run: an EntityManager (in its transaction, if any) or a SqlTransaction. */
export type SqlTarget = EntityManager | SqlTransaction;

const emOf = (target: SqlTarget) => (target instanceof SqlTransaction ? target.em : target);

export function isMySql(target: SqlTarget): boolean {
  return emOf(target).getPlatform().constructor.name === 'MySqlPlatform';
}

/** `insert ignore into` (MySQL) / `insert or ignore into` (SQLite): a row that a unique key already holds is skipped. */
export function insertIgnoreInto(target: SqlTarget): string {
  return isMySql(target) ? 'insert ignore into' : 'insert or ignore into';
}

export async function selectRows<T extends object>(target: SqlTarget, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await execute(target, sql, params, 'all')) as T[];
}

export async function runStatement(target: SqlTarget, sql: string, params: unknown[] = []): Promise<StatementResult> {
  return statementResult(await execute(target, sql, params, 'run'));
}

/** The driver's result of a write, as numbers (MySQL and SQLite drivers answer them as different types). */
function statementResult(result: unknown): StatementResult {
  const { affectedRows, insertId } = result as StatementResult;
  return { affectedRows: Number(affectedRows), insertId: Number(insertId) };
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The transaction's last statements, sent with its COMMIT in one round trip on MySQL (a multi-statement
 * query: the server stops at the first statement that fails, so the COMMIT runs only when all of them
 * succeeded, and an error rolls the transaction back as any other). For statements made while a hot
 * row is locked: the lock is released as soon as the database is done, not a round trip through a
 * busy event loop per statement later. Only statements whose outcome the transaction already knows
 * belong here (what it decided under its locks): nothing runs between them to look at their results.
 * Elsewhere (SQLite, an ORM transaction) they run one by one and the transaction commits as usual.
 */
export async function runStatementsAndCommit(target: SqlTarget, statements: Statement[]): Promise<StatementResult[]> {
  return target instanceof SqlTransaction ? sendWithCommit(target, statements) : runEach(target, statements);
}

/**
 * `first`, then `gated` only if `first` changed a row, then COMMIT: on MySQL in one round trip, a session
 * variable carrying `first`'s row count to the statements `gated(when)` builds, each of which applies only
 * `when` (an SQL condition) holds; elsewhere one by one, `gated(null)` run only if `first` changed a row,
 * and the transaction commits as usual. For a transaction whose last step is a conditional write on a
 * hot row (a coupon's stock): its lock is held inside the database only, never across a round trip
 * through the event loop. Whatever the transaction wrote before must stand whether or not `first`
 * changed a row. @returns whether it did, and the gated statements' results when it did.
 */
export async function commitIfChanged(target: SqlTarget, first: Statement, gated: (when: string | null) => Statement[]): Promise<{ changed: boolean; results: StatementResult[] }> {
  if (!(target instanceof SqlTransaction)) {
    if ((await runStatement(target, first.sql, first.params)).affectedRows !== 1) return { changed: false, results: [] };
    return { changed: true, results: await runEach(target, gated(null)) };
  }
  const [took, , ...results] = await sendWithCommit(target, [first, { sql: 'set @qy_changed = row_count()', params: [] }, ...gated('@qy_changed = 1')]);
  return { changed: took.affectedRows === 1, results };
}

/** The statements and the transaction's COMMIT in one round trip; answers the statements' results. */
async function sendWithCommit(tx: SqlTransaction, statements: Statement[]): Promise<StatementResult[]> {
  const results = await tx.send([...statements.map(({ sql, params }) => withValues(tx.em, sql, params)), ...tx.takeAtCommit(), 'commit']);
  tx.committed = true;
  return results.slice(0, statements.length).map(statementResult);
}

/** The statements one by one, outside a SqlTransaction (whose transaction, if any, commits as usual). */
async function runEach(target: SqlTarget, statements: Statement[]): Promise<StatementResult[]> {
  const results: StatementResult[] = [];
  for (const { sql, params } of statements) results.push(await runStatement(target, sql, params));
  return results;
}

/**
 * A write whose result the transaction does not look at, and which can fail only as the whole
 * transaction would (no unique key it may meet, no condition): in a SqlTransaction it goes with the
 * transaction's next statement or its COMMIT, saving a round trip; elsewhere it runs at once.
 */
export async function deferStatement(target: SqlTarget, sql: string, params: unknown[]): Promise<void> {
  if (target instanceof SqlTransaction) target.defer(withValues(target.em, sql, params));
  else await runStatement(target, sql, params);
}

/** `?, ?, ?` for an IN list of n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * `<column> like ? escape '!'` and its value: the rows whose column contains `text` as typed, its `%` and `_`
 * matching only themselves. The same on MySQL and SQLite (no backslash, whatever the SQL mode).
 */
export function containsText(column: string, text: string): { sql: string; value: string } {
  return { sql: `${column} like ? escape '!'`, value: `%${text.replace(/[!%_]/g, '!$&')}%` };
}

async function execute(target: SqlTarget, sql: string, params: unknown[], method: 'all' | 'run'): Promise<unknown> {
  if (target instanceof SqlTransaction) return (await target.send([withValues(target.em, sql, params)]))[0];
  const em = target;
  try {
    const transaction = em.getTransactionContext();
    if (transaction || !isMySql(em)) return await em.getConnection().execute(sql, params, method, transaction);
    return await onPooledConnection(em, (connection) => query(em, connection, withValues(em, sql, params)));
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}

/**
 * MySQL only: BEGIN … COMMIT on one pooled connection, for a transaction made only of
 * hand-written statements. An error rolls it back and is rethrown (see inSqlTransaction in
 * transaction.ts for retries and typed rollbacks).
 */
export async function sqlTransaction<T>(em: EntityManager, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  return onPooledConnection(em, async (connection) => {
    const tx = new SqlTransaction(em, connection);
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    }
  });
}

function knexClient(em: EntityManager): KnexClient {
  return (em.getConnection().getKnex() as unknown as { client: KnexClient }).client;
}

async function onPooledConnection<T>(em: EntityManager, work: (connection: PooledConnection) => Promise<T>): Promise<T> {
  const client = knexClient(em);
  const connection = await client.acquireConnection();
  try {
    return await work(connection);
  } finally {
    await client.releaseConnection(connection);
  }
}

/** Sends SQL with its values in place to a pooled connection, announced as a knex 'query' event. */
function query(em: EntityManager, connection: PooledConnection, sql: string): Promise<unknown> {
  knexClient(em).emit('query', { sql, bindings: [], __knexUid: connection.__knexUid });
  return new Promise((resolve, reject) => connection.query(sql, (error, result) => (error ? reject(error) : resolve(result))));
}

/** The statement with its values in place of the `?`s, escaped by the platform's formatter. */
function withValues(em: EntityManager, sql: string, params: unknown[]): string {
  return params.length ? em.getPlatform().formatQuery(sql, params) : sql;
}
