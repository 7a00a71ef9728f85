import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { devLoginToken, graphqlRequest } from './helpers/graphql';
import type { H5App } from './helpers/h5-app';

// 补签 in the check-in calendar of the H5 build, on the demo data: 前台阿杰 (`clerk`) checked in 4, 3 and
// 2 days ago and missed yesterday. `npm run build`, then
// `npx jest --config test/jest.config.js --selectProjects e2e --runTestsByPath test/e2e/make-up.e2e.test.ts`.
jest.setTimeout(180_000);

interface Calendar {
  days: string[];
  madeUpDays: string[];
  streak: number;
  makeUp: { days: string[]; cost: number; remaining: number; monthlyAllowance: number };
}

const dayTitle = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

describe('补签 in the check-in calendar (H5)', () => {
  let env: E2eEnvironment;
  let phone: H5App;
  let communityId: string;
  let token: string;
  const calendarOf = async (month: string) =>
    (
      await graphqlRequest<{ checkInCalendar: Calendar }>(
        env.server.baseUrl,
        'query ($c: ID!, $m: String!) { checkInCalendar(communityId: $c, month: $m) { days madeUpDays streak makeUp { days cost remaining monthlyAllowance } } }',
        { c: communityId, m: month },
        token,
      )
    ).checkInCalendar;
  const pointsOf = async () =>
    (await graphqlRequest<{ membership: { points: number } }>(env.server.baseUrl, 'query ($c: ID!) { membership(communityId: $c) { points } }', { c: communityId }, token)).membership
      .points;

  beforeAll(async () => {
    env = await createE2eEnvironment();
    const { communityPreview } = await graphqlRequest<{ communityPreview: { id: string } }>(
      env.server.baseUrl,
      'query ($code: String!) { communityPreview(joinCode: $code) { id } }',
      { code: 'demo' },
    );
    communityId = communityPreview.id;
    token = await devLoginToken(env.server.baseUrl, 'clerk');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('offers the missed days with the cost, fills yesterday on confirmation and mends the streak', async () => {
    const before = await calendarOf('2000-01');
    const yesterday = [...before.makeUp.days].sort().pop()!;
    expect(before.makeUp).toMatchObject({ cost: 30, remaining: 2, monthlyAllowance: 2 });
    expect(before.streak).toBe(0); // broken: the last check-in was 2 days ago
    const pointsBefore = await pointsOf();

    phone = await env.newPhone();
    await phone.openHome('demo');
    await phone.loginAs('clerk');
    await phone.memberCard().waitFor();
    await phone.current.locator('.qy-entry-tile', { hasText: '签到日历' }).click();
    await phone.current.locator('.qy-makeup').waitFor();
    expect(await phone.textOf('.qy-makeup__summary')).toBe('本月还可补签 2 / 2 次，每次 30 积分');
    const buttons = await phone.current.locator('.qy-makeup__day').allTextContents();
    expect(buttons.map((text) => text.trim())).toEqual(before.makeUp.days.map((date) => `补签 ${dayTitle(date)}`));
    const sameMonth = yesterday.slice(0, 7) === (await phone.textOf('.qy-calendar__title')).replace(/ 年 (\d+) 月/, (_, m) => `-${String(m).padStart(2, '0')}`);
    if (sameMonth) expect(await phone.current.locator('.qy-calendar__day.is-offered').count()).toBeGreaterThan(0);
    await phone.screenshot('makeup-calendar-offer');

    await phone.current.locator('.qy-makeup__day', { hasText: dayTitle(yesterday) }).click();
    const confirmation = await phone.waitForModal('30 积分');
    expect(confirmation).toContain('补签的日子计入连续签到');
    await phone.confirmModal();
    await phone.waitForToast('补签成功');
    await phone.current.locator('.qy-makeup__summary', { hasText: '本月还可补签 1 / 2 次' }).waitFor();
    // 4, 3, 2 days ago and the filled yesterday: a streak of 4.
    await phone.page.waitForFunction(`document.querySelector('.taro_page_show .qy-checkin-calendar__stat-value')?.textContent?.trim() === '4'`);
    if (sameMonth) await phone.current.locator('.qy-calendar__day.is-checked.is-made-up').waitFor();
    expect(await phone.current.locator('.qy-makeup__day', { hasText: dayTitle(yesterday) }).count()).toBe(0);
    // 10 points left: the other days stay listed, but cannot be filled for now.
    expect(await phone.textOf('.qy-makeup__hint')).toBe('积分不足：补签需要 30 积分，当前 10 积分');
    expect(await phone.current.locator('.qy-makeup__day.is-inactive').count()).toBe(before.makeUp.days.length - 1);
    await phone.waitForToastGone();
    await phone.screenshot('makeup-calendar-done');

    const after = await calendarOf(yesterday.slice(0, 7));
    expect(after.madeUpDays).toEqual([yesterday]);
    expect(after.streak).toBe(4);
    expect(await pointsOf()).toBe(pointsBefore - 30);
  });

  it('the ledger shows the cost as 补签', async () => {
    await phone.page.goBack();
    await phone.memberCard().waitFor();
    await phone.current.locator('.qy-entry-tile', { hasText: '积分明细' }).click();
    const row = phone.current.locator('.qy-ledger-row', { hasText: '补签' }).first();
    await row.waitFor();
    expect(((await row.locator('.qy-ledger-row__amount').textContent()) ?? '').trim()).toBe('−30');
  });
});
