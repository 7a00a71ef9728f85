import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import { loadConfig } from '../../server/src/config';
import type { Clock } from '../../server/src/common/clock';
import { startServer, RunningServer } from '../../server/src/server';
import { FAKE_APPID, FAKE_PUSH_TOKEN, FAKE_SECRET, FakeWeChatServer } from './fake-wechat';
import { GraphQLClient } from './graphql-client';
import { ServerProcess, startServerProcess } from './server-process';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef';

export interface LoggedIn {
  client: GraphQLClient;
  token: string;
  userId: string;
  name: string;
}

export interface TestEnvironment {
  url: string;
  server: RunningServer;
  wechat: FakeWeChatServer;
  db: TestDatabase;
  anonymous: GraphQLClient;
  /** Logs in through the fake WeChat server as openid `o-<name>` (a fresh code each time). */
  login(name: string): Promise<LoggedIn>;
  /** Creates a community owned by a new user `<owner>`. */
  createCommunity(owner: string, input?: Partial<{ name: string; category: string; joinPolicy: string; description: string }>): Promise<{ owner: LoggedIn; communityId: string; joinCode: string }>;
  /** A new user who joins by code; returns their member id. */
  join(name: string, joinCode: string): Promise<LoggedIn & { memberId: string; status: string }>;
  /**
   * `count` new members `<prefix>-0` … joined by code, eight at a time: forty logins at once can keep
   * one waiting on the fake WeChat past the client's timeout on a loaded machine, and the crowds
   * are for the tests' own simultaneous requests, not for their setup.
   */
  joinCrowd(prefix: string, joinCode: string, count: number): Promise<Array<LoggedIn & { memberId: string; status: string }>>;
  /** A fresh EntityManager on the test database, for asserting on rows. */
  em(): EntityManager;
  /** A second server process (the compiled build) on the same database and fake WeChat, for races across processes; `overrides` adds to its environment. */
  startPeerProcess(overrides?: Record<string, string>): Promise<ServerProcess>;
  /** The SQL statements the server ran while `work` ran (nothing else should run meanwhile). */
  recordQueries(work: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The whole server on a database of this test file's own, talking to a fake WeChat on loopback.
 * Tests speak to it over real HTTP, as the mini-program does.
 */
export async function createTestEnvironment(label: string, options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestEnvironment> {
  const wechat = await new FakeWeChatServer().start();
  const db = await createTestDatabase(label);
  // Uploaded images of this environment (the local media driver), shared with its peer processes, removed at close.
  const mediaDir = mkdtempSync(path.join(tmpdir(), `qunyou-media-${label}-`));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    WECHAT_LOGIN: 'wechat',
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    WECHAT_API_BASE: wechat.url,
    WECHAT_PUSH_TOKEN: FAKE_PUSH_TOKEN,
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MEDIA_DIR: mediaDir,
    ...options.env,
  });
  const server = await startServer(config, { clock: options.clock });
  let loginCount = 0;

  const env: TestEnvironment = {
    url: server.url,
    server,
    wechat,
    db,
    anonymous: new GraphQLClient(server.url),
    async login(name) {
      loginCount += 1;
      const data = await env.anonymous.data(`mutation ($code: String!) { login(code: $code) { token user { id } } }`, {
        code: `ok:${name}#${loginCount}`,
      });
      return { client: new GraphQLClient(server.url, data.login.token), token: data.login.token, userId: data.login.user.id, name };
    },
    async createCommunity(ownerName, input = {}) {
      const owner = await env.login(ownerName);
      const data = await owner.client.data(`mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id joinCode } }`, {
        input: { name: `${ownerName}的社群`, category: 'INTEREST', joinPolicy: 'OPEN', ...input },
      });
      return { owner, communityId: data.createCommunity.id, joinCode: data.createCommunity.joinCode };
    },
    async join(name, joinCode) {
      const member = await env.login(name);
      const data = await member.client.data(
        `mutation ($c: String!) { joinCommunity(joinCode: $c) { __typename ... on JoinedCommunity { member { id status } } ... on ErrorResult { errorCode } } }`,
        { c: joinCode },
      );
      if (data.joinCommunity.__typename !== 'JoinedCommunity') throw new Error(`join failed: ${data.joinCommunity.errorCode}`);
      return { ...member, memberId: data.joinCommunity.member.id, status: data.joinCommunity.member.status };
    },
    async joinCrowd(prefix, joinCode, count) {
      const crowd: Array<LoggedIn & { memberId: string; status: string }> = [];
      for (let i = 0; i < count; i += 8) crowd.push(...(await Promise.all(Array.from({ length: Math.min(8, count - i) }, (_, j) => env.join(`${prefix}-${i + j}`, joinCode)))));
      return crowd;
    },
    em: () => server.orm.em.fork() as EntityManager,
    startPeerProcess: (overrides = {}) =>
      startServerProcess({
        DATABASE_URL: db.url,
        WECHAT_LOGIN: 'wechat',
        WECHAT_APPID: FAKE_APPID,
        WECHAT_SECRET: FAKE_SECRET,
        WECHAT_API_BASE: wechat.url,
        WECHAT_PUSH_TOKEN: FAKE_PUSH_TOKEN,
        SESSION_SECRET: TEST_SESSION_SECRET,
        LOG_LEVEL: 'warn',
        MEDIA_DIR: mediaDir,
        ...options.env,
        ...overrides,
      }),
    async recordQueries(work) {
      const knex = (server.orm.em as EntityManager).getKnex();
      const statements: string[] = [];
      const listener = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', listener);
      try {
        await work();
      } finally {
        knex.removeListener('query', listener);
      }
      return statements;
    },
    async close() {
      await server.close();
      await wechat.stop();
      await db.drop();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
  return env;
}
