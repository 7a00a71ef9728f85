import { NotificationMessage } from '../../server/src/notification/notification-message.entity';
import { DeliveryState, NotificationKind } from '../../server/src/notification/notification.enums';
import {
  CANCEL_SIGNUP,
  CREATE_SIGNUP_FORM,
  createGroupBuy,
  groupBuyInput,
  joinGroupBuy,
  questionnaireInput,
  REVIEW_APPLICATION,
  SAVE_QUESTIONNAIRE,
  SUBMIT_APPLICATION,
  SUBMIT_SIGNUP,
  signupAnswers,
  signupFormInput,
} from '../helpers/activities';
import { ADJUST, CREATE_TEMPLATE, newRequestId, REDEEM } from '../helpers/economy';
import { FakeWeChatServer } from '../helpers/fake-wechat';
import {
  CLOSE_GROUP_BUY,
  consent,
  eventually,
  MARK_READ,
  MY_MESSAGES,
  STATS,
  SUBSCRIPTION_TEMPLATES,
  TEMPLATE_ENV,
  TEMPLATES,
  UNREAD,
} from '../helpers/notifications';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';
import { clip, phrase, thing, time } from '../../server/src/notification/template-values';

describe("WeChat's value limits", () => {
  it('cuts by code point, never half an emoji, and drops what a field may not hold', () => {
    expect(Array.from(thing('🍓'.repeat(25)))).toHaveLength(20);
    expect(thing('🍓'.repeat(25)).endsWith('🍓…')).toBe(true);
    expect(thing('丹东草莓\n3 斤装\t')).toBe('丹东草莓 3 斤装');
    expect(thing('   ')).toBe('—');
    expect(clip('短', 20)).toBe('短');
    expect(phrase('已成团!OK')).toBe('已成团');
    expect(phrase('一二三四五六')).toBe('一二三四五');
    expect(time(new Date('2026-12-01T16:05:00Z'), 'Asia/Shanghai')).toBe('2026年12月2日 00:05');
  });
});

/**
 * Subscription messages through the outbox, on MariaDB with two sender processes (the compiled
 * build, `npm run build:server` first). The in-process server only serves the API and writes the
 * outbox (its own sender is slowed to once an hour), so every send below is made by a peer.
 */
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

const SENDER_ENV = { NOTIFY_SEND_EVERY_MS: '100', NOTIFY_BATCH_SIZE: '3', NOTIFY_CONCURRENCY: '2' };

type Joined = LoggedIn & { memberId: string };
const openid = (member: LoggedIn) => `o-${member.name}`;

