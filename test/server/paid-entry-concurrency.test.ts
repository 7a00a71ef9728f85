import { AuditLog } from '../../server/src/audit/audit-log.entity';
import { Member } from '../../server/src/member/member.entity';
import { PaymentOrder } from '../../server/src/payment/payment-order.entity';
import { PaymentRefund } from '../../server/src/payment/payment-refund.entity';
import { FakeWeChatPay } from '../helpers/fake-wechat-pay';
import { GraphQLClient } from '../helpers/graphql-client';
import { JOIN, MEMBERSHIP, REFUND, SET_ENTRY_FEE } from '../helpers/payments';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('paid entry under simultaneous requests (MariaDB, two server processes)', () => {
  let pay: FakeWeChatPay;
  let env: TestEnvironment;
  let second: ServerProcess;
  let owner: LoggedIn;
  let communityId: string;
  let joinCode: string;

  beforeAll(async () => {
    pay = await new FakeWeChatPay().start();
    env = await createTestEnvironment('paid_entry_race', { env: pay.env() });
    second = await env.startPeerProcess();
    ({ owner, communityId, joinCode } = await env.createCommunity('pr-owner'));
    await owner.client.data(SET_ENTRY_FEE, { c: communityId, f: 990 });
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
    await pay.stop();
  });

  const countRows = (action: string) => env.em().count(AuditLog, { community: Number(communityId), action });

  it('10 simultaneous joins of one user on two processes open one order, and all of them answer it', async () => {
    const who = await env.login('pr-joiner');
    const viaSecond = new GraphQLClient(second.url, who.token);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? viaSecond : who.client).data(JOIN, { c: joinCode })));
    const orderNos = new Set(answers.map((answer) => answer.joinCommunity.orderNo));
    expect(answers.every((answer) => answer.joinCommunity.__typename === 'PaymentRequired')).toBe(true);
    expect(orderNos.size).toBe(1);
    expect(await env.em().count(PaymentOrder, { user: Number(who.userId) })).toBe(1);
    expect([...pay.orders.values()].filter((order) => order.payer.openid === 'o-pr-joiner')).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.joinCommunity.payParams.package)).size).toBe(1);
  });

  it('20 identical notifications delivered at once to two processes admit the member exactly once', async () => {
    const who = await env.login('pr-payer');
    const { orderNo } = (await who.client.data(JOIN, { c: joinCode })).joinCommunity;
    const notification = pay.pay(orderNo);
    const before = await countRows('paymentSucceeded');
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => FakeWeChatPay.deliver(i % 2 ? second.url : env.url, notification)));
    expect(statuses).toEqual(Array(20).fill(204));
    expect((await who.client.data(MEMBERSHIP, { c: communityId })).membership).toMatchObject({ status: 'ACTIVE' });
    expect(await env.em().count(Member, { user: Number(who.userId), community: Number(communityId) })).toBe(1);
    expect(await countRows('paymentSucceeded')).toBe(before + 1);
    expect((await env.em().findOneOrFail(PaymentOrder, { orderNo })).status).toBe('PAID');
  });

  it("the owner's 10 simultaneous refund taps on two processes refund once", async () => {
    const who = await env.login('pr-refunded');
    const { orderNo } = (await who.client.data(JOIN, { c: joinCode })).joinCommunity;
    expect(await FakeWeChatPay.deliver(env.url, pay.pay(orderNo))).toBe(204);
    const viaSecond = new GraphQLClient(second.url, owner.token);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? viaSecond : owner.client).data(REFUND, { c: communityId, o: orderNo, r: '重复点击' })));
    expect(answers.filter((answer) => answer.refundEntryFee.__typename === 'PaymentOrder')).toHaveLength(1);
    expect(answers.filter((answer) => answer.refundEntryFee.errorCode === 'ORDER_NOT_REFUNDABLE')).toHaveLength(9);
    expect(await env.em().count(PaymentRefund, { order: { orderNo } })).toBe(1);
    expect([...pay.refunds.values()].filter((refund) => refund.out_trade_no === orderNo)).toHaveLength(1);
  });
});
