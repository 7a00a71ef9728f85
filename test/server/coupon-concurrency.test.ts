import { Coupon } from '../../server/src/coupon/coupon.entity';
import { PointsEntry } from '../../server/src/points/points-entry.entity';
import { PointsEntryType } from '../../server/src/points/points.enums';
import { couponShop, newRequestId, REDEEM, WRITE_OFF } from '../helpers/economy';
import { GraphQLClient } from '../helpers/graphql-client';
import { checkEconomyInvariants } from '../helpers/invariants';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('coupons under simultaneous requests (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  /** Alternate requests between the in-process server and a second server process. */
  const both = (member: LoggedIn) => [member.client, new GraphQLClient(second.url, member.token)];

  beforeAll(async () => {
    env = await createTestEnvironment('coupon_race');
    second = await env.startPeerProcess();
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
  });
  afterEach(async () => expect((await checkEconomyInvariants(env.em())).violations).toEqual([]));

  it('20 simultaneous redemptions against a balance for 3 coupons issue exactly 3; the balance never goes negative', async () => {
    const shop = await couponShop(env, 'x-balance');
    const member = await shop.memberWith('x-spender', 1700); // 3 × 500 = 1500, 200 left
    const clients = both(member);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2].request(REDEEM, { t: shop.templateId, r: newRequestId() })));
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const kinds = results.map((r) => r.data.redeemCoupon.__typename);
    expect(kinds.filter((k) => k === 'CouponRedeemed')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'InsufficientPoints')).toHaveLength(17);
    expect(await env.em().count(Coupon, { member: Number(member.memberId) })).toBe(3);
    expect((await member.client.data(`{ membership(communityId: ${shop.communityId}) { points } }`)).membership.points).toBe(200);
  });

  it('stock 10 and 40 members at once: exactly 10 issued, the rest sold out', async () => {
    const shop = await couponShop(env, 'x-stock', { stock: 10 });
    const members = await shop.crowdWith('x-rush', 40, 500);
    const results = await Promise.all(members.map((m, i) => both(m)[i % 2].request(REDEEM, { t: shop.templateId, r: newRequestId() })));
    const kinds = results.map((r) => r.data?.redeemCoupon?.__typename);
    expect(kinds.filter((k) => k === 'CouponRedeemed')).toHaveLength(10);
    expect(kinds.filter((k) => k === 'SoldOut')).toHaveLength(30);
    expect(await env.em().count(Coupon, { template: Number(shop.templateId) })).toBe(10);
    const refunded = await env.em().count(PointsEntry, { type: PointsEntryType.COUPON_REDEEM, member: { $in: members.map((m) => Number(m.memberId)) } });
    expect(refunded).toBe(10); // the 30 refused ones left no deduction behind
  });

  it('a per-member limit of 2 holds against 12 simultaneous redemptions of one member', async () => {
    const shop = await couponShop(env, 'x-limit', { perMemberLimit: 2 });
    const member = await shop.memberWith('x-greedy', 10_000);
    const clients = both(member);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => clients[i % 2].request(REDEEM, { t: shop.templateId, r: newRequestId() })));
    const kinds = results.map((r) => r.data.redeemCoupon.__typename);
    expect(kinds.filter((k) => k === 'CouponRedeemed')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'LimitReached')).toHaveLength(10);
    expect((await member.client.data(`{ membership(communityId: ${shop.communityId}) { points } }`)).membership.points).toBe(9000);
  });

  it('one requestId sent 10 times at once: one coupon, one deduction, the same answer every time', async () => {
    const shop = await couponShop(env, 'x-replay');
    const member = await shop.memberWith('x-retrier', 2000);
    const requestId = newRequestId();
    const clients = both(member);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => clients[i % 2].request(REDEEM, { t: shop.templateId, r: requestId })));
    expect(results.map((r) => r.errors?.[0]?.extensions ?? null).filter(Boolean)).toEqual([]);
    const answers = results.map((r) => r.data.redeemCoupon);
    expect(answers.every((a) => a.__typename === 'CouponRedeemed')).toBe(true);
    expect(new Set(answers.map((a) => a.coupon.code)).size).toBe(1);
    expect(new Set(answers.map((a) => a.balance))).toEqual(new Set([1500]));
    expect(await env.em().count(Coupon, { member: Number(member.memberId) })).toBe(1);
    expect(await env.em().count(PointsEntry, { member: Number(member.memberId), type: PointsEntryType.COUPON_REDEEM })).toBe(1);
  });

  it('six simultaneous write-offs of one code: one success, five already used', async () => {
    const shop = await couponShop(env, 'x-writeoff');
    const member = await shop.memberWith('x-holder', 500);
    const code = (await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon.code;
    const admins = both(shop.owner);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => admins[i % 2].request(WRITE_OFF, { c: shop.communityId, code })));
    const kinds = results.map((r) => r.data.writeOffCoupon.__typename);
    expect(kinds.filter((k) => k === 'CouponWrittenOff')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'CouponAlreadyUsed')).toHaveLength(5);
  });
});
