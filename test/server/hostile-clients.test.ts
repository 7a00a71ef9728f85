import { createGroupBuy, groupBuyInput, joinGroupBuy } from '../helpers/activities';
import { couponShop, newRequestId, REDEEM } from '../helpers/economy';
import { FakeWeChatServer } from '../helpers/fake-wechat';
import { graphql } from '../helpers/graphql-client';
import { checkEconomyInvariants } from '../helpers/invariants';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';
import { TEST_DB } from '../helpers/test-database';
import { QUERY_LIMITS } from '../../server/src/graphql/query-limits';
import { ConfigError, loadConfig } from '../../server/src/config';
import { Member } from '../../server/src/member/member.entity';

const onMySQL = TEST_DB === 'mysql' ? describe : describe.skip;

/** A request as a client behind another address (the test server trusts loopback proxies). */
async function postFrom(url: string, address: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
}

const LOGIN = `mutation ($code: String!) { login(code: $code) { token } }`;

describe('hostile clients: query limits', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('hostile_limits');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('refuses the alias bomb before running it', async () => {
    const user = await env.login('h-alias');
    const aliases = Array.from({ length: 2100 }, (_, i) => `m${i}: myMemberships { id }`).join(' ');
    const result = await user.client.request(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.data ?? null).toBeNull();
  });

  it('refuses aliases over the limit even when a directive skips them, whatever the text was costed with before', async () => {
    const user = await env.login('h-include');
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `m${i}: myMemberships @include(if: $on) { id }`).join(' ');
    const query = `query ($on: Boolean!) { ${aliases} }`;
    for (const on of [false, true]) {
      const result = await user.client.request(query, { on });
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(result.errors?.[0]?.message).toContain('别名过多');
    }
  });

  it('costs a list by its page size, for this request\'s variables', async () => {
    const { owner, communityId } = await env.createCommunity('h-first');
    const query = `query ($c: ID!, $n: Int!) { communityCoupons(communityId: $c, first: $n) { id qrCodeDataUrl } }`;
    const small = await owner.client.request(query, { c: communityId, n: 5 });
    expect(small.errors).toBeUndefined();
    const large = await owner.client.request(query, { c: communityId, n: 200 });
    expect(large.status).toBe(400);
    expect(large.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // the small one again: nothing was cached by text
    expect((await owner.client.request(query, { c: communityId, n: 5 })).errors).toBeUndefined();
  });

  it('refuses documents nested too deep, with too many directives or too many tokens', async () => {
    const user = await env.login('h-shape');
    let selection = 'id';
    for (let depth = 0; depth < QUERY_LIMITS.maxDepth + 2; depth += 1) selection = `community { member { ${selection} } }`;
    const deep = await user.client.request(`{ myMemberships { ${selection} } }`);
    const directives = await user.client.request(`{ me ${Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ')} { id } }`);
    const tokens = await user.client.request(`{ me { ${Array.from({ length: QUERY_LIMITS.maxTokens }, () => 'id').join(' ')} } }`);
    for (const refused of [deep, directives, tokens]) {
      expect(refused.status).toBe(400);
      expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(refused.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('one login per request: 5,000 aliased logins call WeChat at most once', async () => {
    const before = env.wechat.requests.length;
    const logins = Array.from({ length: 5000 }, (_, i) => `l${i}: login(code: "ok:h-bomb-${i}") { token }`).join(' ');
    const result = await env.anonymous.request(`mutation { ${logins} }`);
    expect(result.status).toBe(400);
    expect(env.wechat.requests.length - before).toBe(0);
    const two = await env.anonymous.request(`mutation { a: login(code: "ok:h-two-a") { token } b: login(code: "ok:h-two-b") { token } }`);
    expect(two.status).toBe(400);
    expect(two.errors?.[0]?.message).toContain('只能登录一次');
    expect(env.wechat.requests.length - before).toBe(0);
  });
});

describe('hostile clients: rate limits', () => {
  let env: TestEnvironment;
  const limits = { RATE_LIMIT_LOGIN: '5/60', RATE_LIMIT_MUTATIONS: '8/60', RATE_LIMIT_JOIN_CODE_MISSES: '4/600' };
  beforeAll(async () => {
    env = await createTestEnvironment('hostile_rate', { env: limits });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('cuts off a burst of logins from one address with RATE_LIMITED (HTTP 429), while another address still logs in', async () => {
    const before = env.wechat.requests.length;
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => postFrom(env.url, '203.0.113.7', LOGIN, { code: `ok:h-burst-${i}` })));
    const refused = burst.filter((r) => r.status === 429);
    expect(burst.filter((r) => r.data?.login?.token)).toHaveLength(5);
    expect(refused).toHaveLength(7);
    for (const r of refused) {
      expect(r.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(r.errors?.[0]?.message).toMatch(/登录太频繁/);
    }
    expect(env.wechat.requests.length - before).toBe(5);
    const other = await postFrom(env.url, '198.51.100.9', LOGIN, { code: 'ok:h-elsewhere' });
    expect(other.data?.login?.token).toBeTruthy();
  });

  it('limits mutations per user, and a refused request changes nothing', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('h-rate-owner');
    const member = await env.join('h-rate-member', joinCode);
    const updates = await Promise.all(
      Array.from({ length: 10 }, (_, i) => member.client.request(`mutation ($n: String!) { updateProfile(nickname: $n) { ... on User { nickname } } }`, { n: `昵称${i}` })),
    );
    // the join above was the member's first counted mutation
    expect(updates.filter((r) => r.status === 200 && !r.errors)).toHaveLength(7);
    expect(updates.filter((r) => r.status === 429 && r.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(3);
    const checkIn = await member.client.request(`mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`, { c: communityId });
    expect(checkIn.status).toBe(429);
    const row = await env.em().findOneOrFail(Member, Number(member.memberId));
    expect(row.points).toBe(0);
    expect(row.lastCheckInOn ?? null).toBeNull();
    // another user is not affected
    expect((await owner.client.request(`mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`, { c: communityId })).data?.checkIn.__typename).toBe('CheckInSuccess');
  });

  it('counts wrong join codes per address; the right code still works for others', async () => {
    const { joinCode } = await env.createCommunity('h-guess-owner');
    const guesser = await env.login('h-guesser');
    const preview = `query ($c: String!) { communityPreview(joinCode: $c) { id } }`;
    const misses = [];
    for (let i = 0; i < 4; i += 1) misses.push(await postFrom(env.url, '192.0.2.44', preview, { c: `zzzz${i}xyz` }, guesser.token));
    expect(misses.every((r) => r.status === 200 && r.data?.communityPreview === null)).toBe(true);
    const blocked = await postFrom(env.url, '192.0.2.44', preview, { c: joinCode }, guesser.token);
    expect(blocked.status).toBe(429);
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const join = await postFrom(env.url, '192.0.2.44', `mutation ($c: String!) { joinCommunity(joinCode: $c) { __typename } }`, { c: joinCode }, guesser.token);
    expect(join.status).toBe(429);
    const fromElsewhere = await postFrom(env.url, '192.0.2.45', preview, { c: joinCode }, guesser.token);
    expect(fromElsewhere.data?.communityPreview?.id).toBeTruthy();
  });
});

onMySQL('hostile clients: rate limits across two processes (MariaDB)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('hostile_rate2', { env: { RATE_LIMIT_LOGIN: '6/60', RATE_LIMIT_MUTATIONS: '8/60' } });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('one address gets 6 logins in all, however they are spread over the processes', async () => {
    const peer = await env.startPeerProcess();
    try {
      const burst = await Promise.all(
        Array.from({ length: 16 }, (_, i) => postFrom(i % 2 ? peer.url : env.url, '203.0.113.50', LOGIN, { code: `ok:h-two-proc-${i}` })),
      );
      expect(burst.filter((r) => r.data?.login?.token)).toHaveLength(6);
      expect(burst.filter((r) => r.status === 429)).toHaveLength(10);
    } finally {
      await peer.stop();
    }
  });

  it("one member's simultaneous mutations on both processes: 8 a minute in all, each refusal saying when to retry", async () => {
    const { joinCode } = await env.createCommunity('h-two-proc-owner');
    const member = await env.join('h-two-proc-member', joinCode); // the member's first counted mutation
    const peer = await env.startPeerProcess();
    try {
      const rename = `mutation ($n: String!) { updateProfile(nickname: $n) { ... on User { nickname } } }`;
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) => postFrom(i % 2 ? peer.url : env.url, '203.0.113.60', rename, { n: `并发${i}` }, member.token)),
      );
      expect(burst.filter((r) => r.status === 200 && !r.errors)).toHaveLength(7);
      const refused = burst.filter((r) => r.status === 429);
      expect(refused).toHaveLength(13);
      for (const r of refused) {
        expect(r.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
        const seconds = r.errors?.[0]?.extensions?.retryAfterSeconds;
        expect(seconds).toBeGreaterThanOrEqual(1);
        expect(seconds).toBeLessThanOrEqual(60);
        expect(r.retryAfter).toBe(String(seconds));
      }
      const [row] = await env.em().getConnection().execute('select points from rate_limit where `key` = ?', [`mutations:${member.userId}`]);
      expect(Number(row.points)).toBe(21);
    } finally {
      await peer.stop();
    }
  });
});

