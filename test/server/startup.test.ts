import { MIGRATIONS } from '../../server/migrations';
import { FAKE_APPID, FAKE_SECRET, FakeWeChatServer } from '../helpers/fake-wechat';
import { DEMO_ACTIVE_MEMBERS } from '../../server/seeders/demo.seeder';
import { GraphQLClient } from '../helpers/graphql-client';
import { startServerProcess } from '../helpers/server-process';
import { createTestDatabase, TEST_DB, TestDatabase } from '../helpers/test-database';

const SECRET = 'startup-test-secret-0123456789abcdef';

// Processes sharing one database: a MySQL matter (the embedded database is one process's).
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('starting servers (npm start) on one MySQL database', () => {
  let db: TestDatabase;
  let wechat: FakeWeChatServer;
  beforeAll(async () => {
    db = await createTestDatabase('startup');
    wechat = await new FakeWeChatServer().start();
  });
  afterAll(async () => {
    await wechat.stop();
    await db.drop();
  });

  it('two processes started one after the other both come up, migrate once, seed once, and share sessions', async () => {
    const env = {
      DATABASE_URL: db.url,
      WECHAT_LOGIN: 'wechat',
      WECHAT_APPID: FAKE_APPID,
      WECHAT_SECRET: FAKE_SECRET,
      WECHAT_API_BASE: wechat.url,
      SESSION_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    };
    const first = await startServerProcess(env, { demo: true });
    const second = await startServerProcess(env, { demo: true });
    try {
      // The environment overrides the demo defaults: WeChat login, not dev login.
      const devLogin = await new GraphQLClient(first.url).request(`mutation { login(code: "dev:owner") { token } }`);
      expect(devLogin.errors?.[0]?.extensions?.code).toBe('WECHAT_CODE_INVALID');

      const login = await new GraphQLClient(first.url).data(`mutation { login(code: "ok:starter") { token } }`);
      const onSecond = new GraphQLClient(second.url, login.login.token);
      const joined = await onSecond.data(`mutation { joinCommunity(joinCode: "demo") { __typename ... on JoinedCommunity { community { name memberCount } } } }`);
      expect(joined.joinCommunity.__typename).toBe('JoinedCommunity');
      expect(joined.joinCommunity.community.memberCount).toBe(DEMO_ACTIVE_MEMBERS + 1); // the demo members, seeded once, and this one

      const mysql = await import('mysql2/promise');
      const conn = await mysql.createConnection(db.url);
      const [rows] = await conn.query<any[]>('SELECT COUNT(*) AS n FROM mikro_orm_migrations');
      await conn.end();
      expect(Number(rows[0].n)).toBe(MIGRATIONS.length);
    } finally {
      expect(await first.stop()).toBe(0);
      expect(await second.stop()).toBe(0);
    }
  });

  it('refuses to start with dev login under NODE_ENV=production', async () => {
    await expect(
      startServerProcess({ DATABASE_URL: db.url, NODE_ENV: 'production', WECHAT_LOGIN: 'dev', SESSION_SECRET: SECRET }, { timeoutMs: 10_000 }),
    ).rejects.toThrow(/WECHAT_LOGIN=dev is refused under NODE_ENV=production/);
  });
});
