import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MikroORM, Options } from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import mysql from 'mysql2/promise';
import type { AppConfig } from './config';
import { REPO_ROOT } from './config';
import { ENTITIES } from './entities';
import { verifyConnectionSafety } from './db/connection-safety';
import { MIGRATIONS } from '../migrations';
import type { EntityManager } from '@mikro-orm/knex';
import { rebuildAllRollups } from './health/rollups/rollup-backfill';

export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'server', 'migrations');

export function ormOptions(database: AppConfig['database']): Options {
  const common: Options = {
    entities: ENTITIES,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    migrations: {
      // Listed, not globbed: the same list runs from TypeScript (tests) and from the build.
      migrationsList: MIGRATIONS,
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      emit: 'ts',
      snapshot: true,
      snapshotName: '.snapshot-qunyou',
      silent: true,
      // MySQL commits DDL implicitly, so a transaction around a migration would promise nothing.
      transactional: false,
      allOrNothing: false,
    },
  };
  if (database.kind === 'mysql') {
    // multipleStatements: a hot transaction's last statements go with its COMMIT in one query (db/sql.ts
    // runStatementsAndCommit). Safe only because every value reaches SQL as a parameter escaped by the
    // driver's formatter, never concatenated in (hostile-clients.test.ts sends statements hidden in text),
    // and only on connections whose settings make that escaping sound: each is checked when made
    // (db/connection-safety.ts: no NO_BACKSLASH_ESCAPES, utf8mb4).
    return {
      ...common,
      driver: MySqlDriver,
      clientUrl: database.url,
      timezone: '+00:00',
      charset: 'utf8mb4',
      pool: { min: 0, max: 24, afterCreate: verifyConnectionSafety },
      multipleStatements: true,
    };
  }
  mkdirSync(path.dirname(path.resolve(database.url)), { recursive: true });
  return { ...common, driver: LibSqlDriver, dbName: database.url };
}

export function initORM(database: AppConfig['database']): Promise<MikroORM> {
  return MikroORM.init(ormOptions(database));
}

/**
 * Brings the schema up to date. MySQL: the committed migrations, under a named lock so two
 * processes starting at once migrate one after the other. The embedded SQLite database (demo,
 * local runs) is shaped straight from the entities.
 */
export async function migrateDatabase(orm: MikroORM, database: AppConfig['database']): Promise<void> {
  if (database.kind !== 'mysql') {
    const em = orm.em.fork() as EntityManager;
    const hadRollups = (await em.getConnection().execute("select name from sqlite_master where type = 'table' and name = 'community_day_stats'")).length > 0;
    await orm.getSchemaGenerator().updateSchema();
    // The rollups came with this schema: fill them from what the file already holds (Migration20261208110000 on MySQL).
    if (!hadRollups) await rebuildAllRollups(em);
    return;
  }
  const lockConnection = await mysql.createConnection(database.url);
  try {
    const [rows] = await lockConnection.query<mysql.RowDataPacket[]>("SELECT GET_LOCK('qunyou_migrations', 120) AS got");
    if (rows[0]?.got !== 1) throw new Error('Timed out waiting for another process to finish migrating');
    await orm.getMigrator().up();
  } finally {
    await lockConnection.query("SELECT RELEASE_LOCK('qunyou_migrations')").catch(() => undefined);
    await lockConnection.end();
  }
}
