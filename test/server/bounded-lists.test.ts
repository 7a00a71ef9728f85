import { User } from '../../server/src/user/user.entity';
import { Member } from '../../server/src/member/member.entity';
import { IMAGE_RENDER_COST, QUERY_LIMITS } from '../../server/src/graphql/query-limits';
import { createGroupBuy, groupBuyInput, joinGroupBuy } from '../helpers/activities';
import { couponShop, CREATE_TEMPLATE, newRequestId, REDEEM } from '../helpers/economy';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const SET_ROLE = `mutation ($c: ID!, $m: ID!, $r: MemberRole!) { setMemberRole(communityId: $c, memberId: $m, role: $r) { __typename } }`;
const BAN = `mutation ($c: ID!, $m: ID!) { banMember(communityId: $c, memberId: $m) { __typename } }`;
const MEMBERS = `query ($c: ID!, $first: Int, $after: String, $search: String, $status: MemberStatus, $role: MemberRole, $tierLevel: Int, $tag: String) {
  members(communityId: $c, first: $first, after: $after, search: $search, status: $status, role: $role, tierLevel: $tierLevel, tag: $tag) {
    totalCount edges { cursor node { id nickname status role tags tier { level } } } pageInfo { hasNextPage endCursor } } }`;

interface MemberNode {
  id: string;
  nickname: string | null;
  status: string;
  role: string;
  tags: string[];
  tier: { level: number };
}
type Filters = Partial<{ first: number; after: string; search: string; status: string; role: string; tierLevel: number; tag: string }>;

