import mysql from 'mysql2/promise';
import { unsafeSessionSetting } from '../../server/src/db/connection-safety';
import { FAKE_APPID, FAKE_SECRET, FakeWeChatServer } from '../helpers/fake-wechat';
import { GraphQLClient } from '../helpers/graphql-client';
import { startPrivateMariaDb, type PrivateMariaDb } from '../helpers/private-mariadb';
import { startServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';

/**
 * Values reach MySQL escaped by the driver, several statements to a query: sound only while a
 * backslash escapes and the connection speaks utf8mb4. The server refuses connections on which
 * that does not hold (db/connection-safety.ts) — here against a MariaDB of the test's own whose
 * global sql_mode has NO_BACKSLASH_ESCAPES, under which `\'; drop table member; --` would stack.
 */
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describe('which connection settings make escaped values unsafe', () => {
  it.each([
    ['the defaults', { sqlMode: 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION', characterSetClient: 'utf8mb4', characterSetConnection: 'utf8mb4' }, null],
    ['NO_BACKSLASH_ESCAPES', { sqlMode: 'ANSI_QUOTES,no_backslash_escapes', characterSetClient: 'utf8mb4', characterSetConnection: 'utf8mb4' }, 'sql_mode contains NO_BACKSLASH_ESCAPES'],
    ['a GBK client', { sqlMode: '', characterSetClient: 'gbk', characterSetConnection: 'utf8mb4' }, 'character_set_client is gbk, not utf8mb4'],
    ['a Big5 connection', { sqlMode: '', characterSetClient: 'utf8mb4', characterSetConnection: 'big5' }, 'character_set_connection is big5, not utf8mb4'],
  ])('%s', (_label, session, problem) => {
    expect(unsafeSessionSetting(session)).toBe(problem);
  });
});

describeOnMySql('a database on which escaping is unsafe (a MariaDB of its own)', () => {
  let db: PrivateMariaDb;
  let wechat: FakeWeChatServer;
  beforeAll(async () => {
    db = await startPrivateMariaDb(['--sql-mode=NO_BACKSLASH_ESCAPES']);
    wechat = await new FakeWeChatServer().start();
    const admin = await mysql.createConnection(db.url);
    await admin.query('create database qunyou');
    await admin.end();
  });
  afterAll(async () => {
    await wechat?.stop();
    await db?.stop();
  });

  const serverEnv = () => ({
    DATABASE_URL: `${db.url}/qunyou`,
    WECHAT_LOGIN: 'wechat',
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    SESSION_SECRET: 'sql-safety-secret-0123456789abcdef',
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
  });

  it('the server refuses to start, saying why, and leaves the database untouched', async () => {
    await expect(startServerProcess(serverEnv(), { timeoutMs: 20_000 })).rejects.toThrow(/NO_BACKSLASH_ESCAPES/);
    const admin = await mysql.createConnection(`${db.url}/qunyou`);
    const [tables] = await admin.query<mysql.RowDataPacket[]>('show tables');
    await admin.end();
    expect(tables).toEqual([]);
  });

  it('with the mode taken off, the same database serves, and hostile text stays text', async () => {
    const admin = await mysql.createConnection(db.url);
    await admin.query("set global sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
    await admin.end();
    const server = await startServerProcess(serverEnv(), { timeoutMs: 30_000 });
    try {
      const hostile = "\\'; drop table member; --";
      const anonymous = new GraphQLClient(server.url);
      const { token } = (await anonymous.data('mutation ($c: String!) { login(code: $c) { token } }', { c: 'ok:sql-safety' })).login;
      const created = (await new GraphQLClient(server.url, token).data(
        'mutation ($n: String!) { createCommunity(input: { name: $n, category: INTEREST, joinPolicy: OPEN }) { id name } }',
        { n: hostile },
      )).createCommunity;
      expect(created.name).toBe(hostile);
      const check = await mysql.createConnection(`${db.url}/qunyou`);
      const [rows] = await check.query<mysql.RowDataPacket[]>('select count(*) as n from member');
      await check.end();
      expect(Number(rows[0].n)).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
