import { ConnectionException, DeadlockException, DriverException, type MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import mysql from 'mysql2/promise';
import type { EntityManager } from '@mikro-orm/knex';
import { isDatabaseUnreachable } from '../../server/src/db/database-unreachable';
import { initORM } from '../../server/src/orm';
import { ADJUST, CREATE_TEMPLATE, newRequestId, REDEEM } from '../helpers/economy';
import { FAKE_APPID, FAKE_SECRET, FakeWeChatServer } from '../helpers/fake-wechat';
import { GraphQLClient } from '../helpers/graphql-client';
import { checkEconomyInvariants } from '../helpers/invariants';
import { startPrivateMariaDb, type PrivateMariaDb } from '../helpers/private-mariadb';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';

/**
 * MariaDB killed (SIGKILL) in the middle of a stream of check-ins and coupon redemptions, and started
 * again on the same datadir 3 s later — a MariaDB of the test's own. While it is away every request
 * answers 503 SERVICE_UNAVAILABLE with Retry-After (never a 500, never a masked error); once it is back
 * the same server process serves again within 5 s; and every write it acknowledged is there.
 */
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename ... on CheckInSuccess { balance } ... on ErrorResult { errorCode } } }`;
const MEMBERS = 30;
const OUTAGE_MS = 3000;
const RECOVERY_MS = 5000;

interface Answer {
  sentAt: number;
  at: number;
  operation: 'checkIn' | 'redeemCoupon';
  memberId: string;
  status: number;
  retryAfter: string | null;
  errors: number;
  code?: string;
  message?: string;
  typename?: string;
  couponId?: string;
}

interface Member {
  memberId: string;
  client: GraphQLClient;
  token: string;
}

/** One POST /graphql, with the answer's status and Retry-After (GraphQLClient keeps no headers). */
async function post(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

describe('which failures mean the database is unreachable', () => {
  const driverError = (code: string, errno?: number) => Object.assign(new Error(`connect ${code}`), { code, errno });
  it.each([
    ['connection refused (as MikroORM converts it)', new DriverException(driverError('ECONNREFUSED', -111)), true],
    ['a connection reset', driverError('ECONNRESET', -104), true],
    ['a lost connection', driverError('PROTOCOL_CONNECTION_LOST'), true],
    ['too many connections', new ConnectionException(driverError('ER_CON_COUNT_ERROR', 1040)), true],
    ["mysql2's closed connection", Object.assign(new Error("Can't add new command when connection is in closed state"), { fatal: true }), true],
    ["knex's pool timeout", Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }), true],
    ['a resolver error around an outage', new GraphQLError('connect ECONNREFUSED', { originalError: new DriverException(driverError('ECONNREFUSED')) }), true],
    ['a duplicate key', new UniqueConstraintViolationException(driverError('ER_DUP_ENTRY', 1062)), false],
    ['a deadlock', new DeadlockException(driverError('ER_LOCK_DEADLOCK', 1213)), false],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['a query timeout', Object.assign(new Error('Defined query timeout of 100ms exceeded when running query.'), { name: 'KnexTimeoutError' }), false],
  ])('%s', (_label, error, unreachable) => {
    expect(isDatabaseUnreachable(error)).toBe(unreachable);
  });
});

describeOnMySql('the database goes away under load and comes back (a MariaDB of its own, killed)', () => {
  let db: PrivateMariaDb;
  let wechat: FakeWeChatServer;
  let server: ServerProcess;
  let metricsUrl: string;
  beforeAll(async () => {
    db = await startPrivateMariaDb();
    wechat = await new FakeWeChatServer().start();
    const admin = await mysql.createConnection(db.url);
    await admin.query('create database qunyou character set utf8mb4 collate utf8mb4_unicode_ci');
    await admin.end();
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    server = await startServerProcess({
      DATABASE_URL: `${db.url}/qunyou`,
      WECHAT_LOGIN: 'wechat',
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: FAKE_APPID,
      WECHAT_SECRET: FAKE_SECRET,
      SESSION_SECRET: 'database-outage-secret-0123456789abcdef',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // the members below make a request every few tens of milliseconds for a while
      RATE_LIMIT_MUTATIONS: '100000/60',
      METRICS_PORT: String(metricsPort),
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await wechat?.stop();
    await db?.stop();
  });

  const login = async (name: string) => {
    const { token } = (await new GraphQLClient(server.url).data('mutation ($c: String!) { login(code: $c) { token } }', { c: `ok:${name}` })).login;
    return { token: token as string, client: new GraphQLClient(server.url, token) };
  };

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while it is away, serves again within 5 s, and keeps every acknowledged write', async () => {
    const owner = await login('outage-owner');
    const { id: communityId, joinCode } = (await owner.client.data(
      'mutation { createCommunity(input: { name: "停电测试群", category: INTEREST, joinPolicy: OPEN }) { id joinCode } }',
    )).createCommunity;
    const templateId: string = (await owner.client.data(CREATE_TEMPLATE, {
      c: communityId,
      i: { title: '¥0.1 券', faceValueFen: 10, minSpendFen: 0, validDays: 30, stock: null, perMemberLimit: null, minTierLevel: 0 },
    })).createCouponTemplate.id;
    const members: Member[] = [];
    for (let i = 0; i < MEMBERS; i += 6) {
      members.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(6, MEMBERS - i) }, async (_, j) => {
            const member = await login(`outage-${i + j}`);
            const joined = (await member.client.data(
              'mutation ($c: String!) { joinCommunity(joinCode: $c) { ... on JoinedCommunity { member { id } } } }',
              { c: joinCode },
            )).joinCommunity;
            await owner.client.data(ADJUST, { c: communityId, m: joined.member.id, a: 1000, r: '测试发放' });
            return { ...member, memberId: joined.member.id as string };
          }),
        )),
      );
    }

    const answers: Answer[] = [];
    let running = true;
    const streamStart = Date.now();
    /**
     * Each member redeems coupons, a request every ~30 ms, and from its turn on (members' turns 250 ms
     * apart: before, during and after the outage) checks in until an answer says it has.
     */
    const stream = async (member: Member, index: number) => {
      let checkedIn = false;
      while (running) {
        const operation = !checkedIn && Date.now() >= streamStart + index * 250 ? 'checkIn' : 'redeemCoupon';
        const sentAt = Date.now();
        const { status, retryAfter, body } =
          operation === 'checkIn'
            ? await post(server.url, member.token, CHECK_IN, { c: communityId })
            : await post(server.url, member.token, REDEEM, { t: templateId, r: newRequestId() });
        const result = body.data?.[operation];
        const error = body.errors?.[0];
        answers.push({
          sentAt,
          at: Date.now(),
          operation,
          memberId: member.memberId,
          status,
          retryAfter,
          errors: body.errors?.length ?? 0,
          code: error?.extensions?.code,
          message: error?.message,
          typename: result?.__typename,
          couponId: result?.coupon?.id,
        });
        if (result?.__typename === 'CheckInSuccess' || result?.__typename === 'AlreadyCheckedIn') checkedIn = true;
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    };
    const serverPid = server.child.pid;
    const load = Promise.all(members.map((member, index) => stream(member, index)));
    await new Promise((resolve) => setTimeout(resolve, 1500));

    await db.kill();
    const killedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // besides the stream's mutations: a query (the session read fails first) and a login (no session: its resolver fails)
    const duringOutage = {
      query: await post(server.url, members[0].token, 'query ($c: ID!) { membership(communityId: $c) { points } }', { c: communityId }),
      login: await post(server.url, '', 'mutation { login(code: "ok:outage-latecomer") { token } }', {}),
      health: await fetch(`${server.url}/healthz`),
    };
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - 500));
    const restartAt = Date.now();
    await db.restart();
    const backAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, RECOVERY_MS + 1000));
    running = false;
    await load;

    const summary = new Map<string, number>();
    for (const a of answers) {
      const key = `${a.sentAt < killedAt ? 'before' : a.sentAt < backAt ? 'outage' : 'after'}: ${a.status} ${a.code ?? a.typename}`;
      summary.set(key, (summary.get(key) ?? 0) + 1);
    }
    console.log(`answers by when they were sent (mariadbd down for ${backAt - killedAt} ms):\n${[...summary].map(([k, n]) => `${k} × ${n}`).join('\n')}`);

    // Every answer is either a served one or a 503 SERVICE_UNAVAILABLE with Retry-After: never a 500, never a masked error.
    const unavailable = (a: { status: number; code?: string; message?: string; retryAfter: string | null; errors: number }) =>
      a.status === 503 && a.errors === 1 && a.code === 'SERVICE_UNAVAILABLE' && a.message === '服务繁忙，请稍后再试' && /^[1-9]\d?$/.test(a.retryAfter ?? '');
    expect(answers.filter((a) => !(a.status === 200 && a.errors === 0 && a.typename) && !unavailable(a))).toEqual([]);
    const sentWhileDown = answers.filter((a) => a.sentAt >= killedAt && a.at <= restartAt);
    expect(sentWhileDown.length).toBeGreaterThan(MEMBERS);
    expect(sentWhileDown.filter((a) => !unavailable(a))).toEqual([]);
    for (const answer of [duringOutage.query, duringOutage.login]) {
      expect({ status: answer.status, retryAfter: answer.retryAfter, errors: answer.body.errors }).toEqual({
        status: 503,
        retryAfter: expect.stringMatching(/^[1-9]\d?$/),
        errors: [expect.objectContaining({ message: '服务繁忙，请稍后再试', extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: Number(answer.retryAfter) }) })],
      });
    }
    expect(duringOutage.health.status).toBe(503);
    expect(duringOutage.health.headers.get('retry-after')).toMatch(/^\d+$/);

    // The same server process serves again within 5 s of the database accepting connections.
    expect(server.child.exitCode).toBeNull();
    expect(server.child.pid).toBe(serverPid);
    const firstServed = answers.find((a) => a.sentAt >= backAt && a.status === 200);
    expect(firstServed).toBeDefined();
    expect(firstServed!.at - backAt).toBeLessThan(RECOVERY_MS);
    expect(answers.filter((a) => a.sentAt >= firstServed!.at && a.status !== 200)).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // The operator sees the outage in the metrics: one SERVICE_UNAVAILABLE counted per 503 answered.
    const metrics = await (await fetch(metricsUrl)).text();
    const counted = Number(/^qunyou_graphql_errors_total\{code="SERVICE_UNAVAILABLE"\} (\d+)$/m.exec(metrics)?.[1]);
    expect(counted).toBe(answers.filter((a) => a.status === 503).length + 2);
    expect(metrics).not.toMatch(/^qunyou_graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\}/m);

    // Every acknowledged write is there: the check-ins answered CheckInSuccess, the coupons answered CouponRedeemed, ledger = balance.
    const orm: MikroORM = await initORM({ kind: 'mysql', url: `${db.url}/qunyou` });
    try {
      const em = orm.em.fork() as EntityManager;
      const checkedIn = new Set((await em.getConnection().execute<Array<{ member_id: number }>>('select member_id from checkin')).map((row) => String(row.member_id)));
      const acknowledgedCheckIns = answers.filter((a) => a.typename === 'CheckInSuccess');
      expect(acknowledgedCheckIns.length).toBeGreaterThan(0);
      expect(acknowledgedCheckIns.filter((a) => !checkedIn.has(a.memberId))).toEqual([]);
      expect(checkedIn.size).toBe(MEMBERS); // a check-in refused during the outage went through when sent again
      const coupons = new Map(
        (await em.getConnection().execute<Array<{ id: number; member_id: number }>>('select id, member_id from coupon')).map((row) => [String(row.id), String(row.member_id)]),
      );
      const acknowledgedCoupons = answers.filter((a) => a.typename === 'CouponRedeemed');
      expect(acknowledgedCoupons.length).toBeGreaterThan(MEMBERS);
      expect(acknowledgedCoupons.filter((a) => coupons.get(a.couponId!) !== a.memberId)).toEqual([]);
      const report = await checkEconomyInvariants(em);
      expect(report.members).toBe(MEMBERS + 1);
      expect(report.violations).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
