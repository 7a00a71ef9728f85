import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { devLoginToken, graphqlRequest } from './helpers/graphql';
import type { H5App } from './helpers/h5-app';

// The member economy on the H5 build against the demo server: check-in, points, coupons,
// write-off. `npm run build`, then `npx jest --config test/jest.config.js --selectProjects e2e test/e2e/economy`.
jest.setTimeout(180_000);

const MEMBER = '阿青';

interface ShopTemplate {
  id: string;
  title: string;
  pointsCost: number;
  minTierLevel: number;
  remaining: number | null;
  perMemberLimit: number | null;
}

/** The number in an element's text, e.g. "+10 积分" → 10. */
function numberIn(text: string): number {
  const match = /-?\d+/.exec(text.replace(/,/g, ''));
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0]);
}

async function pointsOnCard(app: H5App): Promise<number> {
  return numberIn(await app.textOf('.qy-member-card__points-value'));
}

async function waitForText(app: H5App, selector: string, expected: string): Promise<void> {
  // A string: the test project has no DOM types.
  await app.page.waitForFunction(
    `document.querySelector(${JSON.stringify(`.taro_page_show ${selector}`)})?.textContent?.trim() === ${JSON.stringify(expected)}`,
  );
}

describe('member economy: check-in, points, coupons, write-off (H5)', () => {
  let env: E2eEnvironment;
  let demo: { id: string; name: string };
  let member: H5App;
  let owner: H5App;
  let template: ShopTemplate;
  let couponCode: string;
  let pointsAfterCheckIn: number;

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

  it('a new member joins, checks in and sees the points change', async () => {
    member = await env.newPhone();
    await member.openHome('demo');
    await member.loginAs(MEMBER);
    await member.memberCard().waitFor();

    const before = await pointsOnCard(member);
    expect(await member.textOf('.qy-member-card__tier')).toBe('新人');
    expect(await member.textOf('.qy-tier-progress__text')).toMatch(/^再得 \d+ 积分升级为 达人$/);
    expect(await member.textOf('.qy-checkin-panel__button')).toContain('签到');
    await member.current.locator('.qy-streak__day.is-today').waitFor();
    expect(await member.current.locator('.qy-entry-tile', { hasText: '核销' }).count()).toBe(0);
    await member.screenshot('economy-home-before-checkin');

    await member.current.locator('.qy-checkin-panel__button').click();
    await member.current.locator('.qy-checkin-result__reward').first().waitFor();
    const rewards = await member.current.locator('.qy-checkin-result__reward').allTextContents();
    expect(rewards[0]).toMatch(/^\+\d+ 积分$/);
    const awarded = rewards.map(numberIn).reduce((sum, points) => sum + points, 0);
    expect(await member.textOf('.qy-checkin-result__title')).toBe('签到成功');
    expect(numberIn(await member.textOf('.qy-checkin-result__fact-value'))).toBe(before + awarded);
    await member.screenshot('economy-checkin-result');

    await member.current.locator('.qy-checkin-result__close').click();
    pointsAfterCheckIn = before + awarded;
    await waitForText(member, '.qy-member-card__points-value', String(pointsAfterCheckIn));
    await waitForText(member, '.qy-checkin-panel__button', '今日已签到');
    expect(await member.current.locator('.qy-streak__day.is-today.is-checked').count()).toBe(1);
    await member.screenshot('economy-home-checked-in');
  });

  it('the calendar marks today and the ledger lists the check-in', async () => {
    await member.current.locator('.qy-entry-tile', { hasText: '签到日历' }).click();
    await member.current.locator('.qy-calendar__day.is-today.is-checked').waitFor();
    await member.current.locator('.qy-rule-summary').waitFor();
    expect(await member.textOf('.qy-checkin-calendar__month-count')).not.toBe('–');
    await member.screenshot('economy-checkin-calendar');

    await member.current.locator('.qy-calendar__nav').first().click();
    await member.current.locator('.qy-calendar__title', { hasText: '月' }).waitFor();
    await member.page.goBack();
    await member.memberCard().waitFor();

    await member.current.locator('.qy-entry-tile', { hasText: '积分明细' }).click();
    const checkInRow = member.current.locator('.qy-ledger-row', { hasText: '每日签到' }).first();
    await checkInRow.waitFor();
    expect(await checkInRow.locator('.qy-ledger-row__amount').textContent()).toMatch(/^\+\d+$/);
    expect(await member.textOf('.qy-ledger__balance')).toBe(String(pointsAfterCheckIn));
    expect(await member.textOf('.qy-ledger-row__balance')).toBe(`余额 ${pointsAfterCheckIn}`);
    expect(await member.textOf('.qy-ledger-row__time')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await member.screenshot('economy-points-ledger');
    await member.page.goBack();
    await member.memberCard().waitFor();
  });

  it('redeeming without enough points says how many are missing', async () => {
    const token = await devLoginToken(env.server.baseUrl, MEMBER);
    const { couponTemplates } = await graphqlRequest<{ couponTemplates: ShopTemplate[] }>(
      env.server.baseUrl,
      'query ($id: ID!) { couponTemplates(communityId: $id) { id title pointsCost minTierLevel remaining perMemberLimit } }',
      { id: demo.id },
      token,
    );
    const affordableLater = couponTemplates
      .filter((candidate) => candidate.minTierLevel === 0 && candidate.remaining !== 0 && candidate.pointsCost > pointsAfterCheckIn)
      .sort((a, b) => a.pointsCost - b.pointsCost);
    expect(affordableLater.length).toBeGreaterThan(0);
    template = affordableLater[0];

    await member.current.locator('.qy-entry-tile', { hasText: '积分商城' }).click();
    const card = member.current.locator('.qy-ticket', { hasText: template.title });
    await card.waitFor();
    expect(await member.textOf('.qy-shop__points')).toBe(String(pointsAfterCheckIn));
    await member.screenshot('economy-coupon-shop');

    await card.locator('.qy-button').click();
    expect(await member.waitForModal('确认用')).toContain(`确认用 ${template.pointsCost} 积分兑换？`);
    await member.screenshot('economy-redeem-confirm');
    await member.confirmModal();
    const refusal = await member.waitForModal('需要');
    expect(refusal).toMatch(new RegExp(`需要 ${template.pointsCost}( 积分)?，当前 ${pointsAfterCheckIn}`));
    await member.screenshot('economy-redeem-insufficient');
    await member.confirmModal();
  });

  it('the owner adds points to the member on the adjust-points page', async () => {
    owner = await env.newPhone();
    await owner.openHome();
    await owner.loginAs('owner');
    await owner.memberCard().waitFor();
    await owner.current.locator('.qy-entry-tile', { hasText: '核销' }).waitFor();
    await owner.screenshot('economy-home-owner');

    await owner.current.locator('.qy-entry-tile', { hasText: '管理' }).click();
    const adjustLink = owner.current.locator('.qy-nav-row', { hasText: '调整积分' });
    await adjustLink.scrollIntoViewIfNeeded();
    await owner.screenshot('admin-community-economy-links');
    await adjustLink.click();
    await owner.current.locator('.qy-member-search__input input').fill(MEMBER);
    const row = owner.current.locator('.qy-member-row', { hasText: MEMBER });
    await row.waitFor();
    // the server's search answers once typing pauses: the other rows go
    await owner.current.locator('.qy-member-row').nth(1).waitFor({ state: 'detached' });
    await row.waitFor();
    expect(await owner.current.locator('.qy-member-row').count()).toBe(1);
    await owner.screenshot('admin-points-adjust-picker');
    await row.click();

    // Reason is required: the form says so before asking the server.
    await owner.current.locator('.qy-points-adjust__amount input').fill(String(template.pointsCost));
    await owner.current.getByText('确认调整').click();
    expect(await owner.textOf('.qy-field__error')).toContain('请填写调整原因');

    await owner.current.locator('.qy-points-adjust__reason textarea').fill('到店活动奖励');
    await owner.current.getByText('确认调整').click();
    expect(await owner.waitForModal('确认调整积分')).toContain(`给「${MEMBER}」增加 ${template.pointsCost} 积分`);
    await owner.confirmModal();
    expect(await owner.textOf('.qy-notice__title')).toBe(`已给「${MEMBER}」+${template.pointsCost} 积分`);
    expect(await owner.textOf('.qy-notice__description')).toBe(`TA 当前积分 ${pointsAfterCheckIn + template.pointsCost}`);
    await owner.screenshot('admin-points-adjust');
  });

  it('the owner sees the check-in rule, tiers and coupon templates, and creates a coupon', async () => {
    await owner.open(`/admin/pages/checkin-rule/index?id=${demo.id}`);
    await owner.current.locator('.qy-rows__row').first().waitFor();
    await owner.current.locator('.qy-rule-summary').waitFor();
    await owner.screenshot('admin-checkin-rule');
    await owner.current.getByText('保存签到规则').click();
    await owner.waitForToast('签到规则已保存');

    // The owner's 积分上限 above the rule: lowered under the demo rule (10 × 1.5 + 30 = 45 a check-in), the rule no longer saves.
    expect(await owner.textOf('.qy-limits__row')).toContain('积分上限：单次最多 1000 · 每人每日最多 2000');
    const setPerAction = async (points: string) => {
      const caps = owner.current.locator('.qy-limits', { hasText: '积分上限' }); // beside it, the 积分有效期 card
      await caps.locator('.qy-limits__edit').click();
      await caps.locator('.qy-limits__field input').first().fill(points);
      await owner.current.getByText('保存上限').click();
      await owner.waitForToast('已保存');
    };
    await setPerAction('40');
    await owner.current.locator('.qy-limits__row', { hasText: '单次最多 40 ·' }).waitFor();
    await owner.waitForToastGone();
    await owner.screenshot('admin-checkin-rule-caps');
    await owner.current.getByText('保存签到规则').click();
    expect(await owner.waitForModal('保存失败')).toContain('按这条规则一次最多可得 45 积分，超过了群主设置的单次上限 40 积分');
    await owner.confirmModal();
    await setPerAction('1000');
    await owner.current.locator('.qy-limits__row', { hasText: '单次最多 1000 ·' }).waitFor();

    await owner.open(`/admin/pages/tiers/index?id=${demo.id}`);
    await owner.current.locator('.qy-rows__row').nth(2).waitFor();
    expect(await owner.current.locator('.qy-rows__row').first().locator('input').first().inputValue()).toBe('新人');
    await owner.screenshot('admin-tiers');
    await owner.current.getByText('保存会员等级').click();
    await owner.waitForModal('重新评定等级');
    await owner.confirmModal();
    await owner.waitForToast('已保存，成员等级已更新');

    await owner.open(`/admin/pages/coupon-templates/index?id=${demo.id}`);
    await owner.current.locator('.qy-ticket', { hasText: template.title }).waitFor();
    await owner.screenshot('admin-coupon-templates');

    await owner.current.getByText('+ 新建优惠券').click();
    await owner.current.locator('.qy-template-form').waitFor();
    await owner.current.getByText('创建优惠券').click();
    expect(await owner.textOf('.qy-field__error')).toBe('请填写优惠券名称');
    const inputs = owner.current.locator('.qy-template-form .qy-field__input input');
    await inputs.nth(0).fill('周末拿铁立减券');
    await inputs.nth(1).fill('3.5');
    await inputs.nth(2).fill('20');
    await inputs.nth(4).fill('100');
    await owner.current.locator('.qy-choice', { hasText: '所有成员' }).waitFor();
    await owner.current.getByText('兑换价 350 积分（100 积分 = ¥1）').waitFor();
    await owner.screenshot('admin-coupon-template-edit');
    await owner.current.getByText('创建优惠券').click();

    const created = owner.current.locator('.qy-ticket', { hasText: '周末拿铁立减券' });
    await created.waitFor();
    expect(await created.textContent()).toContain('¥3.5');
    expect(await created.textContent()).toContain('满 ¥20 可用');
    expect(await created.textContent()).toContain('350 积分');
    expect(await created.textContent()).toContain('剩余 100 张');
    await created.locator('.weui-switch').click();
    await created.getByText('已下架').waitFor();
  });

  it('the member redeems the coupon and finds it with its QR code', async () => {
    const balance = pointsAfterCheckIn + template.pointsCost;
    await member.open(`/pages/coupon-shop/index?id=${demo.id}`);
    await waitForText(member, '.qy-shop__points', String(balance));
    const card = member.current.locator('.qy-ticket', { hasText: template.title });
    await card.locator('.qy-button').click();
    await member.waitForModal('确认用');
    await member.confirmModal();
    expect(await member.waitForModal('兑换成功')).toContain(`剩余 ${balance - template.pointsCost} 积分`);
    await member.confirmModal();

    await member.current.locator('.qy-coupon-detail').waitFor();
    expect(await member.textOf('.qy-coupon-detail__title')).toBe(template.title);
    expect(await member.current.locator('.qy-coupon-detail__qr-image img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await member.page.waitForFunction(
      `(() => { const image = document.querySelector('.taro_page_show .qy-coupon-detail__qr-image img'); return !!image && image.complete && image.naturalWidth > 0; })()`,
    );
    couponCode = await member.textOf('.qy-coupon-detail__code');
    expect(couponCode).toMatch(/^(\S{4} )*\S{1,4}$/);
    expect(await member.textOf('.qy-coupon-detail__hint')).toBe('到店出示此码核销');
    await member.screenshot('economy-coupon-detail');

    await member.open(`/pages/my-coupons/index?id=${demo.id}`);
    await member.current.locator('.qy-tabs__item.is-active', { hasText: '未使用' }).waitFor();
    await member.current.locator('.qy-ticket', { hasText: template.title }).waitFor();
    await member.screenshot('economy-my-coupons');
  });

  it('the clerk (staff) writes it off by typing the code; a second try is refused', async () => {
    const clerk = await env.newPhone();
    await clerk.openHome();
    await clerk.loginAs('clerk');
    await clerk.memberCard().waitFor();
    expect(await clerk.current.locator('.qy-entry-tile', { hasText: '管理' }).count()).toBe(0);
    await clerk.current.locator('.qy-entry-tile', { hasText: '核销' }).click();

    const input = clerk.current.locator('.qy-writeoff__input input');
    await input.waitFor();
    await clerk.screenshot('admin-write-off');
    await input.fill(couponCode.toLowerCase());
    await clerk.current.getByText('查询').click();
    const preview = clerk.current.locator('.qy-ticket', { hasText: template.title });
    await preview.waitFor();
    expect(await preview.textContent()).toContain(MEMBER);
    expect(await preview.textContent()).toContain('未使用');
    await clerk.screenshot('admin-write-off-preview');

    await clerk.current.getByText('确认核销').click();
    expect(await clerk.textOf('.qy-writeoff-result__title')).toBe('核销成功');
    expect(await clerk.textOf('.qy-writeoff-result__detail')).toContain(MEMBER);
    await clerk.screenshot('admin-write-off-success');

    await clerk.current.getByText('继续核销').click();
    await clerk.current.locator('.qy-writeoff__input input').fill(couponCode);
    await clerk.current.getByText('查询').click();
    expect(await clerk.textOf('.qy-notice__title')).toBe('这张券已使用，不能核销');
    await clerk.screenshot('admin-write-off-used');

    // Staff see the write-off page only.
    await clerk.open(`/admin/pages/coupons/index?id=${demo.id}`);
    expect(await clerk.textOf('.qy-empty__title')).toBe('无权限');
  });

  it('the member sees the coupon turn used', async () => {
    await member.current.locator('.qy-tabs__item', { hasText: '已使用' }).click();
    // Wait for the filtered list: until it loads, the previous tab's ticket is still on screen.
    const used = member.current.locator('.qy-ticket', { hasText: template.title }).filter({ hasText: '已使用' });
    await used.waitFor();
    expect(await used.textContent()).toContain('已使用');
    await member.screenshot('economy-my-coupons-used');

    await used.click();
    await member.current.locator('.qy-coupon-detail__stamp', { hasText: '已使用' }).waitFor();
    expect(await member.textOf('.qy-coupon-detail__hint')).toBe('此券已不可使用');
    await member.screenshot('economy-coupon-used');

    await owner.open(`/admin/pages/coupons/index?id=${demo.id}`);
    await owner.current.locator('.qy-tabs__item', { hasText: '已使用' }).click();
    const issued = owner.current.locator('.qy-ticket', { hasText: MEMBER });
    await issued.waitFor();
    expect(await issued.textContent()).toContain(couponCode);
    await owner.screenshot('admin-coupons');
  });

  it('the owner voids an unused coupon and the points come back', async () => {
    const token = await devLoginToken(env.server.baseUrl, 'owner');
    const { redeemCoupon } = await graphqlRequest<{ redeemCoupon: { __typename: string; balance: number } }>(
      env.server.baseUrl,
      'mutation ($id: ID!) { redeemCoupon(templateId: $id, requestId: "e2e-void-0001") { __typename ... on CouponRedeemed { balance } } }',
      { id: template.id },
      token,
    );
    expect(redeemCoupon.__typename).toBe('CouponRedeemed');

    await owner.current.locator('.qy-tabs__item', { hasText: '未使用' }).click();
    const unused = owner.current.locator('.qy-ticket', { hasText: '林店长' });
    await unused.waitFor();
    await owner.screenshot('admin-coupons-unused');
    await unused.getByText('作废').click();
    expect(await owner.waitForModal('作废优惠券')).toContain(`${template.pointsCost} 积分会退回给 TA`);
    await owner.confirmModal();
    expect(await owner.waitForModal('已退回')).toContain(`已退回 ${template.pointsCost} 积分，TA 当前积分 ${redeemCoupon.balance + template.pointsCost}`);
    await owner.screenshot('admin-coupon-voided');
    await owner.confirmModal();
    await unused.waitFor({ state: 'detached' });
    await owner.current.locator('.qy-tabs__item', { hasText: '已作废' }).click();
    await owner.current.locator('.qy-ticket', { hasText: '林店长' }).getByText('已作废').first().waitFor();
  });

  it('the owner pauses coupon issuing (暂停发放): the shop says why and redeems nothing; resumed, it sells again', async () => {
    await owner.open(`/admin/pages/coupon-templates/index?id=${demo.id}`);
    await owner.current.locator('.qy-issuing-pause__reason input').fill('券面值有误，修正后恢复');
    await owner.current.getByText('暂停发放', { exact: true }).click();
    expect(await owner.waitForModal('暂停发放优惠券')).toContain('成员会看到：券面值有误，修正后恢复');
    await owner.confirmModal();
    expect(await owner.textOf('.qy-notice__title')).toBe('优惠券已暂停发放');
    await owner.waitForToastGone();
    await owner.scrollPageTo('0');
    await owner.screenshot('admin-coupons-paused');

    await member.open(`/pages/coupon-shop/index?id=${demo.id}`);
    expect(await member.textOf('.qy-notice__description')).toBe('券面值有误，修正后恢复');
    const card = member.current.locator('.qy-ticket', { hasText: template.title });
    expect(((await card.locator('.qy-button').textContent()) ?? '').trim()).toBe('暂停兑换');
    await member.screenshot('economy-coupon-shop-paused');

    await owner.current.getByText('恢复发放').click();
    await owner.waitForModal('恢复发放优惠券');
    await owner.confirmModal();
    await owner.current.locator('.qy-issuing-pause__reason').waitFor();
    await member.open(`/pages/coupon-shop/index?id=${demo.id}`);
    await member.current.locator('.qy-ticket', { hasText: template.title }).waitFor();
    expect(await member.current.locator('.qy-notice').count()).toBe(0);
  });
});
