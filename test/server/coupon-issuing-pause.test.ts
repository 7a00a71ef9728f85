import { GraphQLClient } from '../helpers/graphql-client';
import { couponShop, newRequestId, REDEEM, WRITE_OFF } from '../helpers/economy';
import { checkEconomyInvariants } from '../helpers/invariants';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/** 暂停发放 (issue 26, the emergency stop): while paused, nothing is redeemed or granted; write-offs go on. */

const PAUSE = `mutation ($c: ID!, $p: Boolean!, $r: String) { setCouponIssuingPaused(communityId: $c, paused: $p, reason: $r) { couponIssuingPausedAt couponIssuingPauseReason } }`;
const REDEEM_PAUSED = `mutation ($t: ID!, $r: String!) { redeemCoupon(templateId: $t, requestId: $r) {
  __typename ... on CouponRedeemed { coupon { id code } } ... on IssuingPaused { reason } ... on ErrorResult { errorCode message } } }`;
const GRANT = `mutation ($c: ID!, $t: ID!, $m: [ID!]!, $r: String!) { grantCoupon(communityId: $c, templateId: $t, memberIds: $m, requestId: $r) {
  __typename ... on CouponsGranted { grantedCount } ... on IssuingPaused { reason } ... on ErrorResult { errorCode message } } }`;
const REASON = '券面值设置有误，正在修正';

describe('暂停发放: the emergency stop on coupons', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('issuing_pause');
  });
  afterAll(() => env.close());

  it('refuses redemptions and grants with the reason, lets write-offs go on, and resumes', async () => {
    const shop = await couponShop(env, 'ip-owner');
    const member = await shop.memberWith('ip-member', 1500);
    const held = (await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon;

    expect(await shop.owner.client.errorCode(PAUSE, { c: shop.communityId, p: true, r: '   ' })).toBe('BAD_USER_INPUT');
    expect(await member.client.errorCode(PAUSE, { c: shop.communityId, p: true, r: '我说了算' })).toBe('FORBIDDEN');
    const paused = (await shop.owner.client.data(PAUSE, { c: shop.communityId, p: true, r: REASON })).setCouponIssuingPaused;
    expect(paused.couponIssuingPauseReason).toBe(REASON);
    expect(paused.couponIssuingPausedAt).not.toBeNull();
    // Members read it with their community.
    const seen = await member.client.data(`query ($c: ID!) { membership(communityId: $c) { community { couponIssuingPausedAt couponIssuingPauseReason } } }`, { c: shop.communityId });
    expect(seen.membership.community.couponIssuingPauseReason).toBe(REASON);

    const refused = (await member.client.data(REDEEM_PAUSED, { t: shop.templateId, r: newRequestId() })).redeemCoupon;
    expect(refused).toEqual({ __typename: 'IssuingPaused', reason: REASON, errorCode: 'ISSUING_PAUSED', message: `优惠券暂停发放：${REASON}` });
    const granted = (await shop.owner.client.data(GRANT, { c: shop.communityId, t: shop.templateId, m: [member.memberId], r: newRequestId() })).grantCoupon;
    expect(granted).toMatchObject({ __typename: 'IssuingPaused', reason: REASON });
    expect((await shop.owner.client.data(WRITE_OFF, { c: shop.communityId, code: held.code })).writeOffCoupon.__typename).toBe('CouponWrittenOff');
    expect((await member.client.data(`query ($c: ID!) { membership(communityId: $c) { points } }`, { c: shop.communityId })).membership.points).toBe(1000);

    const resumed = (await shop.owner.client.data(PAUSE, { c: shop.communityId, p: false, r: null })).setCouponIssuingPaused;
    expect(resumed).toEqual({ couponIssuingPausedAt: null, couponIssuingPauseReason: null });
    expect((await member.client.data(REDEEM_PAUSED, { t: shop.templateId, r: newRequestId() })).redeemCoupon.__typename).toBe('CouponRedeemed');
    const audit = await shop.owner.client.data(`query ($c: ID!) { auditLog(communityId: $c, action: "setCouponIssuingPaused") { edges { node { outcome } } } }`, { c: shop.communityId });
    expect(audit.auditLog.edges.map((edge: any) => edge.node.outcome)).toEqual(['OK', 'OK']);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });
});

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('暂停发放 under a rush (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  beforeAll(async () => {
    env = await createTestEnvironment('issuing_pause_race');
    second = await env.startPeerProcess();
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
  });

  it('40 simultaneous redemptions while the owner pauses: each is a coupon issued before the pause, or IssuingPaused; none after', async () => {
    const shop = await couponShop(env, 'ipr-owner');
    const crowd = await shop.crowdWith('ipr', 40, 500);
    const redeemAll = (members: typeof crowd) =>
      members.map((m, i) => (i % 2 ? new GraphQLClient(second.url, m.token) : m.client).request(REDEEM_PAUSED, { t: shop.templateId, r: newRequestId() }));
    const rush = redeemAll(crowd);
    const pause = new Promise((resolve) => setTimeout(resolve, 15)).then(() => shop.owner.client.data(PAUSE, { c: shop.communityId, p: true, r: REASON }));
    const answers = (await Promise.all(rush)).map((r) => r.data.redeemCoupon.__typename);
    await pause;
    expect(answers.every((kind) => kind === 'CouponRedeemed' || kind === 'IssuingPaused')).toBe(true);

    // Every redemption that starts after the pause answered is refused, on both processes.
    const after = (await Promise.all(redeemAll(crowd))).map((r) => r.data.redeemCoupon.__typename);
    expect(after.every((kind) => kind === 'IssuingPaused')).toBe(true);

    // Exactly the answered coupons exist, each paid for.
    const issued = answers.filter((kind) => kind === 'CouponRedeemed').length;
    const [row] = await env.em().getConnection().execute<Array<{ n: number }>>('select count(*) as n from coupon where community_id = ?', [Number(shop.communityId)]);
    expect(Number(row.n)).toBe(issued);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });
});
