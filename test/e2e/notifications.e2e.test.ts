import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { devLoginToken, graphqlRequest } from './helpers/graphql';
import { H5App } from './helpers/h5-app';

// Issue 10 in the browser: a group-buy closes, the member finds the message in 消息 with the
// unread badge on the home page (H5 has no WeChat cards: the inbox is the channel there).
// `npm run build`, then `npx jest --config test/jest.config.js test/e2e/notifications --selectProjects e2e`.
jest.setTimeout(180_000);

const MEMBER = '小美';
const HOUR = 3600 * 1000;

describe('notifications: the 消息 inbox and its badge (H5)', () => {
  let env: E2eEnvironment;
  let ownerToken: string;
  let memberToken: string;
  let community: { id: string; joinCode: string };
  let member: H5App;

  const as = <T>(token: string, query: string, variables: Record<string, unknown> = {}) => graphqlRequest<T>(env.server.baseUrl, query, variables, token);

  beforeAll(async () => {
    env = await createE2eEnvironment();
    ownerToken = await devLoginToken(env.server.baseUrl, 'n-owner');
    community = (
      await as<{ createCommunity: { id: string; joinCode: string } }>(ownerToken, 'mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id joinCode } }', {
        input: { name: '小区团购 · 鲜果群', category: 'PERKS', joinPolicy: 'OPEN', description: '每周二、五开团，到点自动截团' },
      })
    ).createCommunity;
    memberToken = await devLoginToken(env.server.baseUrl, MEMBER);
    const neighbour = await devLoginToken(env.server.baseUrl, '邻居阿强');
    for (const token of [memberToken, neighbour]) {
      await as(token, 'mutation ($c: String!) { joinCommunity(joinCode: $c) { __typename } }', { c: community.joinCode });
    }
    const now = Date.now();
    const { createGroupBuy } = await as<{ createGroupBuy: { id: string } }>(ownerToken, 'mutation ($c: ID!, $i: GroupBuyInput!) { createGroupBuy(communityId: $c, input: $i) { id } }', {
      c: community.id,
      i: {
        title: '丹东草莓 3 斤装',
        description: '产地直发',
        images: [],
        priceFen: 5990,
        originalPriceFen: 7990,
        stock: 20,
        perMemberLimit: null,
        minParticipants: 2,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 24 * HOUR).toISOString(),
        pickupNote: '周六 10:00-18:00 小区东门自提',
      },
    });
    for (const [index, token] of [memberToken, neighbour].entries()) {
      await as(token, 'mutation ($g: ID!, $r: String!) { joinGroupBuy(groupBuyId: $g, quantity: 1, requestId: $r) { __typename } }', { g: createGroupBuy.id, r: `e2e-${index}-${now}` });
    }
    await as(ownerToken, 'mutation ($g: ID!) { closeGroupBuy(groupBuyId: $g) { status } }', { g: createGroupBuy.id });

    member = await env.newPhone();
    await member.openHome(community.joinCode);
    await member.loginAs(MEMBER);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('the home page shows 消息 with an unread badge after the group-buy closed', async () => {
    const tile = member.current.locator('.qy-entry-tile', { hasText: '消息' });
    await tile.locator('.qy-entry-tile__badge').waitFor();
    expect((await tile.locator('.qy-entry-tile__badge').textContent())?.trim()).toBe('1');
    expect(await tile.textContent()).toContain('1 条未读');
    await member.waitForToastGone();
    await member.screenshot('home-messages-badge');
  });

  it('消息 lists the result, marks it read, and the badge is gone back home', async () => {
    await member.current.locator('.qy-entry-tile', { hasText: '消息' }).click();
    const row = member.current.locator('.qy-message-row').first();
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('团购成功');
    expect(text).toContain('「丹东草莓 3 斤装」已成团，共 2 人参团');
    expect(text).toContain('周六 10:00-18:00 小区东门自提');
    await row.locator('.qy-message-row__dot').waitFor(); // still marked for this visit
    await member.screenshot('messages-inbox');

    await expectUnread(0);
    await member.page.goBack();
    const tile = member.current.locator('.qy-entry-tile', { hasText: '消息' });
    await member.page.waitForFunction(`!document.querySelector('.taro_page.taro_page_show .qy-entry-tile__badge')`);
    expect(await tile.textContent()).toContain('通知与提醒');
  });

  it('the admin home shows the community’s delivery stats', async () => {
    const owner = await env.newPhone();
    await owner.open(`/admin/pages/community/index?id=${community.id}`);
    await owner.loginAs('n-owner');
    const card = owner.current.locator('.qy-notify-stats');
    await card.waitFor();
    await owner.page.waitForFunction(`document.querySelector('.qy-notify-stats__note')?.textContent?.includes('2 条')`);
    expect(await card.textContent()).toContain('另有 2 条未配置微信模板');
    await owner.screenshot('admin-community-notify-stats');
  });

  async function expectUnread(count: number): Promise<void> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const { unreadMessageCount } = await as<{ unreadMessageCount: number }>(memberToken, 'query ($c: ID!) { unreadMessageCount(communityId: $c) }', { c: community.id });
      if (unreadMessageCount === count) return;
      if (Date.now() > deadline) throw new Error(`unread stays ${unreadMessageCount}, expected ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
