import { ManualClock } from '../../server/src/common/clock';
import { couponShop, newRequestId, REDEEM, VOID } from '../helpers/economy';
import { checkEconomyInvariants } from '../helpers/invariants';
import { balanceOf, expiredRows, forecastOf, LIABILITY, lotViolations, POLICY, runExpiryJob, setPolicy, shanghai, SET_POLICY } from '../helpers/points-expiry';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/** 积分有效期 (issue 26): FIFO lots, the nightly expiry, refunds with their expiry, policy changes. */
describe('points expiry', () => {
  const clock = new ManualClock(shanghai('2027-01-10T12:00:00'));
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment('points_expiry', { clock });
  });
  afterAll(() => env.close());
  afterEach(async () => {
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
    expect(await lotViolations(env.em())).toEqual([]);
  });

  /** Earn 100 in January, 100 in March, spend 150 in April (a ¥1.50 coupon). */
  async function januaryMarchApril(label: string, mode: string, months: number | null) {
    clock.set(shanghai('2027-01-10T12:00:00'));
    const shop = await couponShop(env, label, { title: '¥1.5 券', faceValueFen: 150 });
    await setPolicy(shop.owner.client, shop.communityId, mode, months);
    const member = await shop.memberWith(`${label}-m`, 100);
    clock.set(shanghai('2027-03-15T12:00:00'));
    await shop.grant(member, 100);
    clock.set(shanghai('2027-04-02T12:00:00'));
    const redeemed = await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() });
    expect(redeemed.redeemCoupon).toMatchObject({ __typename: 'CouponRedeemed', balance: 50 });
    return { shop, member, couponId: redeemed.redeemCoupon.coupon.id as string };
  }

  it('ROLLING 12: spending takes January first, so nothing expires next January and 50 next March', async () => {
    const { shop, member } = await januaryMarchApril('rolling', 'ROLLING', 12);
    expect(await forecastOf(member.client, shop.communityId)).toMatchObject({ next: { points: 50, expiresOn: '2028-03-15' }, upcoming: [{ points: 50, expiresOn: '2028-03-15' }] });

    clock.set(shanghai('2028-01-11T01:00:00'));
    await runExpiryJob(env);
    expect(await expiredRows(env.em(), member.memberId)).toEqual([]);
    expect((await balanceOf(member.client, shop.communityId)).points).toBe(50);

    clock.set(shanghai('2028-03-16T00:05:00'));
    await runExpiryJob(env);
    await runExpiryJob(env); // once per member and date, however often it runs
    expect(await expiredRows(env.em(), member.memberId)).toEqual([{ amount: -50, reference: 'expired:2028-03-15' }]);
    // Lifetime points (and so the tier) are what was earned: expiry takes none of it back.
    expect(await balanceOf(member.client, shop.communityId)).toEqual({ points: 0, lifetimePoints: 200 });
    expect((await forecastOf(member.client, shop.communityId)).next).toBeNull();
  });

  it('ANNUAL: the January and March points expire together at the end of the next year', async () => {
    const { shop, member } = await januaryMarchApril('annual', 'ANNUAL', null);
    expect((await forecastOf(member.client, shop.communityId)).upcoming).toEqual([{ points: 50, expiresOn: '2028-12-31' }]);
    clock.set(shanghai('2028-12-31T23:59:00'));
    await runExpiryJob(env);
    expect(await expiredRows(env.em(), member.memberId)).toEqual([]);
    clock.set(shanghai('2029-01-01T00:01:00'));
    await runExpiryJob(env);
    expect(await expiredRows(env.em(), member.memberId)).toEqual([{ amount: -50, reference: 'expired:2028-12-31' }]);
  });

  it('a void gives the points back with the expiry they had, not a fresh one', async () => {
    const { shop, member, couponId } = await januaryMarchApril('refund', 'ROLLING', 12);
    clock.set(shanghai('2027-05-01T12:00:00'));
    expect((await shop.owner.client.data(VOID, { id: couponId })).voidCoupon).toMatchObject({ refundedPoints: 150, balance: 200 });
    expect((await forecastOf(member.client, shop.communityId)).upcoming).toEqual([
      { points: 100, expiresOn: '2028-01-10' },
      { points: 100, expiresOn: '2028-03-15' },
    ]);
    clock.set(shanghai('2028-01-11T03:00:00'));
    await runExpiryJob(env);
    expect(await expiredRows(env.em(), member.memberId)).toEqual([{ amount: -100, reference: 'expired:2028-01-10' }]);
    expect((await balanceOf(member.client, shop.communityId)).points).toBe(100);
  });

  it('a void after some spent points’ date gives back only what has not expired meanwhile', async () => {
    clock.set(shanghai('2027-01-10T12:00:00'));
    const shop = await couponShop(env, 'late-void', { title: '¥1.5 年券', faceValueFen: 150, validDays: 365 });
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 12);
    const member = await shop.memberWith('late-void-m', 100); // good through 2028-01-10
    clock.set(shanghai('2027-03-15T12:00:00'));
    await shop.grant(member, 100); // good through 2028-03-15
    clock.set(shanghai('2027-12-20T12:00:00'));
    const coupon = (await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon;
    clock.set(shanghai('2028-02-01T12:00:00'));
    await runExpiryJob(env); // nothing of January was left to expire: it was spent
    const voided = (await shop.owner.client.data(VOID, { id: coupon.id })).voidCoupon;
    // The 100 taken from January would have expired on 2028-01-10; the 50 from March come back to March.
    expect(voided).toMatchObject({ __typename: 'CouponVoidedResult', refundedPoints: 50, balance: 100 });
    expect((await forecastOf(member.client, shop.communityId)).upcoming).toEqual([{ points: 100, expiresOn: '2028-03-15' }]);
  });

  it('a redemption refused at the stock (sold out) leaves the lots as they were', async () => {
    clock.set(shanghai('2027-01-10T12:00:00'));
    const shop = await couponShop(env, 'sold-out', { title: '¥1.5 限量券', faceValueFen: 150, stock: 1 });
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 12);
    const first = await shop.memberWith('sold-out-a', 200);
    const second = await shop.memberWith('sold-out-b', 200);
    expect((await first.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.__typename).toBe('CouponRedeemed');
    expect((await second.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.__typename).toBe('SoldOut');
    expect((await forecastOf(second.client, shop.communityId)).upcoming).toEqual([{ points: 200, expiresOn: '2028-01-10' }]);
    expect((await forecastOf(first.client, shop.communityId)).upcoming).toEqual([{ points: 50, expiresOn: '2028-01-10' }]);
  });

  it('NONE → ANNUAL applies to points earned from then on; what was held before never expires and is spent first', async () => {
    clock.set(shanghai('2027-01-10T12:00:00'));
    const shop = await couponShop(env, 'switch-on', { title: '¥1.5 券', faceValueFen: 150 });
    const member = await shop.memberWith('switch-on-m', 100); // under NONE
    await setPolicy(shop.owner.client, shop.communityId, 'ANNUAL');
    await shop.grant(member, 100); // expires 2028-12-31
    expect((await forecastOf(member.client, shop.communityId)).upcoming).toEqual([{ points: 100, expiresOn: '2028-12-31' }]);
    await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() }); // 100 held before, then 50 of the lot
    expect((await forecastOf(member.client, shop.communityId)).upcoming).toEqual([{ points: 50, expiresOn: '2028-12-31' }]);
    clock.set(shanghai('2031-06-01T12:00:00'));
    await runExpiryJob(env);
    expect(await expiredRows(env.em(), member.memberId)).toEqual([{ amount: -50, reference: 'expired:2028-12-31' }]);
    expect((await balanceOf(member.client, shop.communityId)).points).toBe(0);
  });

  it('ROLLING → NONE stops every future expiry', async () => {
    clock.set(shanghai('2027-01-10T12:00:00'));
    const shop = await couponShop(env, 'switch-off');
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 6);
    const member = await shop.memberWith('switch-off-m', 300);
    expect((await forecastOf(member.client, shop.communityId)).next).toEqual({ points: 300, expiresOn: '2027-07-10' });
    await setPolicy(shop.owner.client, shop.communityId, 'NONE');
    expect((await forecastOf(member.client, shop.communityId)).next).toBeNull();
    clock.set(shanghai('2029-01-01T12:00:00'));
    await runExpiryJob(env);
    expect(await expiredRows(env.em(), member.memberId)).toEqual([]);
    expect((await balanceOf(member.client, shop.communityId)).points).toBe(300);
  });

  it('changing the months keeps the dates already given; new points get the new term', async () => {
    clock.set(shanghai('2027-01-31T12:00:00'));
    const shop = await couponShop(env, 'months');
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 12);
    const member = await shop.memberWith('months-m', 10);
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 6);
    await shop.grant(member, 20); // 2027-01-31 + 6 months: the end of July; + 1 month would clamp to 2027-02-28
    expect((await forecastOf(member.client, shop.communityId)).upcoming).toEqual([
      { points: 20, expiresOn: '2027-07-31' },
      { points: 10, expiresOn: '2028-01-31' },
    ]);
    clock.set(shanghai('2027-08-31T12:00:00'));
    await shop.grant(member, 5); // + 6 months: no 31 February; the month's last day, in both databases
    expect((await forecastOf(member.client, shop.communityId)).upcoming).toContainEqual({ points: 5, expiresOn: '2028-02-29' });
  });

  it('the 30- and 7-day warnings: an inbox item each, once', async () => {
    clock.set(shanghai('2027-01-10T12:00:00'));
    const shop = await couponShop(env, 'warn');
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 6);
    const member = await shop.memberWith('warn-m', 300); // expires 2027-07-10
    const inbox = async () =>
      (await member.client.data(`query ($c: ID!) { myMessages(communityId: $c) { edges { node { kind title body } } } }`, { c: shop.communityId })).myMessages.edges
        .map((edge: { node: { kind: string } }) => edge.node)
        .filter((n: { kind: string }) => n.kind === 'POINTS_EXPIRING');
    clock.set(shanghai('2027-06-09T08:00:00'));
    await runExpiryJob(env);
    expect(await inbox()).toEqual([]);
    clock.set(shanghai('2027-06-10T08:00:00'));
    await runExpiryJob(env);
    await runExpiryJob(env);
    expect(await inbox()).toEqual([{ kind: 'POINTS_EXPIRING', title: '积分即将过期', body: '你有 300 积分将于 2027-07-10 过期，快去积分商城兑换优惠券吧。' }]);
    clock.set(shanghai('2027-07-05T08:00:00')); // the server was down on the 3rd: the 7-day warning comes late, once
    await runExpiryJob(env);
    await runExpiryJob(env);
    expect(await inbox()).toHaveLength(2);
  });

  it('the dashboard: outstanding points as ¥, what expires within 30 and 90 days, what expired in the range', async () => {
    clock.set(shanghai('2027-01-10T12:00:00'));
    const shop = await couponShop(env, 'liability');
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 6);
    const a = await shop.memberWith('liability-a', 1000); // 2027-07-10
    clock.set(shanghai('2027-03-01T12:00:00'));
    await shop.grant(a, 500); // 2027-09-01
    clock.set(shanghai('2027-06-20T12:00:00'));
    const read = async (from: string, to: string) => (await shop.owner.client.data(LIABILITY, { c: shop.communityId, f: from, t: to })).pointsLiability;
    expect(await read('2027-06-01', '2027-06-20')).toEqual({ outstandingPoints: 1500, liabilityFen: 1500, expiringWithin30Days: 1000, expiringWithin90Days: 1500, expiredInRange: 0 });
    clock.set(shanghai('2027-07-11T12:00:00'));
    await runExpiryJob(env);
    expect(await read('2027-07-01', '2027-07-31')).toEqual({ outstandingPoints: 500, liabilityFen: 500, expiringWithin30Days: 0, expiringWithin90Days: 500, expiredInRange: 1000 });
    expect((await shop.owner.client.request(LIABILITY, { c: shop.communityId, f: '2027-07-31', t: '2027-07-01' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses bad policies and non-owners; nothing changes', async () => {
    const shop = await couponShop(env, 'bad-input');
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 12);
    const admin = await shop.memberWith('bad-input-admin', 0);
    await shop.owner.client.data(`mutation ($c: ID!, $m: ID!) { setMemberRole(communityId: $c, memberId: $m, role: ADMIN) { id } }`, { c: shop.communityId, m: admin.memberId }).catch(() => undefined);
    const attempts = [
      { client: shop.owner.client, input: { mode: 'ROLLING', months: 5 } },
      { client: shop.owner.client, input: { mode: 'ROLLING', months: 37 } },
      { client: shop.owner.client, input: { mode: 'ROLLING', months: null } },
      { client: shop.owner.client, input: { mode: 'ANNUAL', months: 12 } },
      { client: shop.owner.client, input: { mode: 'WEEKLY', months: null } },
      { client: admin.client, input: { mode: 'NONE', months: null } },
    ];
    for (const { client, input } of attempts) {
      const { errors } = await client.request(SET_POLICY, { c: shop.communityId, i: input });
      expect(errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|FORBIDDEN|GRAPHQL_VALIDATION_FAILED/);
    }
    expect((await shop.owner.client.data(POLICY, { c: shop.communityId })).pointsExpiryPolicy).toEqual({ mode: 'ROLLING', months: 12 });
  });
});