const ADJUST_POLICY = `mutation ($c: ID!, $p: Int!, $d: Int!) { setPointsAdjustPolicy(communityId: $c, perCallLimit: $p, dailyLimit: $d) { perCallLimit dailyLimit usedToday } }`;
const SET_ROLE = `mutation ($c: ID!, $m: ID!, $r: MemberRole!) { setMemberRole(communityId: $c, memberId: $m, role: $r) { __typename } }`;
const ADJUST_RESULT = `mutation ($c: ID!, $m: ID!, $a: Int!, $r: String!) { adjustPoints(communityId: $c, memberId: $m, amount: $a, reason: $r) {
  __typename ... on PointsAdjusted { member { points } } ... on AdjustLimitExceeded { limit remainingToday } ... on ErrorResult { errorCode message } } }`;

describe('hostile clients: privacy, operator rules, sessions, links', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('hostile_rules');
  });
  afterAll(async () => {
    await env?.close();
  });
  afterEach(async () => expect((await checkEconomyInvariants(env.em())).violations).toEqual([]));

  it("members see other members only as a public profile, through every list", async () => {
    const shop = await couponShop(env, 'h-privacy');
    const alice = await shop.memberWith('h-alice', 600);
    const bob = await shop.memberWith('h-bob', 0);
    const groupBuy = await createGroupBuy(shop.owner.client, shop.communityId, groupBuyInput(new Date()));
    await joinGroupBuy(alice.client, groupBuy.id, 1, '要两盒');
    const entries = await bob.client.data(`query ($id: ID!) { groupBuy(id: $id) { entries { seq member { id nickname avatarUrl tierName } } } }`, { id: groupBuy.id });
    expect(entries.groupBuy.entries).toEqual([{ seq: 1, member: { id: alice.memberId, nickname: null, avatarUrl: null, tierName: '达人' } }]);
    for (const field of ['points', 'lifetimePoints', 'tags', 'status', 'role', 'lastActiveAt', 'streak']) {
      const probe = await bob.client.request(`query ($id: ID!) { groupBuy(id: $id) { entries { member { ${field} } } } }`, { id: groupBuy.id });
      expect(probe.status).toBe(400);
      expect(probe.raw).not.toContain('600');
    }
    const coupon = (await alice.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon;
    const staff = await env.join('h-staff', shop.joinCode);
    await shop.owner.client.data(SET_ROLE, { c: shop.communityId, m: staff.memberId, r: 'STAFF' });
    const atCounter = await staff.client.request(`query ($c: ID!, $code: String!) { couponByCode(communityId: $c, code: $code) { member { points } } }`, { c: shop.communityId, code: coupon.code });
    expect(atCounter.status).toBe(400);
    // staff look coupons up by code only, never by sequential id
    expect((await staff.client.data(`{ coupon(id: ${coupon.id}) { id code } }`)).coupon).toBeNull();
    expect((await staff.client.data(`query ($c: ID!, $code: String!) { couponByCode(communityId: $c, code: $code) { id member { nickname } } }`, { c: shop.communityId, code: coupon.code })).couponByCode.id).toBe(coupon.id);
  });

  it('operator rules: nobody adjusts their own points, only the owner an admin\'s, nobody the owner\'s; a refusal changes nothing', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('h-rules-owner');
    const ownerMemberId = (await owner.client.data(`query ($c: ID!) { membership(communityId: $c) { id } }`, { c: communityId })).membership.id;
    const admin = await env.join('h-rules-admin', joinCode);
    const other = await env.join('h-rules-admin2', joinCode);
    const member = await env.join('h-rules-member', joinCode);
    for (const m of [admin, other]) await owner.client.data(SET_ROLE, { c: communityId, m: m.memberId, r: 'ADMIN' });
    const adjust = (as: typeof owner, target: string, amount: number, reason = '活动奖励') =>
      as.client.data(ADJUST_RESULT, { c: communityId, m: target, a: amount, r: reason }).then((d) => d.adjustPoints);
    expect(await adjust(admin, admin.memberId, 1000)).toMatchObject({ errorCode: 'ADJUST_NOT_ALLOWED', message: '不能调整自己的积分' });
    expect(await adjust(owner, ownerMemberId, 1000)).toMatchObject({ errorCode: 'ADJUST_NOT_ALLOWED' });
    expect(await adjust(admin, ownerMemberId, -10)).toMatchObject({ errorCode: 'ADJUST_NOT_ALLOWED', message: '不能调整群主的积分' });
    expect(await adjust(admin, other.memberId, 100)).toMatchObject({ errorCode: 'ADJUST_NOT_ALLOWED', message: '只有群主可以调整管理员的积分' });
    expect(await adjust(owner, admin.memberId, 100)).toMatchObject({ __typename: 'PointsAdjusted', member: { points: 100 } });
    expect(await adjust(admin, member.memberId, 10_001)).toMatchObject({ errorCode: 'ADJUST_LIMIT_EXCEEDED', limit: 10_000 });
    const blank = await admin.client.request(ADJUST_RESULT, { c: communityId, m: member.memberId, a: 10, r: '   ' });
    expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // only the owner sets the caps
    expect(await admin.client.errorCode(ADJUST_POLICY, { c: communityId, p: 100, d: 1000 })).toBe('FORBIDDEN');
    expect((await owner.client.data(ADJUST_POLICY, { c: communityId, p: 100_000, d: 200_000 })).setPointsAdjustPolicy).toEqual({ perCallLimit: 100_000, dailyLimit: 200_000, usedToday: 100 });
    const rows = await env.em().find(Member, { community: Number(communityId) });
    expect(Object.fromEntries(rows.map((m) => [m.id, m.points]))).toEqual(Object.fromEntries(rows.map((m) => [m.id, String(m.id) === admin.memberId ? 100 : 0])));
    // the owner sees every adjustment in the audit log
    const audit = await owner.client.data(`query ($c: ID!) { auditLog(communityId: $c, action: "adjustPoints", first: 50) { edges { node { action } } } }`, { c: communityId });
    expect(audit.auditLog.edges.length).toBeGreaterThanOrEqual(6);
  });

  it('balances cannot overflow the column', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('h-overflow');
    await owner.client.data(ADJUST_POLICY, { c: communityId, p: 1_000_000, d: 10_000_000 });
    const member = await env.join('h-overflow-member', joinCode);
    await env.em().nativeUpdate(Member, { id: Number(member.memberId) }, { points: 2_147_000_000, lifetimePoints: 2_147_000_000 });
    const result = (await owner.client.data(ADJUST_RESULT, { c: communityId, m: member.memberId, a: 1_000_000, r: '溢出' })).adjustPoints;
    expect(result.errorCode).toBe('POINTS_OUT_OF_RANGE');
    expect((await env.em().findOneOrFail(Member, Number(member.memberId))).points).toBe(2_147_000_000);
    await env.em().nativeUpdate(Member, { id: Number(member.memberId) }, { points: 0, lifetimePoints: 0 });
  });

  it('statements hidden in text stay text, also where the last statements go with the COMMIT in one query', async () => {
    const title = "券'); delete from member; --";
    const shop = await couponShop(env, 'h-stacked', { title });
    const member = await shop.memberWith('h-stacked-m', 600);
    // The join's batch and the redemption send their last statements with the COMMIT, as one multi-statement query on MySQL.
    const groupBuy = await createGroupBuy(shop.owner.client, shop.communityId, groupBuyInput(new Date()));
    const note = "'); update member set points = 1; --";
    expect(await joinGroupBuy(member.client, groupBuy.id, 1, note)).toMatchObject({ __typename: 'GroupBuyJoined', entry: { seq: 1, note } });
    const redeemed = (await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon;
    expect(redeemed).toMatchObject({ __typename: 'CouponRedeemed', balance: 100, coupon: { template: { title } } });
    const reason = "x'; drop table coupon; --";
    expect(await shop.owner.client.data(ADJUST_RESULT, { c: shop.communityId, m: member.memberId, a: 5, r: reason }).then((d) => d.adjustPoints)).toMatchObject({ member: { points: 105 } });
    const ledger = await member.client.data(`query ($c: ID!) { pointsLedger(communityId: $c, first: 5) { edges { node { amount note } } } }`, { c: shop.communityId });
    expect(ledger.pointsLedger.edges.map((edge: any) => edge.node)).toEqual(expect.arrayContaining([{ amount: -500, note: `兑换「${title}」` }, { amount: 5, note: reason }]));
    const rows = await env.em().find(Member, { community: Number(shop.communityId) });
    expect(rows.map((row) => row.points).sort((a, b) => a - b)).toEqual([0, 105]);
    expect((await member.client.data(`query ($c: ID!) { myCoupons(communityId: $c) { id } }`, { c: shop.communityId })).myCoupons).toHaveLength(1);
  });

  it('redeem then void leaves lifetime points and the tier where they were', async () => {
    const shop = await couponShop(env, 'h-cycle');
    const member = await shop.memberWith('h-cycler', 600);
    const standing = () => member.client.data(`query ($c: ID!) { membership(communityId: $c) { points lifetimePoints tier { name } } }`, { c: shop.communityId });
    const before = (await standing()).membership;
    for (let i = 0; i < 3; i += 1) {
      const coupon = (await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon;
      await shop.owner.client.data(`mutation ($id: ID!) { voidCoupon(couponId: $id) { __typename } }`, { id: coupon.id });
    }
    expect((await standing()).membership).toEqual(before);
  });

  it('logout revokes the session: the old token is refused, here and on the other process', async () => {
    const user = await env.login('h-logout');
    expect((await user.client.data(`{ me { id } }`)).me.id).toBe(user.userId);
    expect((await user.client.data(`mutation { logout }`)).logout).toBe(true);
    expect(await user.client.errorCode(`{ me { id } }`)).toBe('UNAUTHENTICATED');
    const again = await env.login('h-logout');
    expect((await again.client.data(`{ me { id } }`)).me.id).toBe(user.userId);
  });

  it('a burst of requests reads its session users in a few statements, and a logged-out token in it is still refused', async () => {
    const users = await Promise.all(Array.from({ length: 20 }, (_, i) => env.login(`h-burst-${i}`)));
    const [revoked] = users;
    await revoked.client.data(`mutation { logout }`);
    type Me = { me: { id: string } | null };
    let results: Array<Awaited<ReturnType<typeof graphql<Me>>>> = [];
    const statements = await env.recordQueries(async () => {
      results = await Promise.all(users.flatMap((user) => [graphql<Me>(env.url, `{ me { id } }`, {}, user.token), graphql<Me>(env.url, `{ me { id } }`, {}, user.token)]));
    });
    expect(results.map((result) => result.data?.me?.id ?? result.errors?.[0]?.extensions?.code)).toEqual(
      users.flatMap((user) => (user === revoked ? ['UNAUTHENTICATED', 'UNAUTHENTICATED'] : [user.userId, user.userId])),
    );
    const userReads = statements.filter((sql) => /from app_user/.test(sql));
    console.info(`40 simultaneous requests read their session users in ${userReads.length} statements`);
    expect(userReads.length).toBeGreaterThan(0);
    expect(userReads.length).toBeLessThan(35); // one each would be 40
  });

  it("an export link downloads once", async () => {
    const { owner, communityId } = await env.createCommunity('h-export');
    const groupBuy = await createGroupBuy(owner.client, communityId, groupBuyInput(new Date()));
    const file = (await owner.client.data(`mutation ($g: ID!) { exportGroupBuy(groupBuyId: $g, format: CSV) { url } }`, { g: groupBuy.id })).exportGroupBuy;
    const [first, second] = await Promise.all([fetch(`${env.url}${file.url}`), fetch(`${env.url}${file.url}`)]);
    expect([first.status, second.status].sort()).toEqual([200, 410]);
    const third = await fetch(`${env.url}${file.url}`);
    expect(third.status).toBe(410);
    expect(await third.text()).toContain('已使用');
  });
});

