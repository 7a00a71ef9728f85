import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

/** MariaDB (the default) or the embedded SQLite database, by TEST_DB=sqlite. */
export const TEST_DB: 'mysql' | 'sqlite' = process.env.TEST_DB === 'sqlite' ? 'sqlite' : 'mysql';
export const MYSQL_ROOT_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  url: string;
  kind: 'mysql' | 'sqlite';
  drop(): Promise<void>;
}

/** A database of the test file's own, new and empty. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `qyt_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  if (TEST_DB === 'sqlite') {
    const file = path.join(os.tmpdir(), `${name}.sqlite`);
    return { url: file, kind: 'sqlite', drop: async () => rmSync(file, { force: true }) };
  }
  const admin = await mysql.createConnection(MYSQL_ROOT_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: `${MYSQL_ROOT_URL}/${name}`,
    kind: 'mysql',
    drop: async () => {
      const conn = await mysql.createConnection(MYSQL_ROOT_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
