import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { devLoginToken, graphqlRequest } from './helpers/graphql';

// 入群费 on the H5 demo (WECHAT_LOGIN=dev, no WeChat Pay: 模拟支付): the owner sets ¥9.90 on the admin page,
// a newcomer opens the demo link, sees the fee, taps 模拟支付 and lands as a member; the owner sees the order.
// `npm run build`, then `npx jest --config test/jest.config.js --selectProjects e2e --runTestsByPath test/e2e/paid-entry.e2e.test.ts`.
jest.setTimeout(180_000);

describe('paid entry in the H5 demo', () => {
  let env: E2eEnvironment;
  let communityId: string;

  beforeAll(async () => {
    env = await createE2eEnvironment();
    const { communityPreview } = await graphqlRequest<{ communityPreview: { id: string } }>(
      env.server.baseUrl,
      'query ($code: String!) { communityPreview(joinCode: $code) { id } }',
      { code: 'demo' },
    );
    communityId = communityPreview.id;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the owner sets a ¥9.90 entry fee on 邀请与入群方式', async () => {
    const owner = await env.newPhone();
    await owner.openHome('demo');
    await owner.loginAs('owner');
    await owner.memberCard().waitFor();
    await owner.open(`/admin/pages/invites/index?id=${communityId}`);
    const fee = owner.current.locator('.qy-entry-fee__input input').first();
    await fee.waitFor();
    expect(await fee.inputValue()).toBe('0');
    await fee.fill('9.9');
    await owner.current.locator('.qy-button', { hasText: '保存入群费' }).click();
    await owner.waitForToast('入群费已设为 ¥9.90');
    await owner.waitForToastGone();
    await owner.current.locator('.qy-entry-fee__input').scrollIntoViewIfNeeded();
    await owner.screenshot('paid-entry-admin-fee');
  });

  it('a newcomer sees the fee, taps 模拟支付 and becomes a member once the server confirms', async () => {
    const newcomer = await env.newPhone();
    await newcomer.openHome('demo');
    expect(await newcomer.textOf('.qy-invite__fee')).toBe('入群费 ¥9.90');
    await newcomer.loginAs('小付');
    // Home says what is due and opens 支付入群费 (entry/ subpackage).
    expect(await newcomer.textOf('.qy-entry-payment__amount')).toContain('¥9.90');
    expect(await newcomer.textOf('.qy-entry-payment__amount')).toContain('入群费');
    expect(await newcomer.textOf('.qy-entry-payment__demo')).toContain('模拟支付不会真实扣款');
    const token = await devLoginToken(env.server.baseUrl, '小付');
    const before = await graphqlRequest<{ membership: unknown }>(env.server.baseUrl, 'query ($c: ID!) { membership(communityId: $c) { status } }', { c: communityId }, token);
    expect(before.membership).toBeNull();
    await newcomer.screenshot('paid-entry-fee-due');

    // Leaving the page unpaid: home keeps the notice with 去支付, which opens the same order again.
    await newcomer.page.goBack();
    expect(await newcomer.textOf('.qy-notice__title')).toBe('加入「山茶咖啡 · 会员福利社」需支付入群费 ¥9.90');
    expect(await newcomer.memberCard().count()).toBe(0);
    await newcomer.screenshot('paid-entry-home-notice');
    await newcomer.current.locator('.qy-notice .qy-button', { hasText: '去支付' }).click();

    await newcomer.current.locator('.qy-entry-payment__pay', { hasText: '模拟支付 ¥9.90' }).click();
    await newcomer.memberCard().waitFor();
    expect(await newcomer.textOf('.qy-member-card__nickname')).toBe('小付');
    const after = await graphqlRequest<{ membership: { status: string } }>(env.server.baseUrl, 'query ($c: ID!) { membership(communityId: $c) { status } }', { c: communityId }, token);
    expect(after.membership.status).toBe('ACTIVE');
    await newcomer.waitForToastGone();
    await newcomer.screenshot('paid-entry-member');
  });

  it('the owner sees the paid order on 入群费订单, with 退款', async () => {
    const owner = await env.newPhone();
    await owner.openHome('demo');
    await owner.loginAs('owner');
    await owner.memberCard().waitFor();
    await owner.open(`/admin/pages/payment-orders/index?id=${communityId}`);
    const order = owner.current.locator('.qy-payment-order', { hasText: '小付' });
    await order.waitFor();
    expect(await order.textContent()).toContain('¥9.90');
    expect(await order.textContent()).toContain('已支付');
    await order.locator('.qy-button', { hasText: '退款' }).waitFor();
    await owner.screenshot('paid-entry-orders');
  });
});