onMySQL('hostile clients: across two processes (MariaDB)', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('hostile_rules2');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the daily cap holds for simultaneous adjustments of one operator on both processes', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('h-cap-owner');
    await owner.client.data(ADJUST_POLICY, { c: communityId, p: 1000, d: 5000 });
    const members = await Promise.all(Array.from({ length: 4 }, (_, i) => env.join(`h-cap-${i}`, joinCode)));
    const peer = await env.startPeerProcess();
    try {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => graphql(i % 2 ? peer.url : env.url, ADJUST_RESULT, { c: communityId, m: members[i % 4].memberId, a: 1000, r: '并发' }, owner.token)),
      );
      const outcomes = results.map((r) => r.data.adjustPoints.__typename);
      expect(outcomes.filter((o) => o === 'PointsAdjusted')).toHaveLength(5);
      expect(outcomes.filter((o) => o === 'AdjustLimitExceeded')).toHaveLength(7);
      const moved = await env.em().getConnection().execute(`select sum(abs(amount)) as moved from points_entry where type = 'ADMIN_ADJUST' and community_id = ?`, [Number(communityId)]);
      expect(Number(moved[0].moved)).toBe(5000);
      expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
    } finally {
      await peer.stop();
    }
  });

  it('logout on one process is honoured at once by the other', async () => {
    const user = await env.login('h-logout-2');
    const peer = await env.startPeerProcess();
    try {
      expect((await graphql(peer.url, `{ me { id } }`, {}, user.token)).data.me.id).toBe(user.userId);
      await user.client.data(`mutation { logout }`);
      expect((await graphql(peer.url, `{ me { id } }`, {}, user.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await peer.stop();
    }
  });

  it("a failed login logs the database's message, never the session_key", async () => {
    const peer = await env.startPeerProcess();
    try {
      const name = `h-${'x'.repeat(70)}`; // an openid longer than its column: the upsert fails
      const result = await graphql(peer.url, LOGIN, { code: `ok:${name}` });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sessionKey = FakeWeChatServer.sessionKeyFor(name);
      expect(peer.output()).toContain('saving the user failed');
      expect(peer.output()).not.toContain(sessionKey);
      expect(result.raw).not.toContain(sessionKey);
    } finally {
      await peer.stop();
    }
  });
});

describe('hostile clients: the production gate', () => {
  const base = { WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', SESSION_SECRET: 'x'.repeat(32) };
  it('refuses to start on an unknown NODE_ENV, and refuses the demo or dev login in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'prod' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, NODE_ENV: 'Production' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' }, { demo: true })).toThrow(/demo/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production', WECHAT_LOGIN: 'dev' })).toThrow(/WECHAT_LOGIN=dev/);
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).production).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'development' }, { demo: true }).wechat.loginMode).toBe('dev');
  });

  it('reads the rate limits and refuses malformed ones', () => {
    expect(loadConfig({ ...base, RATE_LIMITS: 'off' }).rateLimits.enabled).toBe(false);
    expect(loadConfig({ ...base, RATE_LIMIT_LOGIN: '500/120' }).rateLimits.limits.login).toEqual({ points: 500, durationSeconds: 120 });
    for (const bad of [{ RATE_LIMITS: 'no' }, { RATE_LIMIT_LOGIN: '500' }, { RATE_LIMIT_MUTATIONS: '0/60' }]) expect(() => loadConfig({ ...base, ...bad })).toThrow(ConfigError);
  });
});
