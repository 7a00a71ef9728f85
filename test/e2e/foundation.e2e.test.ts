import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { graphqlRequest } from './helpers/graphql';

// The H5 build against the demo server: `npm run build`, then
// `npx jest --config test/jest.config.js --selectProjects e2e`.
// A browser and a server start per file; Jest reads testTimeout only from the root config.
jest.setTimeout(120_000);

describe('foundation: entry, member card, admin (H5)', () => {
  let env: E2eEnvironment;
  let demo: { id: string; name: string };

  beforeAll(async () => {
    env = await createE2eEnvironment();
    const { communityPreview } = await graphqlRequest<{ communityPreview: { id: string; name: string } }>(
      env.server.baseUrl,
      'query ($code: String!) { communityPreview(joinCode: $code) { id name } }',
      { code: 'demo' },
    );
    demo = communityPreview;
  });

  afterAll(async () => {
    await env?.close();
  });

  it('a new user opens the join link, logs in by nickname and lands in the demo community', async () => {
    const app = await env.newPhone();
    await app.openHome('demo');

    expect(await app.textOf('.qy-invite__name')).toBe(demo.name);
    await app.screenshot('login-with-invite');

    await app.loginAs('小林');

    const card = app.memberCard();
    await card.waitFor();
    expect(await app.textOf('.qy-hero__name')).toBe(demo.name);
    expect(await app.textOf('.qy-member-card__nickname')).toBe('小林');
    expect(await app.textOf('.qy-member-card__points-value')).toBe('0');
    expect(await card.locator('.qy-role-badge').textContent()).toBe('成员');
    expect(await app.textOf('.qy-notice__title')).toBe(`欢迎加入「${demo.name}」`);
    expect(await app.current.locator('.qy-entry-tile', { hasText: '管理' }).count()).toBe(0);
    await app.screenshot('home-new-member');

    // A member who types the admin address still gets no admin page.
    await app.open(`/admin/pages/community/index?id=${demo.id}`);
    expect(await app.textOf('.qy-empty__title')).toBe('无权限');
    await app.screenshot('admin-forbidden-for-member');
  });

  it('an unknown join code explains itself instead of failing', async () => {
    const app = await env.newPhone();
    await app.openHome('no-such-code');
    await app.loginAs('路人甲');

    expect(await app.textOf('.qy-notice__title')).toContain('没有找到这个社群');
    expect(await app.textOf('.qy-empty__title')).toBe('还没有加入社群');
    await app.screenshot('home-unknown-code');
  });

  it('the owner sees the admin entry, the community page and the members', async () => {
    const app = await env.newPhone();
    await app.openHome();
    await app.loginAs('owner');

    await app.memberCard().waitFor();
    expect(await app.memberCard().locator('.qy-role-badge').textContent()).toBe('群主');
    const adminEntry = app.current.locator('.qy-entry-tile', { hasText: '管理' });
    await adminEntry.waitFor();
    await app.screenshot('home-owner');

    await adminEntry.click();
    expect(await app.textOf('.qy-invite-card__code')).toBe('demo');
    expect(await app.textOf('.qy-admin-overview__name')).toBe(demo.name);
    await app.screenshot('admin-community');

    await app.current.locator('.qy-nav-row', { hasText: '成员管理' }).click();
    const rows = app.current.locator('.qy-member-row');
    const names = () => app.current.locator('.qy-member-row__name').allTextContents();
    await rows.first().waitFor();
    // 20 a page, newest first; the count is of them all
    const total = Number(/共 (\d+) 人/.exec(await app.textOf('.qy-members__summary'))?.[1]);
    expect(total).toBeGreaterThan(20);
    expect(await rows.count()).toBe(20);
    await app.screenshot('admin-members');

    // Reaching the bottom loads the next page, up to 没有更多了, without a row twice.
    // (as a finger does: Taro's H5 reach-bottom fires again only after the page has scrolled away from the bottom)
    const scrollTo = (where: string) => app.scrollPageTo(where);
    for (let shown = 20; shown < total; shown = Math.min(shown + 20, total)) {
      await scrollTo('page.scrollHeight / 2');
      await app.page.waitForTimeout(100);
      await scrollTo('page.scrollHeight');
      await rows.nth(Math.min(shown + 20, total) - 1).waitFor();
    }
    expect(await app.textOf('.qy-list-footer')).toBe('没有更多了');
    const everyone = await names();
    expect(everyone).toHaveLength(total);
    expect(everyone).toEqual(expect.arrayContaining(['林店长', '小雅', '美美爱拿铁']));
    await app.screenshot('admin-members-all');

    // The role chips ask the server for the owner only; 全部 brings everyone back (a page of them).
    await app.current.locator('.qy-member-filters__chip', { hasText: '群主' }).click();
    await rows.nth(1).waitFor({ state: 'detached' });
    await rows.first().waitFor();
    expect(await names()).toEqual(['林店长']);
    await app.current.locator('.qy-member-filters__chip', { hasText: '全部' }).first().click();
    await rows.nth(19).waitFor();

    // The search box (labelled for screen readers) searches nicknames on the server once typing pauses.
    expect(await app.current.locator('.qy-member-search__input input').getAttribute('aria-label')).toBe('搜索成员昵称');
    await app.current.locator('.qy-member-search__input input').fill('美美');
    await rows.nth(1).waitFor({ state: 'detached' });
    await rows.first().waitFor();
    expect(await names()).toEqual(['美美爱拿铁']);
    expect(await app.textOf('.qy-members__summary')).toContain('符合条件 1 人');
    await app.screenshot('admin-members-search');

    // Text at 1.5×: the search, tabs, chips and rows wrap instead of clipping.
    await app.page.evaluate(`document.documentElement.style.fontSize = (parseFloat(getComputedStyle(document.documentElement).fontSize) * 1.5) + 'px'`);
    await app.screenshot('admin-members-large-text');
    await app.page.evaluate(`document.documentElement.style.fontSize = ''`);

    // 设为核销员: action sheet, confirmation, then the row shows the new role.
    const mei = app.current.locator('.qy-member-row', { hasText: '美美爱拿铁' });
    await mei.click();
    await app.page.locator('.taro-actionsheet__cell', { hasText: '设为核销员' }).click();
    await app.page.locator('.taro-modal__content').waitFor();
    expect(await app.page.locator('.taro-modal__text').textContent()).toContain('美美爱拿铁');
    await app.screenshot('admin-member-confirm');
    await app.page.locator('.taro-model__confirm').click();
    await mei.locator('.qy-role-badge', { hasText: '核销员' }).waitFor();
  });

  it('a user creates a community and becomes its owner', async () => {
    const app = await env.newPhone();
    await app.openHome();
    await app.loginAs('阿芳');
    expect(await app.textOf('.qy-empty__title')).toBe('还没有加入社群');
    await app.screenshot('home-no-community');

    await app.current.getByText('创建我的社群').click();
    await app.current.locator('.qy-create').waitFor();
    await app.current.locator('.qy-create .qy-button').click();
    expect(await app.textOf('.qy-field__error')).toContain('至少 2 个字');

    await app.current.locator('.qy-field__input input').fill('阿芳烘焙 · 老客福利群');
    await app.current.locator('.qy-choice', { hasText: '兴趣社群' }).click();
    await app.current.locator('.qy-choice', { hasText: '填写问卷审核后加入' }).click();
    await app.current.locator('.qy-field__textarea textarea').fill('每天签到领积分，积分可兑换门店优惠券～');
    await app.screenshot('community-create');
    await app.current.locator('.qy-create .qy-button').click();

    await app.page.waitForFunction(`document.querySelector('.taro_page_show .qy-hero__name')?.textContent === '阿芳烘焙 · 老客福利群'`);
    expect(await app.memberCard().locator('.qy-role-badge').textContent()).toBe('群主');
    await app.current.locator('.qy-entry-tile', { hasText: '管理' }).waitFor();
    expect(await app.textOf('.qy-hero .qy-tag')).toBe('兴趣社群');
    await app.screenshot('home-after-create');
  });

  it('shows loading, a friendly error with retry, and the login again when the session is rejected', async () => {
    const app = await env.newPhone();
    await app.openHome();
    await app.loginAs('断网的小王');
    await app.current.locator('.qy-empty').waitFor();

    // Hold the next GraphQL answer to see the loading state, then fail it.
    let releaseFailure = () => {};
    const failureReleased = new Promise<void>((resolve) => (releaseFailure = resolve));
    await app.page.route('**/graphql', async (route) => {
      await failureReleased;
      await route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' });
    });
    await app.page.reload();
    await app.current.locator('.qy-loading').waitFor();
    await app.screenshot('state-loading');
    releaseFailure();
    expect(await app.textOf('.qy-empty__description')).toBe('服务开小差了，请稍后再试');
    await app.screenshot('state-error');

    // The server without its database answers 503 SERVICE_UNAVAILABLE: the page says 服务繁忙, and 重新加载 works once it is back.
    await app.page.unroute('**/graphql');
    await app.page.route('**/graphql', (route) =>
      route.fulfill({
        status: 503,
        headers: { 'retry-after': '3' },
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: '服务繁忙，请稍后再试', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 3 } }] }),
      }),
    );
    await app.current.getByText('重新加载').click();
    await app.page.waitForFunction(`document.querySelector('.taro_page_show .qy-empty__description')?.textContent === '服务繁忙，请稍后再试'`);
    await app.screenshot('state-service-unavailable');

    await app.page.unroute('**/graphql');
    await app.current.getByText('重新加载').click();
    expect(await app.textOf('.qy-empty__title')).toBe('还没有加入社群');

    // A rejected session (expired, revoked) sends the user back to the login, not to an error.
    await app.page.route('**/graphql', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: '登录已过期，请重新登录', extensions: { code: 'UNAUTHENTICATED' } }] }),
      }),
    );
    await app.page.reload();
    await app.current.locator('.qy-login').waitFor();
    await app.page.unroute('**/graphql');
    await app.loginAs('断网的小王');
    expect(await app.textOf('.qy-empty__title')).toBe('还没有加入社群');
  });
});