describeOnMySql('subscription messages across two sender processes', () => {
  let env: TestEnvironment;
  let wechat: FakeWeChatServer;
  let admin: LoggedIn;
  let communityId: string;
  let joinCode: string;
  let peers: ServerProcess[] = [];
  let serial = 0;

  beforeAll(async () => {
    env = await createTestEnvironment('notify', {
      env: { ...TEMPLATE_ENV, NOTIFY_SEND_EVERY_MS: '3600000', NOTIFY_RETRY_BASE_MS: '150', NOTIFY_CLAIM_LEASE_MS: '3000' },
    });
    wechat = env.wechat;
    ({ owner: admin, communityId, joinCode } = await env.createCommunity('n-owner'));
    peers = await Promise.all([env.startPeerProcess(SENDER_ENV), env.startPeerProcess(SENDER_ENV)]);
  });
  afterAll(async () => {
    await Promise.all(peers.map((peer) => peer.stop()));
    await env.close();
  });

  async function members(count: number): Promise<Joined[]> {
    const base = (serial += 1);
    return Promise.all(Array.from({ length: count }, (_, i) => env.join(`n${base}-m${i + 1}`, joinCode)));
  }

  /** A group-buy the given members joined (minimum 3 participants), closed early by the admin. */
  async function closedGroupBuy(participants: Joined[], title = `草莓团 ${serial}`): Promise<string> {
    const groupBuy = await createGroupBuy(admin.client, communityId, groupBuyInput(new Date(), { title, minParticipants: 3, stock: 50 }));
    for (const member of participants) expect((await joinGroupBuy(member.client, groupBuy.id, 1)).__typename).toBe('GroupBuyJoined');
    const closed = (await admin.client.data(CLOSE_GROUP_BUY, { g: groupBuy.id })).closeGroupBuy;
    expect(closed.status).toBe('CLOSED');
    return groupBuy.id;
  }

  async function rowsOf(kind: NotificationKind, refId: string | number): Promise<NotificationMessage[]> {
    return env.em().find(NotificationMessage, { kind, refId: Number(refId) }, { orderBy: { id: 'asc' }, populate: ['user'] });
  }

  const settled = (rows: NotificationMessage[]) => rows.length > 0 && rows.every((row) => row.state !== DeliveryState.QUEUED && row.state !== DeliveryState.SENDING);
  const callsTo = (member: LoggedIn, templateId: string) =>
    wechat.sends.filter((send) => send.touser === openid(member) && send.template_id === templateId);
  /**
   * The send attempts to a member, without the ones refused with 40001. After the 40001 test the
   * process that did not refresh still holds the revoked token: its next send, whichever test it
   * falls in, meets 40001 once and takes the new token from the database (no retry counted, no
   * stable_token call). Which process sends is not up to the test, so no test counts on either.
   */
  const sendsTo = (member: LoggedIn, templateId: string = TEMPLATES.GROUPBUY_RESULT) =>
    callsTo(member, templateId).filter((send) => send.errcode !== 40001);

  it('claims with FOR UPDATE SKIP LOCKED', async () => {
    const statements = await env.recordQueries(() => env.server.services.notificationSender.claim(1));
    expect(statements.some((sql) => /select .* from `notification_message` .* for update skip locked/i.test(sql))).toBe(true);
  });

  it('lists the configured templates for wx.requestSubscribeMessage', async () => {
    const [member] = await members(1);
    const { subscriptionTemplates } = await member.client.data(SUBSCRIPTION_TEMPLATES);
    expect(subscriptionTemplates).toEqual(
      expect.arrayContaining(Object.entries(TEMPLATES).map(([kind, templateId]) => ({ kind, templateId }))),
    );
  });

  it('a group-buy closed early with 6 participants of whom 4 consented: exactly 4 sends, 2 inbox-only, the token fetched once for both processes', async () => {
    const participants = await members(6);
    const [a, b, c, d, rejecter, silent] = participants;
    for (const member of [a, b, c, d]) {
      const states = await consent(member.client, communityId, TEMPLATES.GROUPBUY_RESULT);
      expect(states.find((state: any) => state.kind === 'GROUPBUY_RESULT').remaining).toBe(1);
    }
    await consent(rejecter.client, communityId, TEMPLATES.GROUPBUY_RESULT, 'reject');
    void silent;
    const tokenCallsBefore = wechat.tokenCalls.length;

    const groupBuyId = await closedGroupBuy(participants, '丹东99草莓 3 斤装 · 产地直发坏果包赔顺丰冷链');
    const rows = await eventually(() => rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuyId), settled, 20_000, 'group-buy messages settled');

    expect(rows).toHaveLength(6);
    const byState = (state: DeliveryState) => rows.filter((row) => row.state === state).map((row) => row.user.openid).sort();
    expect(byState(DeliveryState.SENT)).toEqual([a, b, c, d].map(openid).sort());
    expect(byState(DeliveryState.NO_CONSENT)).toEqual([rejecter, silent].map(openid).sort());

    const sends = wechat.sends.filter((send) => send.page.includes(`groupBuyId=${groupBuyId}`));
    expect(sends).toHaveLength(4);
    expect(sends.map((send) => send.touser).sort()).toEqual([a, b, c, d].map(openid).sort());
    for (const send of sends) {
      expect(send.errcode).toBe(0);
      expect(send.template_id).toBe(TEMPLATES.GROUPBUY_RESULT);
      expect(send.page).toBe(`activity/pages/groupbuy-detail/index?id=${communityId}&groupBuyId=${groupBuyId}`);
      expect(send.miniprogram_state).toBe('formal');
      expect(send.data.thing1.value).toBe('丹东99草莓 3 斤装 · 产地直发坏…'); // cut to WeChat's 20 characters
      expect(Array.from(send.data.thing1.value)).toHaveLength(20);
      expect(send.data.phrase2.value).toBe('已成团');
      expect(send.data.thing3.value).toBe('共6人参团，请按时取货');
      expect(send.data.time4.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    }
    // One stable_token call, although both processes sent (batches of 3) and each needed a token.
    expect(wechat.tokenCalls.length - tokenCallsBefore).toBe(tokenCallsBefore === 0 ? 1 : 0);
    expect(new Set(sends.map((send) => send.accessToken)).size).toBe(1);

    // Every participant has it in the inbox, sent to WeChat or not.
    for (const member of participants) {
      const inbox = (await member.client.data(MY_MESSAGES, { c: communityId, first: 10 })).myMessages;
      expect(inbox.unreadCount).toBe(1);
      expect(inbox.edges[0].node).toMatchObject({ kind: 'GROUPBUY_RESULT', title: '团购成功', readAt: null });
      expect(inbox.edges[0].node.body).toContain('已成团，共 6 人参团');
    }
    // The consent was used up by the send.
    expect((await consent(a.client, communityId, TEMPLATES.GROUPBUY_RESULT, 'reject')).find((s: any) => s.kind === 'GROUPBUY_RESULT').remaining).toBe(0);

    // A second close changes nothing and tells nobody again.
    const again = (await admin.client.data(CLOSE_GROUP_BUY, { g: groupBuyId })).closeGroupBuy;
    expect(again.status).toBe('CLOSED');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuyId)).toHaveLength(6);
    expect(wechat.sends.filter((send) => send.page.includes(`groupBuyId=${groupBuyId}`))).toHaveLength(4);

    const stats = (await admin.client.data(STATS, { c: communityId })).notificationStats;
    expect(stats).toMatchObject({ sent: 4, skippedNoConsent: 2, failed: 0, pending: 0 });
  });

  it('40001 once: one token refresh, and the message is still sent', async () => {
    const participants = await members(3);
    for (const member of participants) await consent(member.client, communityId, TEMPLATES.GROUPBUY_RESULT);
    const [first] = participants;
    // Only the first send of the batch meets the revoked token; the others may wait on the refresh.
    wechat.answerSends(openid(first), [40001]);
    const tokenCallsBefore = wechat.tokenCalls.length;

    const groupBuyId = await closedGroupBuy(participants);
    const rows = await eventually(() => rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuyId), settled, 20_000, 'messages settled');
    expect(rows.map((row) => row.state)).toEqual([DeliveryState.SENT, DeliveryState.SENT, DeliveryState.SENT]);
    const calls = callsTo(first, TEMPLATES.GROUPBUY_RESULT).filter((send) => send.page.includes(`groupBuyId=${groupBuyId}`));
    expect(calls.map((send) => send.errcode)).toEqual([40001, 0]);
    expect(calls[0].accessToken).not.toBe(calls[1].accessToken);
    expect(wechat.tokenCalls.length - tokenCallsBefore).toBe(1);
    expect(wechat.delivered().filter((send) => send.page.includes(`groupBuyId=${groupBuyId}`))).toHaveLength(3);
  });

  it('-1 twice then success: sent once, after two retries', async () => {
    const participants = await members(3);
    for (const member of participants) await consent(member.client, communityId, TEMPLATES.GROUPBUY_RESULT);
    const [busy] = participants;
    wechat.answerSends(openid(busy), [-1, -1]);

    const groupBuyId = await closedGroupBuy(participants);
    const rows = await eventually(() => rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuyId), settled, 20_000, 'messages settled');
    const row = rows.find((r) => r.user.openid === openid(busy))!;
    expect(row).toMatchObject({ state: DeliveryState.SENT, attempts: 3, consentTaken: true });
    const calls = sendsTo(busy).filter((send) => send.page.includes(`groupBuyId=${groupBuyId}`));
    expect(calls.map((send) => send.errcode)).toEqual([-1, -1, 0]);
    // The one accept paid for the one message: the retries took no second consent.
    expect(rows.every((r) => r.state === DeliveryState.SENT)).toBe(true);
  });

  it('43101 (no consent left at WeChat) is recorded and never retried', async () => {
    const participants = await members(3);
    for (const member of participants) await consent(member.client, communityId, TEMPLATES.GROUPBUY_RESULT);
    const [refused] = participants;
    wechat.answerSends(openid(refused), [43101]);

    const groupBuyId = await closedGroupBuy(participants);
    const rows = await eventually(() => rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuyId), settled, 20_000, 'messages settled');
    const row = rows.find((r) => r.user.openid === openid(refused))!;
    expect(row).toMatchObject({ state: DeliveryState.FAILED, errcode: 43101, attempts: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1500)); // ten times the first retry delay
    expect(sendsTo(refused).filter((send) => send.page.includes(`groupBuyId=${groupBuyId}`))).toHaveLength(1);
    expect((await rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuyId)).find((r) => r.id === row.id)!.state).toBe(DeliveryState.FAILED);
  });

  it('a coupon expiring in 3 days: one reminder, however often the daily job runs', async () => {
    const [member] = await members(1);
    const templates = await Promise.all(
      [3, 10].map(async (validDays) =>
        (await admin.client.data(CREATE_TEMPLATE, { c: communityId, i: { title: `${validDays}天有效券`, faceValueFen: 100, minSpendFen: 0, validDays, stock: null, perMemberLimit: null, minTierLevel: 0 } }))
          .createCouponTemplate.id,
      ),
    );
    await admin.client.data(ADJUST, { c: communityId, m: member.memberId, a: 1000, r: '测试发放' });
    await consent(member.client, communityId, TEMPLATES.COUPON_EXPIRING);
    await consent(member.client, communityId, TEMPLATES.COUPON_EXPIRING); // two accepts: a second reminder would be sent
    const coupons: Array<{ id: string }> = [];
    for (const templateId of templates) coupons.push((await member.client.data(REDEEM, { t: templateId, r: newRequestId() })).redeemCoupon.coupon);

    const job = () => env.server.services.notifications.remindExpiringCoupons(env.em());
    const runs = [...(await Promise.all([job(), job()])), await job(), await job()];
    expect(runs.reduce((sum, n) => sum + n, 0)).toBe(1);

    const soon = await eventually(() => rowsOf(NotificationKind.COUPON_EXPIRING, coupons[0].id), settled, 20_000, 'coupon reminder sent');
    expect(soon.map((row) => row.state)).toEqual([DeliveryState.SENT]);
    expect(await rowsOf(NotificationKind.COUPON_EXPIRING, coupons[1].id)).toHaveLength(0); // 10 days left: not yet
    await job();
    const sends = sendsTo(member, TEMPLATES.COUPON_EXPIRING);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ page: `pages/coupon-detail/index?id=${coupons[0].id}`, data: { thing1: { value: '3天有效券' } } });
    expect(sends[0].data.time2.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const inbox = (await member.client.data(MY_MESSAGES, { c: communityId, first: 5 })).myMessages;
    expect(inbox.edges.map((edge: any) => edge.node.title)).toEqual(['优惠券即将过期']);
  });

  it('a waitlisted sign-up promoted when a confirmed one cancels: SIGNUP_PROMOTED to the promoted member', async () => {
    const [first, waiting] = await members(2);
    const form = (await admin.client.data(CREATE_SIGNUP_FORM, { c: communityId, i: signupFormInput({ title: '周末拉花体验课', capacity: 1 }) })).createSignupForm;
    const fieldIds = form.fields.map((field: any) => field.id);
    const submit = async (who: Joined) => (await who.client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(fieldIds, who.name) })).submitSignup;
    expect((await submit(first)).submission.status).toBe('CONFIRMED');
    expect((await submit(waiting)).submission.status).toBe('WAITLISTED');
    await consent(waiting.client, communityId, TEMPLATES.SIGNUP_PROMOTED);

    expect((await first.client.data(CANCEL_SIGNUP, { f: form.id })).cancelSignup.__typename).toBe('SignupCancelled');
    const em = env.em();
    const submission = await em.findOneOrFail('SignupSubmission', { form: Number(form.id), member: Number(waiting.memberId) });
    const rows = await eventually(() => rowsOf(NotificationKind.SIGNUP_PROMOTED, (submission as any).id), settled, 20_000, 'promotion message sent');
    expect(rows.map((row) => [row.state, row.user.openid])).toEqual([[DeliveryState.SENT, openid(waiting)]]);
    const [send] = sendsTo(waiting, TEMPLATES.SIGNUP_PROMOTED);
    expect(send).toMatchObject({ page: `activity/pages/signup-detail/index?id=${communityId}&formId=${form.id}`, data: { thing1: { value: '周末拉花体验课' }, phrase2: { value: '报名成功' } } });
    expect(sendsTo(first, TEMPLATES.SIGNUP_PROMOTED)).toHaveLength(0);
  });

  it('an application rejected with a reason: APPLICATION_RESULT carries the reason, to WeChat and the inbox', async () => {
    const gated = await env.createCommunity('n-q-owner', { joinPolicy: 'QUESTIONNAIRE' });
    const saved = (await gated.owner.client.data(SAVE_QUESTIONNAIRE, { c: gated.communityId, i: questionnaireInput({ autoApprove: false }) })).saveQuestionnaire;
    const applicant = await env.join('n-applicant', gated.joinCode);
    expect(applicant.status).toBe('APPLICANT');
    await consent(applicant.client, gated.communityId, TEMPLATES.APPLICATION_RESULT);
    const submitted = (await applicant.client.data(SUBMIT_APPLICATION, { c: gated.communityId, a: [{ questionId: saved.questions[0].id, optionIds: [saved.questions[0].options[0].id] }] }))
      .submitApplication;
    expect(submitted.application.status).toBe('PENDING');
    expect(await rowsOf(NotificationKind.APPLICATION_RESULT, submitted.application.id)).toHaveLength(0);

    const reviewed = (await gated.owner.client.data(REVIEW_APPLICATION, { a: submitted.application.id, ok: false, r: '本群仅限本小区业主，抱歉' })).reviewApplication;
    expect(reviewed.application.status).toBe('REJECTED');
    const rows = await eventually(() => rowsOf(NotificationKind.APPLICATION_RESULT, submitted.application.id), settled, 20_000, 'application result sent');
    expect(rows.map((row) => row.state)).toEqual([DeliveryState.SENT]);
    const [send] = sendsTo(applicant, TEMPLATES.APPLICATION_RESULT);
    expect(send.data).toMatchObject({ phrase2: { value: '未通过' }, thing3: { value: '原因：本群仅限本小区业主，抱歉' } });
    expect(send.page).toBe(`pages/questionnaire/index?id=${gated.communityId}`);
    const inbox = (await applicant.client.data(MY_MESSAGES, { c: gated.communityId, first: 5 })).myMessages;
    expect(inbox.edges[0].node).toMatchObject({ kind: 'APPLICATION_RESULT', title: '入群申请未通过' });
    expect(inbox.edges[0].node.body).toContain('原因：本群仅限本小区业主，抱歉');
  });

  it('a group-buy closed by the job at its end time tells its participants (未成团: below the minimum)', async () => {
    const participants = await members(2);
    const groupBuy = await createGroupBuy(admin.client, communityId, groupBuyInput(new Date(), { title: '到点自动结束团', minParticipants: 3, endsAt: new Date(Date.now() + 1500).toISOString() }));
    for (const member of participants) await joinGroupBuy(member.client, groupBuy.id, 1);
    // Nobody calls anything: the closing job (every 5 s) closes it and writes the messages.
    const rows = await eventually(() => rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuy.id), (found) => found.length === 2 && settled(found), 20_000, 'closed by the job');
    expect(await env.server.services.groupBuys.closeDue(env.em(), new Date())).toBe(0);
    expect(rows.map((row) => [row.title, row.state])).toEqual([
      ['团购未成团', DeliveryState.NO_CONSENT],
      ['团购未成团', DeliveryState.NO_CONSENT],
    ]);
    expect(rows[0].body).toContain('未达到 3 人');
    expect(rows[0].data.phrase2.value).toBe('未成团');
  });

  it('a sender killed mid-batch and restarted: nothing sent twice, nothing lost', async () => {
    // One sender, so the one killed is the one holding the claim.
    await peers[1].stop();
    const participants = await members(8);
    for (const member of participants) await consent(member.client, communityId, TEMPLATES.GROUPBUY_RESULT);
    const tokenCallsBefore = wechat.tokenCalls.length;

    // The first batch (3) goes through; the next batch's sends stay unanswered, unprocessed.
    wechat.holdAfterDelivered(wechat.delivered().length + 3);
    const groupBuyId = await closedGroupBuy(participants);
    await eventually(() => wechat.heldCount(), (held) => held >= 2, 20_000, 'the second batch in flight');

    const before = await rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuyId);
    expect(before.filter((row) => row.state === DeliveryState.SENT)).toHaveLength(3);
    expect(before.filter((row) => row.state === DeliveryState.SENDING).length).toBeGreaterThanOrEqual(2);

    await peers[0].kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    wechat.releaseSends(); // the dead process's requests were never processed

    peers = [await env.startPeerProcess(SENDER_ENV), await env.startPeerProcess(SENDER_ENV)];
    const rows = await eventually(() => rowsOf(NotificationKind.GROUPBUY_RESULT, groupBuyId), settled, 30_000, 'messages settled after the restart');
    expect(rows.map((row) => row.state)).toEqual(Array(8).fill(DeliveryState.SENT));

    const delivered = wechat.delivered().filter((send) => send.page.includes(`groupBuyId=${groupBuyId}`));
    expect(delivered.map((send) => send.touser).sort()).toEqual(participants.map(openid).sort()); // each exactly once
    // The restarted processes took the token from the database.
    expect(wechat.tokenCalls.length).toBe(tokenCallsBefore);
  });

  it('the inbox pages by cursor and marks read', async () => {
    const [member] = await members(1);
    for (let i = 0; i < 3; i += 1) {
      const others = await members(2);
      await closedGroupBuy([member, ...others], `第 ${i + 1} 团`);
    }
    const page1 = (await member.client.data(MY_MESSAGES, { c: communityId, first: 2 })).myMessages;
    expect(page1.unreadCount).toBe(3);
    expect(page1.edges.map((edge: any) => edge.node.body)).toEqual([expect.stringContaining('第 3 团'), expect.stringContaining('第 2 团')]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await member.client.data(MY_MESSAGES, { c: communityId, first: 2, after: page1.pageInfo.endCursor })).myMessages;
    expect(page2.edges.map((edge: any) => edge.node.body)).toEqual([expect.stringContaining('第 1 团')]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const one = (await member.client.data(MARK_READ, { c: communityId, ids: [page2.edges[0].node.id] })).markMessagesRead;
    expect(one).toEqual({ marked: 1, unreadCount: 2 });
    // Somebody else's message is not the caller's to mark.
    const [stranger] = await members(1);
    expect((await stranger.client.data(MARK_READ, { c: communityId, ids: [page1.edges[0].node.id] })).markMessagesRead.marked).toBe(0);
    expect((await member.client.data(MARK_READ, { c: communityId, ids: null })).markMessagesRead).toEqual({ marked: 2, unreadCount: 0 });
    expect((await member.client.data(UNREAD, { c: communityId })).unreadMessageCount).toBe(0);
  });
});

