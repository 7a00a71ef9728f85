import jwt from 'jsonwebtoken';
import { Community } from '../../server/src/community/community.entity';
import { GraphQLClient } from '../helpers/graphql-client';
import { createTestEnvironment, TEST_SESSION_SECRET, TestEnvironment } from '../helpers/test-env';

describe('bad input and bad credentials', () => {
  let env: TestEnvironment;
  let userId: string;
  beforeAll(async () => {
    env = await createTestEnvironment('badinput');
    userId = (await env.login('b-user')).userId;
  });
  afterAll(() => env.close());

  const asToken = (token: string, query = `{ me { id } }`) => new GraphQLClient(env.url, token).request(query);

  it.each([
    ['expired', () => jwt.sign({}, TEST_SESSION_SECRET, { subject: userId, issuer: 'qunyou', expiresIn: -10 }), '登录已过期'],
    ['forged with another secret', () => jwt.sign({}, 'x'.repeat(40), { subject: userId, issuer: 'qunyou', expiresIn: 3600 }), '无效'],
    ['unsigned (alg none)', () => jwt.sign({}, '', { subject: userId, issuer: 'qunyou', algorithm: 'none' }), ''],
    ['for a user that does not exist', () => jwt.sign({}, TEST_SESSION_SECRET, { subject: '99999999', issuer: 'qunyou', expiresIn: 3600 }), '无效'],
    ['garbage', () => 'not-a-token-at-all', ''],
    ['of a revoked session generation', () => jwt.sign({ gen: 7 }, TEST_SESSION_SECRET, { subject: userId, issuer: 'qunyou', expiresIn: 3600 }), '已退出登录'],
  ])('a %s token answers 401 UNAUTHENTICATED', async (_label, makeToken, messagePart) => {
    // `{ __typename }` too: an operation that never asks for the user (its entity is mapped lazily) still checks the session.
    for (const query of [`{ me { id } }`, `{ __typename }`]) {
      const result = await asToken(makeToken(), query);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toContain(messagePart);
    }
  });

  it('a valid token works', async () => {
    const token = jwt.sign({}, TEST_SESSION_SECRET, { subject: userId, issuer: 'qunyou', expiresIn: 3600 });
    expect((await asToken(token)).data.me.id).toBe(userId);
  });

  it('a token that worked (and was remembered as verified) is refused once it expires', async () => {
    const token = jwt.sign({}, TEST_SESSION_SECRET, { subject: userId, issuer: 'qunyou', expiresIn: 1 });
    expect((await asToken(token)).data.me.id).toBe(userId);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = await asToken(token);
    expect(later.status).toBe(401);
    expect(later.errors?.[0]?.message).toContain('登录已过期');
  });

  it('operations that need a user refuse anonymous callers', async () => {
    for (const query of [`{ myMemberships { id } }`, `mutation { joinCommunity(joinCode: "demo") { __typename } }`]) {
      const result = await env.anonymous.request(query);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('oversize and out-of-range strings are refused with the field named, nothing written', async () => {
    const user = await env.login('b-writer');
    const before = await env.em().count(Community, {});
    for (const input of [
      { name: '名'.repeat(31), category: 'INTEREST', joinPolicy: 'OPEN' },
      { name: '好', category: 'INTEREST', joinPolicy: 'OPEN' },
      { name: '正常名字', category: 'INTEREST', joinPolicy: 'OPEN', description: '长'.repeat(2001) },
    ]) {
      const result = await user.client.request(`mutation ($i: CreateCommunityInput!) { createCommunity(input: $i) { id } }`, { i: input });
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields?.[0]?.field).toMatch(/^(input\.)?(name|description)$/);
      expect(result.raw).not.toContain('长长长长长长');
    }
    const badEnum = await user.client.request(`mutation { createCommunity(input: { name: "好名字", category: SPAM, joinPolicy: OPEN }) { id } }`);
    expect(badEnum.status).toBe(400);
    expect(await env.em().count(Community, {})).toBe(before);
  });

  it.each(['abc', '-1', '0', '1e5', '12345678901234567890'])('an id like %p is bad input', async (id) => {
    const user = await env.login(`b-id-${id.length}`);
    const result = await user.client.request(`query ($c: ID!) { membership(communityId: $c) { id } }`, { c: id });
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses bad adjustment caps, bad reasons and bad ids of the new operations, changing nothing', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('b-caps');
    const member = await env.join('b-caps-member', joinCode);
    const caps = `mutation ($c: ID!, $p: Int!, $d: Int!) { setPointsAdjustPolicy(communityId: $c, perCallLimit: $p, dailyLimit: $d) { perCallLimit } }`;
    for (const [p, d] of [[0, 100], [100, 0], [-5, 100], [2000, 1000], [2_000_000, 3_000_000], [100, 2_000_000_000]]) {
      expect(await owner.client.errorCode(caps, { c: communityId, p, d })).toBe('BAD_USER_INPUT');
    }
    const adjust = `mutation ($c: ID!, $m: ID!, $r: String!) { adjustPoints(communityId: $c, memberId: $m, amount: 10, reason: $r) { __typename } }`;
    for (const reason of ['', '   ', '\n\t', 'x'.repeat(101)]) expect(await owner.client.errorCode(adjust, { c: communityId, m: member.memberId, r: reason })).toBe('BAD_USER_INPUT');
    expect(await owner.client.errorCode(`mutation ($c: ID!) { unbindWeChatGroup(communityId: $c, groupId: "abc") { __typename } }`, { c: communityId })).toBe('BAD_USER_INPUT');
    expect(await member.client.errorCode(`mutation { enterFromGroup(encryptedData: "AAAA", iv: "AAAA", communityId: "-1") { __typename } }`)).toBe('BAD_USER_INPUT');
    const row = await env.em().findOneOrFail(Community, Number(communityId));
    expect([row.adjustPerCallLimit, row.adjustDailyLimit]).toEqual([10_000, 50_000]);
  });

  it('refuses bad economy caps, rules beyond them and avatars that are not uploads, changing nothing', async () => {
    const { owner, communityId } = await env.createCommunity('b-economy');
    const caps = `mutation ($c: ID!, $a: Int!, $d: Int!) { setEconomyCaps(communityId: $c, input: { maxPointsPerAction: $a, maxRulePointsPerMemberDay: $d }) { maxPointsPerAction } }`;
    for (const [a, d] of [[0, 100], [100, 0], [-1, 100], [2000, 1000], [100_001, 1_000_000], [100, 1_000_001], [1.5, 100]]) {
      expect(await owner.client.errorCode(caps, { c: communityId, a, d })).toBe('BAD_USER_INPUT');
    }
    const row = await env.em().findOneOrFail(Community, Number(communityId));
    expect([row.maxPointsPerAction, row.maxRulePointsPerMemberDay]).toEqual([1_000, 2_000]);
    // A client cannot name an avatar URL at all any more (issue 21): only an image it uploaded, by id.
    const avatar = `mutation ($u: String!) { updateProfile(avatarUrl: $u) { ... on User { avatarUrl } } }`;
    expect(await owner.client.errorCode(avatar, { u: 'https://tracker.example.com/p.png' })).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const id of ['0', '-1', 'abc', '1e3', '9'.repeat(20)]) {
      expect(await owner.client.errorCode(`mutation ($a: ID!) { updateProfile(avatarMediaId: $a) { ... on User { avatarUrl } } }`, { a: id })).toBe('BAD_USER_INPUT');
    }
    expect((await owner.client.data(`{ me { avatarUrl } }`)).me.avatarUrl).toBeNull();
  });

  it('refuses page sizes beyond a list\'s maximum, forged member cursors and oversize member filters', async () => {
    const { owner, communityId } = await env.createCommunity('b-lists');
    const members = `query ($c: ID!, $n: Int, $a: String, $s: String, $t: String, $l: Int) { members(communityId: $c, first: $n, after: $a, search: $s, tag: $t, tierLevel: $l) { totalCount } }`;
    for (const bad of [{ n: 101 }, { n: 0 }, { a: 'not-a-cursor' }, { s: '字'.repeat(33) }, { t: '' }, { t: '标'.repeat(13) }, { l: 10 }, { l: -1 }]) {
      expect(await owner.client.errorCode(members, { c: communityId, ...bad })).toBe('BAD_USER_INPUT');
    }
    for (const [field, max] of [['myCoupons', 200], ['communityCoupons', 200], ['couponTemplates', 100], ['groupBuys', 100], ['applications', 200], ['signupForms', 100], ['boundWeChatGroups', 100]] as const) {
      expect(await owner.client.errorCode(`query ($c: ID!, $n: Int!) { ${field}(communityId: $c, first: $n) { __typename } }`, { c: communityId, n: max + 1 })).toBe('BAD_USER_INPUT');
    }
    expect(await owner.client.errorCode(`{ myMemberships(first: 101) { id } }`)).toBe('BAD_USER_INPUT');
  });

  it('refuses a request body over the limit without a server error', async () => {
    const response = await fetch(`${env.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(300 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });

  it('hides nothing it should show and shows nothing it should hide: no stack traces under production', async () => {
    const prod = await createTestEnvironment('badinput_prod', { env: { NODE_ENV: 'production' } });
    try {
      const result = await prod.anonymous.request(`{ me { idd } }`);
      expect(result.status).toBe(400);
      expect(result.raw).not.toContain('stacktrace');
      expect(result.raw).not.toMatch(/Did you mean/);
      const introspection = await prod.anonymous.request(`{ __schema { types { name } } }`);
      expect(introspection.errors?.length).toBeGreaterThan(0);
    } finally {
      await prod.close();
    }
  });
});
