import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import type { Locator } from 'playwright-core';
import { createE2eEnvironment, E2eEnvironment } from './helpers/environment';
import { FAKE_IMAGE_ORIGIN, serveFakeImages } from './helpers/fake-images';
import { devLoginToken, graphqlRequest } from './helpers/graphql';
import { H5App } from './helpers/h5-app';

// Issue 4 in the browser: entry questionnaire, group-buy 接龙, sign-up forms, exports.
// `npm run build:server && npm run build:h5`, then
// `npx jest --config test/jest.config.js --selectProjects e2e test/e2e/activities`.
// The tests run in order and share one community: each step builds on the one before.
jest.setTimeout(180_000);

interface CreatedCommunity {
  id: string;
  name: string;
  joinCode: string;
}

const COMMUNITY_NAME = '阿芳烘焙 · 团购福利群';
const MEMBER = '小新';

/** Types into the native control inside a Taro H5 Input / Textarea wrapper. */
async function type(field: Locator, text: string): Promise<void> {
  await field.locator('input, textarea').first().fill(text);
}

/**
 * Taro H5 scrolls each page inside its own `.taro_page` element, not the window: to the top,
 * the bottom, or the first element matching a selector (its top edge at the top of the screen).
 */
async function scrollPage(app: H5App, to: 'top' | 'bottom' | { selector: string }): Promise<void> {
  const target =
    to === 'top'
      ? '0'
      : to === 'bottom'
        ? 'page.scrollHeight'
        : `page.scrollTop + page.querySelector(${JSON.stringify(to.selector)}).getBoundingClientRect().top - page.getBoundingClientRect().top - 12`;
  await app.scrollPageTo(target);
}

async function toggle(switchHost: Locator): Promise<void> {
  await switchHost.locator('input.weui-switch').click();
}

