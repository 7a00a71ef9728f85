import { localDate } from '../../server/src/common/local-date';
import { rollingExpiry } from '../../server/src/points/expiry/points-lots';
import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { devLoginToken, graphqlRequest } from './helpers/graphql';
import type { H5App } from './helpers/h5-app';

// 积分有效期 on the H5 build against the demo server: the owner sets the policy on the admin page,
// a member sees "X 积分将于 YYYY-MM-DD 过期" on home, in the ledger and in the shop (with what the
// points can buy). `npm run build`, then `npx jest --config test/jest.config.js --selectProjects e2e test/e2e/points-expiry`.
jest.setTimeout(180_000);

const MEMBER = '小满';

describe('points expiry (H5)', () => {
  let env: E2eEnvironment;
  let ownerToken: string;
  let community: { id: string; joinCode: string };
  let owner: H5App;
  let member: H5App;
  const ownerGraphql = <T>(query: string, variables: Record<string, unknown> = {}) => graphqlRequest<T>(env.server.baseUrl, query, variables, ownerToken);

  beforeAll(async () => {
    env = await createE2eEnvironment();
    ownerToken = await devLoginToken(env.server.baseUrl, 'owner');
    const { createCommunity } = await ownerGraphql<{ createCommunity: { id: string; joinCode: string } }>(
      'mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id joinCode } }',
      { input: { name: '小满的面包房', category: 'INTEREST', joinPolicy: 'OPEN' } },
    );
    community = createCommunity;
    await ownerGraphql('mutation ($c: ID!) { createCouponTemplate(communityId: $c, input: { title: "¥2 面包券", faceValueFen: 200, minSpendFen: 0, validDays: 30, minTierLevel: 0 }) { id } }', { c: community.id });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('the owner sets 积分有效期 to 12 months on the check-in rule page', async () => {
    owner = await env.newPhone();
    await owner.open(`/admin/pages/checkin-rule/index?id=${community.id}`);
    await owner.loginAs('owner');
    const card = owner.current.locator('.qy-limits', { hasText: '积分有效期' });
    await card.waitFor();
    expect(await card.locator('.qy-limits__row').textContent()).toContain('积分有效期：永久有效');
    await card.locator('.qy-limits__edit').click();
    await card.locator('.qy-choice', { hasText: '滚动有效' }).click();
    await card.locator('input').fill('12');
    await owner.screenshot('points-expiry-owner-editing');
    await card.getByText('保存有效期').click();
    await owner.waitForToast('已保存');
    await card.locator('.qy-limits__row', { hasText: '积分有效期：获得后 12 个月过期' }).waitFor();
    await owner.screenshot('points-expiry-owner-saved');
    const { pointsExpiryPolicy } = await ownerGraphql<{ pointsExpiryPolicy: { mode: string; months: number } }>('query ($c: ID!) { pointsExpiryPolicy(communityId: $c) { mode months } }', { c: community.id });
    expect(pointsExpiryPolicy).toEqual({ mode: 'ROLLING', months: 12 });
  });

  it('a member sees when their points expire on home, in the ledger and in the shop', async () => {
    const token = await devLoginToken(env.server.baseUrl, MEMBER);
    const { joinCommunity } = await graphqlRequest<{ joinCommunity: { member: { id: string } } }>(
      env.server.baseUrl,
      'mutation ($c: String!) { joinCommunity(joinCode: $c) { ... on JoinedCommunity { member { id } } } }',
      { c: community.joinCode },
      token,
    );
    await ownerGraphql('mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 300, reason: "开业礼") { __typename } }', { c: community.id, m: joinCommunity.member.id });
    const line = `300 积分将于 ${rollingExpiry(localDate(new Date(), 'Asia/Shanghai'), 12)} 过期`;

    member = await env.newPhone();
    await member.openHome(community.joinCode);
    await member.loginAs(MEMBER);
    await member.memberCard().waitFor();
    await member.current.locator('.qy-notice__title', { hasText: line }).waitFor();
    await member.waitForToastGone(); // 已进入「…」
    await member.screenshot('points-expiry-home');

    await member.current.locator('.qy-entry-tile', { hasText: '积分明细' }).click();
    await member.current.locator('.qy-ledger .qy-notice__title', { hasText: line }).waitFor();
    await member.screenshot('points-expiry-ledger');

    await member.open(`/pages/coupon-shop/index?id=${community.id}`);
    const notice = member.current.locator('.qy-shop .qy-notice', { hasText: line });
    await notice.waitFor();
    expect(await notice.locator('.qy-notice__description').textContent()).toBe('可兑换 「¥2 面包券」，别让它们白白过期。');
    await member.screenshot('points-expiry-shop');
  });

  it('the owner reads the points liability on the dashboard', async () => {
    await owner.open(`/admin/pages/community/index?id=${community.id}`);
    const card = owner.current.locator('.qy-card', { hasText: '积分负债' });
    await card.waitFor();
    await card.locator('.qy-dashboard__metric-value', { hasText: '¥3' }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await owner.screenshot('points-expiry-dashboard');
  });
});
