import { generateKeyPairSync, createSign } from 'node:crypto';
import { AuditLog } from '../../server/src/audit/audit-log.entity';
import { ManualClock } from '../../server/src/common/clock';
import { Member } from '../../server/src/member/member.entity';
import { PaymentOrder } from '../../server/src/payment/payment-order.entity';
import { PaymentRefund } from '../../server/src/payment/payment-refund.entity';
import { questionnaireInput, REVIEW_APPLICATION, SAVE_QUESTIONNAIRE, SUBMIT_APPLICATION } from '../helpers/activities';
import { FAKE_APPID } from '../helpers/fake-wechat';
import { FAKE_MCHID, FakeWeChatPay, SignedNotification } from '../helpers/fake-wechat-pay';
import { JOIN, MEMBERSHIP, MY_ORDER, PAYMENT_ORDERS, payParamsVerify, REFUND, SET_ENTRY_FEE, SIMULATE } from '../helpers/payments';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

describe('paid entry through WeChat Pay (fake WeChat Pay on loopback)', () => {
  const clock = new ManualClock();
  let pay: FakeWeChatPay;
  let env: TestEnvironment;
  let owner: LoggedIn;
  let communityId: string;
  let joinCode: string;
  let newcomers = 0;

  beforeAll(async () => {
    pay = await new FakeWeChatPay().start();
    env = await createTestEnvironment('paid_entry', { clock, env: pay.env() });
    ({ owner, communityId, joinCode } = await env.createCommunity('pe-owner'));
    await owner.client.data(SET_ENTRY_FEE, { c: communityId, f: 990 });
  });
  afterAll(async () => {
    await env.close();
    await pay.stop();
  });

  const newcomer = async (code = joinCode) => {
    newcomers += 1;
    const who = await env.login(`pe-newcomer-${newcomers}`);
    const joined = (await who.client.data(JOIN, { c: code })).joinCommunity;
    return { who, joined };
  };
  const membership = async (who: LoggedIn, c = communityId) => (await who.client.data(MEMBERSHIP, { c })).membership;
  const deliver = (notification: SignedNotification) => FakeWeChatPay.deliver(env.url, notification);
  const orderRow = (orderNo: string) => env.em().findOneOrFail(PaymentOrder, { orderNo });
  const auditActions = async (orderNo: string) =>
    (await env.em().find(AuditLog, { community: Number(communityId) }, { orderBy: { id: 'asc' } })).filter((row) => row.detail?.orderNo === orderNo).map((row) => `${row.action}:${row.outcome}`);

  it('the fee is integer fen within 1..100000 (0 = free), set by admins and audited', async () => {
    for (const fee of [-1, 100_001]) {
      const refused = await owner.client.request(SET_ENTRY_FEE, { c: communityId, f: fee });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(/入群费/);
    }
    const fractional = await owner.client.request(SET_ENTRY_FEE, { c: communityId, f: 9.9 });
    expect(fractional.errors?.[0]).toBeDefined();
    expect((await owner.client.data(`query ($c: String!) { communityPreview(joinCode: $c) { entryFeeFen } }`, { c: joinCode })).communityPreview.entryFeeFen).toBe(990);
    const audit = await env.em().find(AuditLog, { community: Number(communityId), action: 'setEntryFee' });
    expect(audit.map((row) => row.outcome)).toEqual(['OK']);
  });

  it('joining asks for the fee: a JSAPI order with the amount, appid and openid, signed pay params; no membership yet; a second join returns the same order', async () => {
    const { who, joined } = await newcomer();
    expect(joined).toMatchObject({ __typename: 'PaymentRequired', amountFen: 990, simulated: false, payParams: { signType: 'RSA' } });
    const order = pay.orders.get(joined.orderNo)!;
    expect(order).toMatchObject({ appid: FAKE_APPID, mchid: FAKE_MCHID, amount: { total: 990, currency: 'CNY' }, payer: { openid: `o-${who.name}` }, notify_url: 'https://qunyou.example.com/wechatpay/notify' });
    expect(pay.requests.every((request) => request.signed)).toBe(true);
    expect(joined.payParams.package).toBe(`prepay_id=${order.prepayId}`);
    expect(payParamsVerify(FAKE_APPID, joined.payParams, pay.merchantPublicKey)).toBe(true);
    expect(payParamsVerify(FAKE_APPID, { ...joined.payParams, package: 'prepay_id=wxother' }, pay.merchantPublicKey)).toBe(false);
    expect(await membership(who)).toBeNull();

    const again = (await who.client.data(JOIN, { c: joinCode })).joinCommunity;
    expect(again).toMatchObject({ __typename: 'PaymentRequired', orderNo: joined.orderNo, amountFen: 990 });
    expect([...pay.orders.values()].filter((o) => o.payer.openid === `o-${who.name}`)).toHaveLength(1);
    expect(await auditActions(joined.orderNo)).toEqual(['paymentOrderCreated:OK']);
  });

  it('forged, tampered, stale and wrong-amount notifications are refused and change nothing; the real one admits once however often it comes', async () => {
    const { who, joined } = await newcomer();
    const genuine = pay.pay(joined.orderNo);

    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forgedSignature = createSign('RSA-SHA256').update(`${genuine.headers['Wechatpay-Timestamp']}\n${genuine.headers['Wechatpay-Nonce']}\n${genuine.body}\n`).sign(stranger.privateKey, 'base64');
    expect(await deliver({ ...genuine, headers: { ...genuine.headers, 'Wechatpay-Signature': forgedSignature } })).toBe(401);
    expect(await deliver({ ...genuine, body: genuine.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') })).toBe(401);
    expect(await deliver({ ...genuine, headers: { ...genuine.headers, 'Wechatpay-Serial': 'ABCDEF' } })).toBe(401);
    const { headers: _dropped, ...unsigned } = genuine;
    expect(await deliver({ ...unsigned, headers: {} })).toBe(401);
    const stale = pay.notification('TRANSACTION.SUCCESS', 'transaction', JSON.parse('{}'), Math.floor(Date.now() / 1000) - 600);
    expect(await deliver(stale)).toBe(401);
    const transaction = JSON.parse(JSON.stringify({ appid: FAKE_APPID, mchid: FAKE_MCHID, out_trade_no: joined.orderNo, trade_state: 'SUCCESS', amount: { total: 990 } }));
    expect(await deliver(pay.notification('TRANSACTION.SUCCESS', 'transaction', transaction, undefined, 'someoneElsesApiV3Key0123456789AB'))).toBe(400);
    expect(await deliver(pay.pay(joined.orderNo, { amount: 1 }))).toBe(400);
    expect(await deliver(pay.pay(joined.orderNo, { appid: 'wxsomeoneelse' }))).toBe(400);
    expect(await deliver(pay.pay(joined.orderNo, { mchid: '1230000109' }))).toBe(400);
    expect(await membership(who)).toBeNull();
    expect((await orderRow(joined.orderNo)).status).toBe('OPEN');

    for (let i = 0; i < 3; i += 1) expect(await deliver(genuine)).toBe(204);
    expect(await membership(who)).toMatchObject({ status: 'ACTIVE' });
    expect(await env.em().count(Member, { user: Number(who.userId), community: Number(communityId) })).toBe(1);
    expect(await who.client.data(MY_ORDER, { o: joined.orderNo })).toMatchObject({ myPaymentOrder: { status: 'PAID', amountFen: 990 } });
    expect(await auditActions(joined.orderNo)).toEqual(['paymentOrderCreated:OK', 'paymentRefused:PAYMENT_REFUSED', 'paymentRefused:PAYMENT_REFUSED', 'paymentRefused:PAYMENT_REFUSED', 'paymentSucceeded:OK']);
    // Already in: joining again answers the membership, not a new order.
    expect((await who.client.data(JOIN, { c: joinCode })).joinCommunity).toMatchObject({ __typename: 'JoinedCommunity', member: { status: 'ACTIVE' } });
  });

  it('a notification of an order nobody made is refused; someone else cannot read or simulate my order', async () => {
    const { joined } = await newcomer();
    const unknown = pay.notification('TRANSACTION.SUCCESS', 'transaction', { appid: FAKE_APPID, mchid: FAKE_MCHID, out_trade_no: 'QY20260101000000NOSUCHORDER', trade_state: 'SUCCESS', amount: { total: 990 } });
    expect(await deliver(unknown)).toBe(404);
    const other = await env.login('pe-other');
    expect((await other.client.data(MY_ORDER, { o: joined.orderNo })).myPaymentOrder).toBeNull();
    const simulated = await other.client.request(SIMULATE, { o: joined.orderNo });
    expect(simulated.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(simulated.errors?.[0]?.message).toMatch(/模拟支付/);
    expect((await orderRow(joined.orderNo)).status).toBe('OPEN');
  });

  it('reconciliation settles a paid order whose notification never came and closes an expired unpaid one', async () => {
    const { who: paid, joined: paidOrder } = await newcomer();
    const { who: gaveUp, joined: unpaidOrder } = await newcomer();
    pay.pay(paidOrder.orderNo); // the notification is lost
    clock.advance(5 * 60_000);
    await env.server.services.paymentReconciliation.run();
    expect(await membership(paid)).toMatchObject({ status: 'ACTIVE' });
    expect((await orderRow(unpaidOrder.orderNo)).status).toBe('OPEN');

    clock.advance(30 * 60_000);
    await env.server.services.paymentReconciliation.run();
    expect((await orderRow(unpaidOrder.orderNo)).status).toBe('CLOSED');
    expect(pay.orders.get(unpaidOrder.orderNo)!.state).toBe('CLOSED');
    expect(await membership(gaveUp)).toBeNull();
    expect(await auditActions(unpaidOrder.orderNo)).toEqual(['paymentOrderCreated:OK', 'paymentClosed:OK']);
    const fresh = (await gaveUp.client.data(JOIN, { c: joinCode })).joinCommunity;
    expect(fresh.__typename).toBe('PaymentRequired');
    expect(fresh.orderNo).not.toBe(unpaidOrder.orderNo);
  });

  it('the owner refunds by hand (admins may not): WeChat Pay gets the refund, the member leaves, the refund notification settles it once', async () => {
    const { who, joined } = await newcomer();
    expect(await deliver(pay.pay(joined.orderNo))).toBe(204);
    const missing = (await owner.client.data(REFUND, { c: communityId, o: 'QY00000000000000NOSUCH', r: '测试' })).refundEntryFee;
    expect(missing).toMatchObject({ errorCode: 'PAYMENT_ORDER_NOT_FOUND' });
    const refunded = (await owner.client.data(REFUND, { c: communityId, o: joined.orderNo, r: '群主退款' })).refundEntryFee;
    expect(refunded).toMatchObject({ __typename: 'PaymentOrder', status: 'REFUNDING', refundStatus: 'PROCESSING' });
    const refund = [...pay.refunds.values()].find((r) => r.out_trade_no === joined.orderNo)!;
    expect(refund).toMatchObject({ amount: { refund: 990, total: 990 }, reason: '群主退款' });
    expect((await membership(who))?.status ?? 'REMOVED').toBe('REMOVED');
    expect((await owner.client.data(REFUND, { c: communityId, o: joined.orderNo, r: '再退一次' })).refundEntryFee).toMatchObject({ errorCode: 'ORDER_NOT_REFUNDABLE' });
    expect(pay.refunds.size).toBe(1);

    const done = pay.completeRefund(refund.out_refund_no);
    expect(await deliver(done)).toBe(204);
    expect(await deliver(done)).toBe(204);
    expect((await orderRow(joined.orderNo)).status).toBe('REFUNDED');
    expect(await auditActions(joined.orderNo)).toEqual([
      'paymentOrderCreated:OK',
      'paymentSucceeded:OK',
      'refundRequested:OK',
      'refundEntryFee:OK',
      'refundEntryFee:ORDER_NOT_REFUNDABLE',
      'refundSettled:OK',
    ]);
    const listed = (await owner.client.data(PAYMENT_ORDERS, { c: communityId })).paymentOrders.find((o: any) => o.orderNo === joined.orderNo);
    expect(listed).toMatchObject({ amountFen: 990, status: 'REFUNDED', refundStatus: 'SUCCESS', refundReason: '群主退款' });
  });

  it('under the questionnaire a payment makes an applicant; rejecting a paid applicant refunds the fee (the reconciliation job follows the refund up)', async () => {
    const home = await env.createCommunity('pe-q-owner', { joinPolicy: 'QUESTIONNAIRE' });
    await home.owner.client.data(SAVE_QUESTIONNAIRE, { c: home.communityId, i: questionnaireInput({ autoApprove: false }) });
    await home.owner.client.data(SET_ENTRY_FEE, { c: home.communityId, f: 500 });
    const who = await env.login('pe-q-applicant');
    const joined = (await who.client.data(JOIN, { c: home.joinCode })).joinCommunity;
    expect(joined).toMatchObject({ __typename: 'PaymentRequired', amountFen: 500 });
    expect(await deliver(pay.pay(joined.orderNo))).toBe(204);
    expect(await membership(who, home.communityId)).toMatchObject({ status: 'APPLICANT' });
    const questions = (await who.client.data(`query ($c: ID!) { questionnaire(communityId: $c) { questions { id options { id } } } }`, { c: home.communityId })).questionnaire.questions;
    const submitted = (await who.client.data(SUBMIT_APPLICATION, { c: home.communityId, a: [{ questionId: questions[0].id, optionIds: [questions[0].options[0].id] }] })).submitApplication;
    expect(submitted.application.status).toBe('PENDING');

    const rejected = (await home.owner.client.data(REVIEW_APPLICATION, { a: submitted.application.id, ok: false, r: '名额已满' })).reviewApplication;
    expect(rejected).toMatchObject({ __typename: 'ApplicationReviewed', member: { status: 'REMOVED' } });
    const refund = await env.em().findOneOrFail(PaymentRefund, { order: { orderNo: joined.orderNo } });
    expect(refund).toMatchObject({ amountFen: 500, status: 'PROCESSING' });
    expect(pay.refunds.get(refund.refundNo)).toMatchObject({ amount: { refund: 500 } });

    pay.refunds.get(refund.refundNo)!.status = 'SUCCESS'; // the refund notification is lost
    clock.advance(5 * 60_000);
    await env.server.services.paymentReconciliation.run();
    expect((await orderRow(joined.orderNo)).status).toBe('REFUNDED');
  });

  it('a refund WeChat Pay could not take is submitted again by the reconciliation job, once', async () => {
    const { joined } = await newcomer();
    expect(await deliver(pay.pay(joined.orderNo))).toBe(204);
    pay.failing = true;
    expect((await owner.client.data(REFUND, { c: communityId, o: joined.orderNo, r: '稍后退款' })).refundEntryFee).toMatchObject({ status: 'REFUNDING', refundStatus: 'SUBMITTING' });
    pay.failing = false;
    await env.server.services.paymentReconciliation.run();
    expect((await env.em().findOneOrFail(PaymentRefund, { order: { orderNo: joined.orderNo } })).status).toBe('PROCESSING');
    expect([...pay.refunds.values()].filter((r) => r.out_trade_no === joined.orderNo)).toHaveLength(1);
  });

  it('admins export the orders (amounts in 元, refunds beside them)', async () => {
    const link = (await owner.client.data(`mutation ($c: ID!) { exportPaymentOrders(communityId: $c, format: CSV) { url filename } }`, { c: communityId })).exportPaymentOrders;
    expect(link.filename).toMatch(/^入群费订单/);
    const csv = await (await fetch(`${env.url}${link.url}`)).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('订单号,金额（元）,状态,微信支付单号');
    const orders = await env.em().find(PaymentOrder, { community: Number(communityId) });
    expect(lines).toHaveLength(orders.length + 1);
    expect(lines.some((line) => /,9\.9,已退款,4200/.test(line) && line.includes('群主退款'))).toBe(true);
  });

  it('paying an old order after getting in for free refunds the fee and keeps the membership', async () => {
    const home = await env.createCommunity('pe-lifted-owner');
    await home.owner.client.data(SET_ENTRY_FEE, { c: home.communityId, f: 300 });
    const who = await env.login('pe-lifted');
    const { orderNo } = (await who.client.data(JOIN, { c: home.joinCode })).joinCommunity;
    await home.owner.client.data(SET_ENTRY_FEE, { c: home.communityId, f: 0 });
    expect((await who.client.data(JOIN, { c: home.joinCode })).joinCommunity).toMatchObject({ __typename: 'JoinedCommunity', member: { status: 'ACTIVE' } });

    expect(await deliver(pay.pay(orderNo))).toBe(204); // the cashier was still open on the phone
    expect((await orderRow(orderNo)).status).toBe('REFUNDING');
    expect([...pay.refunds.values()].filter((r) => r.out_trade_no === orderNo)).toEqual([expect.objectContaining({ amount: expect.objectContaining({ refund: 300, total: 300 }) })]);
    expect(await membership(who, home.communityId)).toMatchObject({ status: 'ACTIVE' });
  });

  it('simulatePayment is refused outside the H5 demo, even for the payer, and changes nothing', async () => {
    const { who, joined } = await newcomer();
    const result = await who.client.request(SIMULATE, { o: joined.orderNo });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await orderRow(joined.orderNo)).status).toBe('OPEN');
    expect(await membership(who)).toBeNull();
  });
});