/** The same outbox with the in-process sender alone: on SQLite this is the conditional claim (no SKIP LOCKED there). */
describe('subscription messages from one process (either database)', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment('notify_one', { env: { ...TEMPLATE_ENV, NOTIFY_SEND_EVERY_MS: '100', NOTIFY_RETRY_BASE_MS: '100' } });
  });
  afterAll(() => env.close());

  it('sends to the members who consented and keeps an inbox item for everyone', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('n1-owner');
    const participants = await Promise.all(['n1-a', 'n1-b', 'n1-c'].map((name) => env.join(name, joinCode)));
    await consent(participants[0].client, communityId, TEMPLATES.GROUPBUY_RESULT);
    await consent(participants[1].client, communityId, TEMPLATES.GROUPBUY_RESULT);
    env.wechat.answerSends('o-n1-b', [45009]);
    const groupBuy = await createGroupBuy(owner.client, communityId, groupBuyInput(new Date(), { minParticipants: 5 }));
    for (const member of participants) await joinGroupBuy(member.client, groupBuy.id, 1);
    await owner.client.data(CLOSE_GROUP_BUY, { g: groupBuy.id });

    const rows = await eventually(
      () => env.em().find(NotificationMessage, { refId: Number(groupBuy.id), kind: NotificationKind.GROUPBUY_RESULT }, { orderBy: { id: 'asc' }, populate: ['user'] }),
      (found) => found.length === 3 && found.every((row) => row.state !== DeliveryState.QUEUED && row.state !== DeliveryState.SENDING),
      20_000,
      'messages settled',
    );
    const byOpenid = [...rows].sort((x, y) => x.user.openid.localeCompare(y.user.openid));
    expect(byOpenid.map((row) => [row.user.openid, row.state, row.attempts])).toEqual([
      ['o-n1-a', DeliveryState.SENT, 1],
      ['o-n1-b', DeliveryState.SENT, 2],
      ['o-n1-c', DeliveryState.NO_CONSENT, 0],
    ]);
    expect(env.wechat.delivered().map((send) => [send.touser, send.data.phrase2.value]).sort()).toEqual([
      ['o-n1-a', '未成团'],
      ['o-n1-b', '未成团'],
    ]);
    expect(env.wechat.tokenCalls).toHaveLength(1);
    const inbox = (await participants[2].client.data(MY_MESSAGES, { c: communityId, first: 5 })).myMessages;
    expect(inbox.edges.map((edge: any) => edge.node.title)).toEqual(['团购未成团']);
    expect((await owner.client.data(STATS, { c: communityId })).notificationStats).toEqual({ sent: 2, skippedNoConsent: 1, failed: 0, pending: 0, inboxOnly: 0 });
  });

  it('a kind without a template id is inbox only', async () => {
    const bare = await createTestEnvironment('notify_bare');
    try {
      const { owner, communityId, joinCode } = await bare.createCommunity('n2-owner');
      const member = await bare.join('n2-a', joinCode);
      expect((await member.client.data(SUBSCRIPTION_TEMPLATES)).subscriptionTemplates).toEqual([]);
      const groupBuy = await createGroupBuy(owner.client, communityId, groupBuyInput(new Date()));
      await joinGroupBuy(member.client, groupBuy.id, 1);
      await owner.client.data(CLOSE_GROUP_BUY, { g: groupBuy.id });
      const [row] = await bare.em().find(NotificationMessage, { refId: Number(groupBuy.id) });
      expect(row).toMatchObject({ state: DeliveryState.INBOX_ONLY, templateId: null });
      expect((await member.client.data(UNREAD, { c: communityId })).unreadMessageCount).toBe(1);
      expect(bare.wechat.sends).toHaveLength(0);
    } finally {
      await bare.close();
    }
  });
});