describe('activities: questionnaire, group-buy, sign-up, export (H5)', () => {
  let env: E2eEnvironment;
  let ownerToken: string;
  let community: CreatedCommunity;
  let owner: H5App;
  let member: H5App;
  let groupBuyId: string;
  /** The one-seat form of the waitlist test, kept for the capacity edit at the end. */
  let waitlistForm: { id: string; fields: Array<{ id: string }> };

  const ownerGraphql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>(env.server.baseUrl, query, variables, ownerToken);

  beforeAll(async () => {
    env = await createE2eEnvironment();
    ownerToken = await devLoginToken(env.server.baseUrl, 'owner');
    const { createCommunity } = await ownerGraphql<{ createCommunity: CreatedCommunity }>(
      'mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id name joinCode } }',
      { input: { name: COMMUNITY_NAME, category: 'INTEREST', joinPolicy: 'QUESTIONNAIRE', description: '先填问卷再进群，群里每周有团购和烘焙课～' } },
    );
    community = createCommunity;

    owner = await env.newPhone();
    await serveFakeImages(owner.page);
    await owner.open(`/admin/pages/questionnaire-edit/index?id=${community.id}`);
    await owner.loginAs('owner');
    member = await env.newPhone();
    await serveFakeImages(member.page);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('the owner builds the questionnaire with scores, tags and auto-approve on the admin page', async () => {
    const page = owner.current;
    const first = page.locator('.qy-question-editor').nth(0);
    await first.waitFor();
    await type(page.locator('.qy-q-settings .qy-field__input').first(), '入群小问卷');
    await type(first.locator('.qy-question-editor__title'), '你是怎么认识阿芳烘焙的？');
    const firstOptions = first.locator('.qy-rows__row');
    await type(firstOptions.nth(0).locator('.qy-rows__input').nth(0), '我是门店老顾客');
    await type(firstOptions.nth(0).locator('.qy-rows__input').nth(1), '10');
    await type(firstOptions.nth(0).locator('.qy-rows__input').nth(2), '老客, 门店');
    await type(firstOptions.nth(1).locator('.qy-rows__input').nth(0), '朋友推荐来的');
    await type(firstOptions.nth(1).locator('.qy-rows__input').nth(1), '5');
    await type(firstOptions.nth(1).locator('.qy-rows__input').nth(2), '新客');

    await page.getByText('+ 添加题目').click();
    const second = page.locator('.qy-question-editor').nth(1);
    await second.locator('.qy-tabs__item', { hasText: '多选' }).click();
    await type(second.locator('.qy-question-editor__title'), '你喜欢哪些点心？');
    await type(second.locator('.qy-rows__row').nth(0).locator('.qy-rows__input').nth(0), '欧包');
    await type(second.locator('.qy-rows__row').nth(1).locator('.qy-rows__input').nth(0), '蛋糕');
    await toggle(second.locator('.qy-question-editor__switch'));

    await page.getByText('+ 添加题目').click();
    const third = page.locator('.qy-question-editor').nth(2);
    await third.locator('.qy-tabs__item', { hasText: '填空' }).click();
    await type(third.locator('.qy-question-editor__title'), '想对群主说的话');
    await toggle(third.locator('.qy-question-editor__switch'));

    await type(page.locator('.qy-q-settings__pass'), '8');
    await toggle(page.locator('.qy-q-settings__auto'));
    await type(page.locator('.qy-q-settings__welcome'), '50');
    expect(await page.locator('.qy-q-settings__auto input').isChecked()).toBe(true);
    await scrollPage(owner, 'top');
    await owner.screenshot('admin-questionnaire-edit');
    await scrollPage(owner, { selector: '.qy-question-editor' });
    await owner.screenshot('admin-questionnaire-questions');

    await page.getByText('保存问卷').click();
    await owner.waitForToast('问卷已保存');

    const { questionnaire } = await ownerGraphql<{
      questionnaire: { autoApprove: boolean; passScore: number; welcomePoints: number; questions: Array<{ type: string; required: boolean; options: Array<{ label: string; score: number; tags: string[] }> }> };
    }>('query ($id: ID!) { questionnaire(communityId: $id) { autoApprove passScore welcomePoints questions { type required options { label score tags } } } }', {
      id: community.id,
    });
    expect(questionnaire).toMatchObject({ autoApprove: true, passScore: 8, welcomePoints: 50 });
    expect(questionnaire.questions.map((question) => [question.type, question.required])).toEqual([
      ['SINGLE_CHOICE', true],
      ['MULTI_CHOICE', false],
      ['TEXT', false],
    ]);
    expect(questionnaire.questions[0].options[0]).toEqual({ label: '我是门店老顾客', score: 10, tags: ['老客', '门店'] });
  });

  it('an applicant opens the join link, answers, passes and lands on the home page as a member', async () => {
    await member.openHome(community.joinCode);
    await member.loginAs(MEMBER);
    await member.current.locator('.qy-questionnaire-card').waitFor();
    expect(await member.textOf('.qy-notice__title')).toBe(`申请加入「${COMMUNITY_NAME}」`);
    expect(await member.textOf('.qy-questionnaire-card__title')).toBe('完成入群问卷');
    await member.screenshot('home-applicant-questionnaire');

    await member.current.getByText('开始填写').click();
    await member.current.locator('.qy-question').first().waitFor();
    // Required first: nothing chosen → the question is marked, nothing is sent.
    await member.current.getByText('提交问卷').click();
    await member.current.locator('.qy-question.is-invalid').first().waitFor();
    expect(await member.current.locator('.qy-question.is-invalid').count()).toBe(1);
    expect(await member.textOf('.qy-question__error')).toBe('请选择一个选项');
    await member.screenshot('questionnaire-required');

    await member.current.locator('.qy-choice', { hasText: '我是门店老顾客' }).click();
    await member.current.locator('.qy-choice', { hasText: '欧包' }).click();
    await member.current.locator('.qy-choice', { hasText: '蛋糕' }).click();
    await type(member.current.locator('.qy-question').nth(2).locator('.qy-question__textbox'), '周末的肉桂卷太好吃了！');
    expect(await member.current.locator('.qy-question.is-invalid').count()).toBe(0);
    await scrollPage(member, 'top');
    await member.screenshot('questionnaire-form');

    await member.current.getByText('提交问卷').click();
    expect(await member.textOf('.qy-app-result__title')).toBe('欢迎加入');
    expect(await member.textOf('.qy-app-result__points')).toBe('入群奖励 +50 积分已到账');
    await member.screenshot('questionnaire-approved');

    await member.current.getByText('进入社群').click();
    await member.page.waitForFunction(`document.querySelector('.taro_page_show .qy-hero__name')?.textContent === ${JSON.stringify(COMMUNITY_NAME)}`);
    const card = member.memberCard();
    expect(await card.locator('.qy-role-badge').textContent()).toBe('成员');
    expect(await member.textOf('.qy-member-card__points-value')).toBe('50');
    expect(await card.locator('.qy-member-card__chip--pending').count()).toBe(0);
    expect(await member.current.locator('.qy-questionnaire-card').count()).toBe(0);
    await member.current.locator('.qy-entry-tile', { hasText: '团购接龙' }).waitFor();
    await member.current.locator('.qy-entry-tile', { hasText: '活动报名' }).waitFor();
    await member.screenshot('home-member-activities');
  });

  it('a failing applicant waits for review, is rejected with a reason, and passes on the second try', async () => {
    const applicant = await env.newPhone();
    await applicant.openHome(community.joinCode);
    await applicant.loginAs('阿强');
    await applicant.current.getByText('开始填写').click();
    await applicant.current.locator('.qy-choice', { hasText: '朋友推荐来的' }).click();
    await applicant.current.getByText('提交问卷').click();
    expect(await applicant.textOf('.qy-app-result__title')).toBe('待审核');
    expect(await applicant.current.locator('.qy-app-result').textContent()).not.toMatch(/\d+ ?分/);
    await applicant.screenshot('questionnaire-pending');

    await owner.open(`/admin/pages/applications/index?id=${community.id}`);
    const application = owner.current.locator('.qy-application', { hasText: '阿强' });
    await application.waitFor();
    expect(await application.locator('.qy-application__score-value').textContent()).toBe('5');
    expect(await application.locator('.qy-application__reply').first().textContent()).toBe('朋友推荐来的');
    await owner.screenshot('admin-applications');
    await application.getByText('拒绝').click();
    await type(owner.current.locator('.qy-reason-sheet__input'), '本群仅限门店老顾客，欢迎到店后再来申请～');
    await owner.screenshot('admin-application-reject');
    await owner.current.getByText('确认拒绝').click();
    await owner.current.locator('.qy-application', { hasText: '阿强' }).waitFor({ state: 'detached' });

    await applicant.page.reload();
    expect(await applicant.textOf('.qy-app-result__title')).toBe('申请未通过');
    expect(await applicant.textOf('.qy-app-result__reason')).toContain('本群仅限门店老顾客');
    await applicant.screenshot('questionnaire-rejected');

    await applicant.current.getByText('重新填写').click();
    // The last answers come back; change the one that failed.
    await applicant.current.locator('.qy-choice.is-selected', { hasText: '朋友推荐来的' }).waitFor();
    await applicant.current.locator('.qy-choice', { hasText: '我是门店老顾客' }).click();
    await applicant.current.getByText('提交问卷').click();
    expect(await applicant.textOf('.qy-app-result__title')).toBe('欢迎加入');
    await applicant.page.context().close();
  });

  it('the owner publishes a group-buy and a member joins with quantity 2 and a note, appearing as #1 in the 接龙 list', async () => {
    await owner.open(`/admin/pages/groupbuy-edit/index?id=${community.id}`);
    const form = owner.current.locator('.qy-gb-form');
    await form.waitFor();
    await type(form.locator('.qy-gb-form__title'), '阳光玫瑰青提 2 斤装');
    await type(form.locator('.qy-field__textarea').first(), '云南产地直发，脆甜无籽。\n每份 2 斤，现摘现发。');
    // One empty image row is there from the start; the second is added.
    await type(form.locator('.qy-rows__row').nth(0).locator('.qy-rows__input'), `${FAKE_IMAGE_ORIGIN}/0.png`);
    await owner.current.getByText('+ 添加图片').click();
    await type(form.locator('.qy-rows__row').nth(1).locator('.qy-rows__input'), `${FAKE_IMAGE_ORIGIN}/1.png`);
    await type(form.locator('.qy-gb-form__price'), '19.9');
    await type(form.locator('.qy-gb-form__original'), '29.9');
    await type(form.locator('.qy-gb-form__stock'), '20');
    await type(form.locator('.qy-gb-form__limit'), '5');
    await type(form.locator('.qy-gb-form__min'), '2');
    await type(form.locator('.qy-gb-form__pickup'), '周六 10:00–18:00 到店自提，取货时付款');
    await scrollPage(owner, 'top');
    await owner.screenshot('admin-groupbuy-edit');
    await scrollPage(owner, 'bottom');
    await owner.screenshot('admin-groupbuy-edit-bottom');
    await owner.current.getByText('立即发布').click();
    await owner.current.locator('.qy-gb-stats').waitFor();
    groupBuyId = new URL(owner.page.url().replace('/#/', '/')).searchParams.get('groupBuyId') ?? '';
    expect(groupBuyId).not.toBe('');

    await member.openHome();
    await member.current.locator('.qy-entry-tile', { hasText: '团购接龙' }).click();
    const listCard = member.current.locator('.qy-gb-card', { hasText: '阳光玫瑰青提' });
    await listCard.waitFor();
    expect(await listCard.locator('.qy-price__now').textContent()).toBe('¥19.9');
    expect(await listCard.locator('.qy-price__original').textContent()).toBe('¥29.9');
    expect(await listCard.textContent()).toContain('剩余 20 份');
    expect(await listCard.textContent()).toContain('0/2 人成团');
    await listCard.locator('.qy-countdown__label', { hasText: '距截团' }).waitFor();
    await member.screenshot('groupbuy-list');

    await listCard.click();
    await member.current.locator('.qy-gb-summary').waitFor();
    await member.current.getByText('参与接龙').click();
    const sheet = member.current.locator('.qy-sheet');
    await sheet.locator('.qy-stepper__plus').click();
    expect(await sheet.locator('.qy-stepper__value').textContent()).toBe('2');
    await type(sheet.locator('.qy-entry-form__note'), '周六下午来取');
    expect(await sheet.locator('.qy-entry-form__amount').textContent()).toBe('¥39.8');
    await member.screenshot('groupbuy-join-sheet');
    await sheet.getByText('确认接龙').click();

    const mine = member.current.locator('.qy-entries__row.is-mine');
    await mine.waitFor();
    expect(await mine.locator('.qy-entries__text').textContent()).toBe(`#1 ${MEMBER} ×2`);
    expect(await mine.locator('.qy-entries__note').textContent()).toBe('周六下午来取');
    expect(await member.textOf('.qy-gb-bar__mine-title')).toBe('我已接龙 #1 ×2');
    expect(await member.current.locator('.qy-gb-summary').textContent()).toContain('18 份');
    await member.waitForToastGone();
    await scrollPage(member, 'bottom');
    await member.screenshot('groupbuy-detail-joined');

    // Beyond the per-member limit the stepper stops; the server's refusal would say why.
    await member.current.getByText('修改 / 取消').click();
    for (let i = 0; i < 6; i++) await sheet.locator('.qy-stepper__plus').click();
    expect(await sheet.locator('.qy-stepper__value').textContent()).toBe('5');
    await sheet.locator('.qy-sheet__close').click();
  });

  it('the owner creates a sign-up form and a member signs up and sees 已报名', async () => {
    await owner.open(`/admin/pages/signup-edit/index?id=${community.id}`);
    const settings = owner.current.locator('.qy-signup-settings');
    await settings.waitFor();
    await type(settings.locator('.qy-signup-settings__title'), '周六烘焙体验课');
    await type(settings.locator('.qy-signup-settings__description'), '周六下午 2 点，门店二楼。材料费 ¥30，现场付。');
    await type(settings.locator('.qy-signup-settings__capacity'), '10');
    await owner.current.getByText('+ 添加字段').click();
    const choice = owner.current.locator('.qy-field-editor').nth(2);
    await choice.locator('.qy-field-editor__type', { hasText: '单选' }).click();
    await type(choice.locator('.qy-field-editor__label'), '口味偏好');
    await type(choice.locator('.qy-rows__row').nth(0).locator('.qy-rows__input'), '原味');
    await type(choice.locator('.qy-rows__row').nth(1).locator('.qy-rows__input'), '抹茶');
    await scrollPage(owner, 'top');
    await owner.screenshot('admin-signup-edit');
    await scrollPage(owner, { selector: '.qy-section-title' });
    await owner.screenshot('admin-signup-edit-fields');
    await owner.current.getByText('发布报名').click();
    await owner.current.locator('.qy-export').waitFor();

    await member.openHome();
    await member.current.locator('.qy-entry-tile', { hasText: '活动报名' }).click();
    const card = member.current.locator('.qy-signup-card', { hasText: '周六烘焙体验课' });
    await card.waitFor();
    expect(await card.locator('.qy-signup-card__foot').textContent()).toContain('已报名 0/10');
    await member.screenshot('signup-list');

    await card.click();
    const fields = member.current.locator('.qy-signup-field');
    await fields.first().waitFor();
    expect(await fields.count()).toBe(3);
    await member.current.getByText('提交报名').click();
    expect(await member.current.locator('.qy-signup-field.is-invalid').count()).toBe(3);
    await type(fields.nth(0), '小新');
    await type(fields.nth(1), '1380013800');
    await fields.nth(2).locator('.qy-choice', { hasText: '抹茶' }).click();
    await member.current.getByText('提交报名').click();
    expect(await fields.nth(1).locator('.qy-field__error').textContent()).toBe('「手机号」请填写 11 位中国大陆手机号');
    expect(await member.current.locator('.qy-signup-field.is-invalid').count()).toBe(1);
    await scrollPage(member, 'top');
    await member.screenshot('signup-detail-form');

    await type(fields.nth(1), '13800138000');
    await member.current.getByText('提交报名').click();
    expect(await member.textOf('.qy-signup-status__title')).toBe('已报名');
    expect(await member.current.locator('.qy-signup-status__answers').textContent()).toContain('抹茶');
    expect(await member.current.locator('.qy-signup-header').textContent()).toContain('1/10');
    await member.waitForToastGone();
    await member.screenshot('signup-detail-submitted');

    await owner.page.reload();
    const row = owner.current.locator('.qy-submission', { hasText: MEMBER });
    await row.waitFor();
    expect(await row.textContent()).toContain('13800138000');
    await owner.screenshot('admin-signup-manage');
  });

  it('a full form puts the member on the waitlist, and a cancellation moves them up', async () => {
    const { createSignupForm } = await ownerGraphql<{ createSignupForm: { id: string; fields: Array<{ id: string }> } }>(
      'mutation ($id: ID!, $input: SignupFormInput!) { createSignupForm(communityId: $id, input: $input) { id fields { id } } }',
      {
        id: community.id,
        input: { title: '周日私房课（限 1 人）', fields: [{ label: '称呼', type: 'TEXT', required: true }], capacity: 1, waitlist: true },
      },
    );
    const submit = 'mutation ($formId: ID!, $answers: [SignupAnswerInput!]!) { submitSignup(formId: $formId, answers: $answers) { __typename } }';
    await ownerGraphql(submit, { formId: createSignupForm.id, answers: [{ fieldId: createSignupForm.fields[0].id, value: '林店长' }] });

    await member.open(`/activity/pages/signup-detail/index?id=${community.id}&formId=${createSignupForm.id}`);
    await member.current.locator('.qy-signup-field').first().waitFor();
    expect(await member.textOf('.qy-notice__title')).toBe('名额已满，可以候补');
    await type(member.current.locator('.qy-signup-field').first(), '小新');
    await member.current.getByText('加入候补').click();
    expect(await member.textOf('.qy-signup-status__title')).toBe('候补第 1 位');
    await member.waitForToastGone();
    await member.screenshot('signup-detail-waitlisted');

    await ownerGraphql('mutation ($formId: ID!) { cancelSignup(formId: $formId) { __typename } }', { formId: createSignupForm.id });
    await member.page.reload();
    expect(await member.textOf('.qy-signup-status__title')).toBe('已报名');
    waitlistForm = createSignupForm;
  });

  it('the owner exports the group-buy list as XLSX and the sign-ups as CSV', async () => {
    // The CSV of the sign-up page the owner is on: headers are the field labels.
    // An export link downloads once: the file is what the browser downloaded, and the link is spent.
    const csvDownload = owner.page.waitForEvent('download');
    await owner.current.locator('.qy-export__csv').click();
    const csv = (await downloadedText(await csvDownload)).replace(/^\uFEFF/, '');
    expect((await fetch((await csvDownload).url())).status).toBe(410);
    expect(csv.split(/\r?\n/)[0]).toEqual(expect.stringContaining('口味偏好'));
    expect(csv).toContain('13800138000');

    await owner.open(`/admin/pages/groupbuy-manage/index?id=${community.id}&groupBuyId=${groupBuyId}`);
    const entry = owner.current.locator('.qy-entry-manage', { hasText: `#1 ${MEMBER} ×2` });
    await entry.waitFor();
    await toggle(entry.locator('.qy-entry-manage__pick'));
    await entry.locator('.qy-entry-manage__pick-label', { hasText: '已取货' }).waitFor();
    await owner.screenshot('admin-groupbuy-manage');

    const download = owner.page.waitForEvent('download');
    await owner.current.locator('.qy-export__xlsx').click();
    const url = (await download).url();
    expect(url).toContain('/exports/');
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    const body = await readFile((await (await download).path())!);
    expect(body.length).toBeGreaterThan(0);
    expect(body.subarray(0, 2).toString('latin1')).toBe('PK');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const rows: string[] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')).join('|')));
    expect(rows.some((row) => row.includes(MEMBER) && row.includes('周六下午来取'))).toBe(true);

    // Closing early while a member is changing their entry: the member is told, the page shows the outcome.
    await member.open(`/activity/pages/groupbuy-detail/index?id=${community.id}&groupBuyId=${groupBuyId}`);
    await member.current.getByText('修改 / 取消').click();
    await member.current.locator('.qy-sheet .qy-stepper__minus').click();
    await owner.current.getByText('提前截团').click();
    expect(await owner.waitForModal('未成团')).toContain('1 人参与');
    await owner.confirmModal();
    await owner.current.locator('.qy-gb-phase', { hasText: '未成团' }).waitFor();
    await member.current.getByText('保存修改').click();
    expect(await member.waitForModal('修改失败')).toContain('团购已结束');
    await member.screenshot('groupbuy-closed-refusal');
    await member.confirmModal();
    await member.current.locator('.qy-gb-phase', { hasText: '未成团' }).waitFor();
    expect(await member.textOf('.qy-gb-bar')).toContain('我已接龙 #1 ×2');
    await member.screenshot('groupbuy-detail-closed');

    // The manage pages show the same cards: wait for the list page's own button first.
    await owner.waitForToastGone();
    await owner.open(`/admin/pages/groupbuys/index?id=${community.id}`);
    await owner.current.locator('.qy-admin-gbs__create').waitFor();
    await owner.current.locator('.qy-gb-card').first().waitFor();
    await owner.screenshot('admin-groupbuys');
    await owner.open(`/admin/pages/signups/index?id=${community.id}`);
    await owner.current.locator('.qy-admin-signups__create').waitFor();
    await owner.current.locator('.qy-signup-card').first().waitFor();
    await owner.screenshot('admin-signups');
    await owner.open(`/admin/pages/community/index?id=${community.id}`);
    await owner.current.locator('.qy-nav-row', { hasText: '团购接龙' }).scrollIntoViewIfNeeded();
    await owner.screenshot('admin-community-activities');
  });

  it("the owner may not cut a form's capacity below its confirmed sign-ups: the typed refusal shows, nothing changes", async () => {
    // Two seats, both taken: the member promoted in the waitlist test, and the owner again.
    const fields = [{ id: waitlistForm.fields[0].id, label: '称呼', type: 'TEXT', required: true }];
    await ownerGraphql('mutation ($formId: ID!, $input: SignupFormInput!) { updateSignupForm(formId: $formId, input: $input) { __typename } }', {
      formId: waitlistForm.id,
      input: { title: '周日私房课（限 1 人）', fields, capacity: 2, waitlist: true },
    });
    const submit = 'mutation ($formId: ID!, $answers: [SignupAnswerInput!]!) { submitSignup(formId: $formId, answers: $answers) { __typename } }';
    await ownerGraphql(submit, { formId: waitlistForm.id, answers: [{ fieldId: waitlistForm.fields[0].id, value: '林店长' }] });

    await owner.open(`/admin/pages/signup-edit/index?id=${community.id}&formId=${waitlistForm.id}`);
    const settings = owner.current.locator('.qy-signup-settings');
    await settings.waitFor();
    await type(settings.locator('.qy-signup-settings__capacity'), '1');
    await owner.current.getByText('保存修改').click();
    expect(await owner.waitForModal('名额不能少于已报名的 2 人')).toContain('保存失败');
    await owner.screenshot('admin-signup-edit-capacity-refused');
    await owner.confirmModal();
    const { signupForm } = await ownerGraphql<{ signupForm: { capacity: number; confirmedCount: number } }>(
      'query ($id: ID!) { signupForm(id: $id) { capacity confirmedCount } }',
      { id: waitlistForm.id },
    );
    expect(signupForm).toEqual({ capacity: 2, confirmedCount: 2 });
  });
});

async function downloadedText(download: Download): Promise<string> {
  return readFile((await download.path())!, 'utf8');
}
