import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { graphqlRequest } from './helpers/graphql';

// The operator's dashboard on the H5 build against the demo server (60 days of seeded history):
// numbers and F2 charts, a perk sent to a dormant member who then holds it, and the audit log.
// `npm run build`, then `npx jest --config test/jest.config.js test/e2e/health --selectProjects e2e`.
jest.setTimeout(180_000);

/** Pixels of a chart canvas that are not blank: a drawn chart has thousands. */
const drawnPixels = (canvasId: string) => `(() => {
  const canvas = document.querySelector('.taro_page_show canvas[canvas-id="${canvasId}"]');
  if (!canvas || !canvas.width) return 0;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted += 1;
  return painted;
})()`;

describe('community health dashboard (H5)', () => {
  let env: E2eEnvironment;
  let demo: { id: string; name: string };

  beforeAll(async () => {
    env = await createE2eEnvironment();
    demo = (await graphqlRequest<{ communityPreview: { id: string; name: string } }>(env.server.baseUrl, 'query { communityPreview(joinCode: "demo") { id name } }')).communityPreview;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the owner sees today, the range numbers, charts drawn and the dormant buckets; a perk reaches a dormant member; the audit log shows it', async () => {
    const owner = await env.newPhone();
    await owner.openHome();
    await owner.loginAs('owner');
    await owner.current.locator('.qy-entry-tile', { hasText: '管理' }).click();

    await owner.current.locator('.qy-dashboard').waitFor();
    expect(await owner.textOf('.qy-tabs__item.is-active')).toBe('近 7 天');
    const metrics = await owner.current.locator('.qy-dashboard__grid .qy-dashboard__metric-label').allTextContents();
    expect(metrics).toEqual(expect.arrayContaining(['成员总数', '活跃成员', '签到率', '新人 7 日留存', '待审核申请']));
    expect(Number(await owner.textOf('.qy-dashboard__grid .qy-dashboard__metric-value'))).toBeGreaterThan(30); // 成员总数
    // Both charts are drawn on their canvas (F2 on canvas 2d).
    await owner.page.waitForFunction(`${drawnPixels('qy-chart-checkins')} > 2000 && ${drawnPixels('qy-chart-active')} > 1000`);
    await owner.screenshot('admin-dashboard');

    await owner.current.locator('.qy-tabs__item', { hasText: '近 30 天' }).click();
    await owner.page.waitForFunction(`document.querySelector('.taro_page_show .qy-dashboard__card-title + .qy-dashboard__grid') !== null`);
    await owner.page.waitForFunction(`${drawnPixels('qy-chart-checkins')} > 2000`);
    await owner.current.locator('.qy-dashboard__funnel').scrollIntoViewIfNeeded();
    await owner.screenshot('admin-dashboard-30-days');
    const buckets = (await owner.current.locator('.qy-dashboard__dormant-count').allTextContents()).map(Number);
    expect(buckets).toHaveLength(3);
    expect(buckets[0]).toBeGreaterThanOrEqual(buckets[1]);
    expect(buckets[1]).toBeGreaterThanOrEqual(buckets[2]);
    expect(buckets[2]).toBeGreaterThan(0);
    await owner.current.locator('.qy-dashboard__dormant').last().scrollIntoViewIfNeeded();
    await owner.screenshot('admin-dashboard-dormant');

    // Step 2 of the wake-up: 潜水员 has been silent for 35 days; send a free ¥2 coupon.
    await owner.current.locator('.qy-dashboard__dormant', { hasText: '沉默 15 天+' }).click();
    await owner.current.locator('.qy-dormant__row').first().waitFor();
    expect(await owner.textOf('.qy-tabs__item.is-active')).toBe('沉默 15 天+');
    const quiet = owner.current.locator('.qy-dormant__row', { hasText: '潜水员' });
    expect(await quiet.textContent()).toContain('已沉默 35 天');
    await quiet.click();
    await owner.current.locator('.qy-dormant__actions').waitFor();
    await owner.screenshot('admin-dormant-selected');
    await owner.current.locator('.qy-dormant__actions .qy-button', { hasText: '送福利券' }).click();
    await owner.current.locator('.qy-dormant__template', { hasText: '¥2 加料券' }).click();
    expect(await owner.waitForModal('送福利券')).toContain('给 1 位成员各送一张「¥2 加料券」');
    await owner.confirmModal();
    expect(await owner.waitForModal('已送出')).toContain('已给 1 位成员各送一张「¥2 加料券」');
    await owner.screenshot('admin-dormant-perk-sent');
    await owner.confirmModal();

    const member = await env.newPhone();
    await member.openHome();
    await member.loginAs('quiet');
    await member.memberCard().waitFor();
    await member.open(`/pages/my-coupons/index?id=${demo.id}`);
    await member.current.locator('.qy-ticket', { hasText: '¥2 加料券' }).waitFor();
    await member.screenshot('member-granted-coupon');

    await owner.open(`/admin/pages/audit-log/index?id=${demo.id}`);
    const entry = owner.current.locator('.qy-audit-row').first();
    await entry.waitFor();
    expect(await entry.locator('.qy-audit-row__action').textContent()).toBe('赠送福利券');
    expect(await entry.textContent()).toContain('林店长 · 优惠券');
    expect(await entry.textContent()).toContain('1 位成员');
    expect(await entry.textContent()).toContain('成功');
    await owner.screenshot('admin-audit-log');
  });
});
