import { ConfigError, loadConfig } from '../../server/src/config';
import { PaymentOrder } from '../../server/src/payment/payment-order.entity';
import { FakeWeChatPay } from '../helpers/fake-wechat-pay';
import { JOIN, MEMBERSHIP, SET_ENTRY_FEE, SIMULATE } from '../helpers/payments';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

describe('paid entry without WeChat Pay configured', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('paid_entry_off');
  });
  afterAll(() => env.close());

  it('a fee is refused with a clear error (free stays possible); nothing changes', async () => {
    const { owner, communityId } = await env.createCommunity('po-owner');
    const refused = await owner.client.request(SET_ENTRY_FEE, { c: communityId, f: 990 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/微信支付尚未配置/);
    expect((await owner.client.data(SET_ENTRY_FEE, { c: communityId, f: 0 })).setEntryFee.entryFeeFen).toBe(0);
  });
});

describe('paid entry in the H5 demo (WECHAT_LOGIN=dev, no WeChat Pay): 模拟支付', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('paid_entry_dev', { env: { WECHAT_LOGIN: 'dev' } });
  });
  afterAll(() => env.close());

  it('joining answers a simulated order; simulatePayment by the payer admits; an unknown order is refused', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('pd-owner');
    expect((await owner.client.data(SET_ENTRY_FEE, { c: communityId, f: 990 })).setEntryFee.entryFeeFen).toBe(990);
    const who = await env.login('pd-newcomer');
    const joined = (await who.client.data(JOIN, { c: joinCode })).joinCommunity;
    expect(joined).toMatchObject({ __typename: 'PaymentRequired', amountFen: 990, simulated: true });
    expect((await who.client.data(MEMBERSHIP, { c: communityId })).membership).toBeNull();

    const stranger = await env.login('pd-stranger');
    expect((await stranger.client.data(SIMULATE, { o: joined.orderNo })).simulatePayment).toMatchObject({ errorCode: 'PAYMENT_ORDER_NOT_FOUND' });
    expect((await who.client.data(SIMULATE, { o: 'QY00000000000000UNKNOWN' })).simulatePayment).toMatchObject({ errorCode: 'PAYMENT_ORDER_NOT_FOUND' });
    expect((await env.em().findOneOrFail(PaymentOrder, { orderNo: joined.orderNo })).status).toBe('OPEN');

    expect((await who.client.data(SIMULATE, { o: joined.orderNo })).simulatePayment).toMatchObject({ __typename: 'PaymentOrder', status: 'PAID' });
    expect((await who.client.data(MEMBERSHIP, { c: communityId })).membership).toMatchObject({ status: 'ACTIVE' });
    expect((await who.client.data(SIMULATE, { o: joined.orderNo })).simulatePayment).toMatchObject({ status: 'PAID' });
    const listed = await owner.client.request(`query ($c: ID!) { paymentOrders(communityId: $c, first: 50) { orderNo amountFen status createdAt paidAt refundStatus refundReason payerNickname member { id nickname } } }`, { c: communityId });
    expect(listed.errors).toBeUndefined();
    expect(listed.data.paymentOrders).toEqual([expect.objectContaining({ orderNo: joined.orderNo, status: 'PAID', amountFen: 990, member: expect.objectContaining({ id: expect.any(String) }) })]);
  });
});

describe('WECHATPAY_* configuration', () => {
  let pay: FakeWeChatPay;
  beforeAll(async () => {
    pay = await new FakeWeChatPay().start();
  });
  afterAll(() => pay.stop());
  const base = { NODE_ENV: 'test', WECHAT_LOGIN: 'dev' };

  it('all or nothing, a 32-character APIv3 key, key files that exist; the API base defaults to WeChat Pay', () => {
    expect(loadConfig(base).wechatPay).toBeNull();
    const { WECHATPAY_API_BASE: _base, ...withoutBase } = pay.env();
    expect(loadConfig({ ...base, ...withoutBase }).wechatPay).toMatchObject({ mchid: '1900000109', apiBase: 'https://api.mch.weixin.qq.com', orderTtlSeconds: 1800 });
    const { WECHATPAY_SERIAL: _serial, ...half } = pay.env();
    expect(() => loadConfig({ ...base, ...half })).toThrow(new ConfigError('WeChat Pay is half configured: WECHATPAY_SERIAL missing'));
    expect(() => loadConfig({ ...base, ...pay.env(), WECHATPAY_APIV3_KEY: 'short' })).toThrow(/32-character/);
    expect(() => loadConfig({ ...base, ...pay.env(), WECHATPAY_PRIVATE_KEY: '/nonexistent/apiclient_key.pem' })).toThrow(/WECHATPAY_PRIVATE_KEY: no file/);
  });
});
