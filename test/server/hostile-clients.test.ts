import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';
import { TEST_DB } from '../helpers/test-database';
import { QUERY_LIMITS } from '../../server/src/common/query-limits';
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
  return { status: response.status, ...body };
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
      Array.from({ length: 10 }, (_, i) => member.client.request(`mutation ($n: String!) { updateProfile(nickname: $n) { nickname } }`, { n: `昵称${i}` })),
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
    env = await createTestEnvironment('hostile_rate2', { env: { RATE_LIMIT_LOGIN: '6/60' } });
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
});