describe('every list is bounded and costed as what it returns', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('bounded_lists');
  });
  afterAll(() => env?.close());

  const expectRefused = async (client: GraphQLClient, query: string, variables: Record<string, unknown>, code: string) => {
    const result = await client.request(query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    // refused whole (the cost), or the field answers null (its arguments)
    expect(Object.values(result.data ?? {}).every((value) => value === null)).toBe(true);
    return result;
  };

  it('refuses the nine aliases of myCoupons { qrCodeDataUrl } by cost, before rendering anything', async () => {
    const shop = await couponShop(env, 'bl-qr');
    const member = await shop.memberWith('bl-qr-member', 1500);
    for (let i = 0; i < 3; i += 1) await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() });
    const aliases = Array.from({ length: 9 }, (_, i) => `c${i}: myCoupons(communityId: $c) { qrCodeDataUrl }`).join(' ');
    const refused = await expectRefused(member.client, `query ($c: ID!) { ${aliases} }`, { c: shop.communityId }, 'QUERY_TOO_COMPLEX');
    expect(refused.status).toBe(400);
    expect(refused.raw).not.toContain('data:image');
    // One request renders at most 19 images, however they are asked for…
    const page = (first: number) => `query ($c: ID!) { myCoupons(communityId: $c, first: ${first}) { qrCodeDataUrl } }`;
    await expectRefused(member.client, page(20), { c: shop.communityId }, 'QUERY_TOO_COMPLEX');
    expect(19 * (1 + IMAGE_RENDER_COST)).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
    expect((await member.client.request(page(19), { c: shop.communityId })).errors).toBeUndefined();
    // …and a small page of them still shows, as the coupon detail page asks for one.
    const few = await member.client.data(page(3), { c: shop.communityId });
    expect(few.myCoupons).toHaveLength(3);
    expect(few.myCoupons[0].qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('refuses a page larger than a list allows as bad input, and applies the LIMIT it was given', async () => {
    const shop = await couponShop(env, 'bl-pages');
    const member = await shop.memberWith('bl-pages-member', 0);
    for (const title of ['¥1 券', '¥2 券']) {
      await shop.owner.client.data(CREATE_TEMPLATE, { c: shop.communityId, i: { title, faceValueFen: 100, minSpendFen: 0, validDays: 30, minTierLevel: 0 } });
    }
    const templates = `query ($c: ID!, $n: Int!) { couponTemplates(communityId: $c, first: $n) { id } }`;
    expect((await member.client.data(templates, { c: shop.communityId, n: 2 })).couponTemplates).toHaveLength(2);
    expect((await member.client.data(templates, { c: shop.communityId, n: 100 })).couponTemplates).toHaveLength(3);
    await expectRefused(member.client, templates, { c: shop.communityId, n: 101 }, 'BAD_USER_INPUT');
    await expectRefused(member.client, `query ($c: ID!) { couponTemplates(communityId: $c, first: 0) { id } }`, { c: shop.communityId }, 'BAD_USER_INPUT');
    await expectRefused(member.client, `query ($c: ID!) { myCoupons(communityId: $c, first: 201) { id } }`, { c: shop.communityId }, 'BAD_USER_INPUT');
    await expectRefused(member.client, `query ($c: ID!) { groupBuys(communityId: $c, first: 101) { id } }`, { c: shop.communityId }, 'BAD_USER_INPUT');
    await expectRefused(shop.owner.client, `query ($c: ID!) { members(communityId: $c, first: 101) { totalCount } }`, { c: shop.communityId }, 'BAD_USER_INPUT');
    await expectRefused(member.client, `{ myMemberships(first: 101) { id } }`, {}, 'BAD_USER_INPUT');
  });

  it('cuts each group-buy\'s 接龙 list at its page in the database, costs entries under groupBuys by their page, and still finds the caller\'s own entry', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('bl-groupbuy');
    const buyers = await env.joinCrowd('bl-buyer', joinCode, 4);
    const [first, second] = await Promise.all([0, 1].map(() => createGroupBuy(owner.client, communityId, groupBuyInput(new Date()))));
    for (const buyer of buyers) await joinGroupBuy(buyer.client, first.id, 1);
    await joinGroupBuy(buyers[0].client, second.id, 1);
    const list = `query ($c: ID!, $n: Int!) { groupBuys(communityId: $c) { id entries(first: $n) { seq } myEntry { seq } } }`;
    const asLast = (await buyers[3].client.data(list, { c: communityId, n: 2 })).groupBuys;
    const byId = Object.fromEntries(asLast.map((g: { id: string }) => [g.id, g]));
    expect(byId[first.id]).toEqual({ id: first.id, entries: [{ seq: 1 }, { seq: 2 }], myEntry: { seq: 4 } });
    expect(byId[second.id]).toEqual({ id: second.id, entries: [{ seq: 1 }], myEntry: null });
    await expectRefused(owner.client, `query ($g: ID!) { groupBuy(id: $g) { entries(first: 201) { seq } } }`, { g: first.id }, 'BAD_USER_INPUT');
    // 100 group-buys of 200 entries each were 20,000 rows under a cost of 10 a list
    await expectRefused(owner.client, `query ($c: ID!) { groupBuys(communityId: $c, first: 100) { entries(first: 200) { id } } }`, { c: communityId }, 'QUERY_TOO_COMPLEX');
  });

  describe('members: a cursor connection with search and filters', () => {
    let owner: LoggedIn;
    let communityId: string;
    let joinCode: string;
    const ids: Record<string, string> = {};
    const list = async (filters: Filters, as: GraphQLClient = owner.client) =>
      (await as.data<{ members: { totalCount: number; edges: Array<{ cursor: string; node: MemberNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(MEMBERS, { c: communityId, ...filters })).members;
    const names = async (filters: Filters) => (await list({ first: 100, ...filters })).edges.map((edge) => edge.node.nickname).sort();

    beforeAll(async () => {
      const home = await env.createCommunity('bl-owner');
      owner = home.owner;
      communityId = home.communityId;
      joinCode = home.joinCode;
      const nicknames = ['王小明', '小明同学', '100%真诚', 'a_b', 'axb', '李雷', '韩梅梅', 'Lucy'];
      const joined = await env.joinCrowd('bl-m', home.joinCode, nicknames.length + 17);
      const em = env.em();
      for (const [i, member] of joined.entries()) {
        const nickname = nicknames[i] ?? `路人${String(i).padStart(2, '0')}`;
        ids[nickname] = member.memberId;
        await em.nativeUpdate(User, { id: Number(member.userId) }, { nickname });
      }
      await owner.client.data(SET_ROLE, { c: communityId, m: ids['李雷'], r: 'STAFF' });
      await owner.client.data(SET_ROLE, { c: communityId, m: ids['韩梅梅'], r: 'ADMIN' });
      await owner.client.data(BAN, { c: communityId, m: ids['axb'] });
      // tags come from the entry questionnaire and the tier from lifetime points: set as those would leave them
      await em.nativeUpdate(Member, { id: Number(ids['王小明']) }, { tags: ['宝妈', '同城'], tierLevel: 1 });
      await em.nativeUpdate(Member, { id: Number(ids['Lucy']) }, { tags: ['同城'], tierLevel: 2 });
      await em.nativeUpdate(Member, { id: Number(ids['小明同学']) }, { tierLevel: 1 });
    });

    it('searches nicknames by substring, with % and _ as plain characters', async () => {
      expect(await names({ search: '小明' })).toEqual(['小明同学', '王小明']);
      expect(await names({ search: '  小明 ' })).toEqual(['小明同学', '王小明']);
      expect(await names({ search: 'lucy' })).toEqual(['Lucy']);
      expect(await names({ search: '%' })).toEqual(['100%真诚']);
      expect(await names({ search: '_', status: 'ACTIVE' })).toEqual(['a_b']);
      expect(await names({ search: "'; drop table member; --" })).toEqual([]);
      expect((await list({ search: '小明' })).totalCount).toBe(2);
    });

    it('filters by status (everyone but the removed without one), role, tier and tag, together with the search', async () => {
      const everyone = await list({ first: 100 });
      expect(everyone.totalCount).toBe(26); // 25 joined and the owner
      expect(everyone.edges.some((edge) => edge.node.status === 'BANNED')).toBe(true);
      expect(await names({ status: 'BANNED' })).toEqual(['axb']);
      expect(await names({ role: 'STAFF' })).toEqual(['李雷']);
      expect(await names({ role: 'ADMIN' })).toEqual(['韩梅梅']);
      expect(await names({ tierLevel: 1 })).toEqual(['小明同学', '王小明']);
      expect(await names({ tierLevel: 2 })).toEqual(['Lucy']);
      expect(await names({ tag: '同城' })).toEqual(['Lucy', '王小明']);
      expect(await names({ tag: '宝妈' })).toEqual(['王小明']);
      expect(await names({ tag: '同' })).toEqual([]);
      expect(await names({ tag: '同城', tierLevel: 1, search: '小明' })).toEqual(['王小明']);
      expect((await list({ tag: '同城', first: 1 })).totalCount).toBe(2);
    });

    it('pages newest first without duplicates or gaps, also when members join between pages', async () => {
      const all = (await list({ first: 100 })).edges.map((edge) => edge.node.id);
      const paged: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await list({ first: 7, after });
        paged.push(...page.edges.map((edge) => edge.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
        if (pages === 0) await env.join('bl-late', joinCode);
        pages += 1;
      } while (after);
      expect(pages).toBe(4);
      expect(paged).toEqual(all);
      expect(new Set(paged).size).toBe(all.length);
      const joinedAt = await env.em().find(Member, { id: { $in: all.map(Number) } });
      const order = new Map(joinedAt.map((m) => [String(m.id), m.joinedAt.getTime()]));
      expect(all.map((id) => order.get(id)!)).toEqual([...all.map((id) => order.get(id)!)].sort((a, b) => b - a));
    });

    it('refuses forged cursors and oversize filters as bad input', async () => {
      for (const filters of [{ after: 'garbage' }, { after: Buffer.from('mb:1').toString('base64url') }, { search: '长'.repeat(33) }, { tag: '标'.repeat(13) }, { tag: '' }, { tierLevel: 10 }, { tierLevel: -1 }, { first: 0 }]) {
        const result = await owner.client.request(MEMBERS, { c: communityId, ...filters });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it("is for the community's admins only: members, staff and another community's owner are FORBIDDEN", async () => {
      const staff = await env.login('bl-m-5'); // 李雷, STAFF
      const admin = await env.login('bl-m-6'); // 韩梅梅, ADMIN: allowed
      const member = await env.login('bl-m-7'); // Lucy
      const other = await env.createCommunity('bl-other-owner');
      expect((await list({ first: 1 }, admin.client)).edges).toHaveLength(1);
      for (const outsider of [staff, member, other.owner, await env.login('bl-stranger')]) {
        expect(await outsider.client.errorCode(MEMBERS, { c: communityId })).toBe('FORBIDDEN');
      }
    });
  });
});
