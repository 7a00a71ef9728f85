import { ManualClock } from '../../server/src/common/clock';
import { couponExpiryJob } from '../../server/src/coupon/coupon-expiry.job';
import { Coupon } from '../../server/src/coupon/coupon.entity';
import { ADJUST, couponShop, CREATE_TEMPLATE, newRequestId, REDEEM, VOID, WRITE_OFF } from '../helpers/economy';
import { checkEconomyInvariants } from '../helpers/invariants';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const DAY = 24 * 3600 * 1000;

describe('coupons: 100 points = ¥1', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(new Date('2026-11-21T04:00:00Z'));
  beforeAll(async () => {
    env = await createTestEnvironment('coupons', { clock });
  });
  afterAll(() => env.close());
  afterEach(async () => expect((await checkEconomyInvariants(env.em())).violations).toEqual([]));

  it('a ¥5 coupon costs 500 points: redeemed, listed, shown with a QR code; the ledger says why', async () => {
    const shop = await couponShop(env, 'k-basic', { stock: 10, perMemberLimit: 2, validDays: 7 });
    const member = await shop.memberWith('k-buyer', 800);
    const { redeemCoupon } = await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() });
    expect(redeemCoupon).toMatchObject({ __typename: 'CouponRedeemed', balance: 300, coupon: { status: 'UNUSED', pointsCost: 500, template: { faceValueFen: 500 } } });
    expect(redeemCoupon.coupon.code).toMatch(/^[A-Z2-9]{12}$/);
    expect(Date.parse(redeemCoupon.coupon.expiresAt)).toBe(clock.now().getTime() + 7 * DAY);

    const mine = await member.client.data(`{ myCoupons(communityId: ${shop.communityId}, status: UNUSED, first: 5) { id code qrCodeDataUrl } couponTemplates(communityId: ${shop.communityId}) { id remaining myRedeemedCount } }`);
    expect(mine.myCoupons).toHaveLength(1);
    expect(mine.myCoupons[0].qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(mine.couponTemplates).toEqual([{ id: shop.templateId, remaining: 9, myRedeemedCount: 1 }]);
    const ledger = await member.client.data(`{ pointsLedger(communityId: ${shop.communityId}, first: 1) { edges { node { amount balanceAfter type note } } } }`);
    expect(ledger.pointsLedger.edges[0].node).toEqual({ amount: -500, balanceAfter: 300, type: 'COUPON_REDEEM', note: '兑换「¥5 无门槛券」' });
  });

  (TEST_DB === 'mysql' ? it : it.skip)('a redemption is two round trips: BEGIN with the member lock; then the stock, and only if it was taken the spend, the ledger row, the dashboard rollup and the coupon, with COMMIT; the points lots (积分有效期) go ahead of the stock', async () => {
    const shop = await couponShop(env, 'k-trips', { stock: 5 });
    const member = await shop.memberWith('k-tripper', 600);
    await member.client.data(`{ membership(communityId: ${shop.communityId}) { points } }`); // the day's activity recorded, and the template read, before the count
    let answer: { redeemCoupon: { __typename: string; balance: number } } | undefined;
    const sent = await env.recordQueries(async () => {
      answer = await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() });
    });
    expect(answer?.redeemCoupon).toMatchObject({ __typename: 'CouponRedeemed', balance: 100 });
    const transaction = sent.slice(sent.findIndex((sql) => /^begin;/.test(sql)));
    expect(transaction.map((sql) => sql.split(';\n').map((statement) => statement.trim().split(/\s+/).slice(0, 3).join(' ')))).toEqual([
      ['begin', 'select points, streak,'],
      [
        'insert into points_lot_use', // the points lots (积分有效期) ahead of the stock: the template row's lock is not held for them
        'update points_lot set',
        'update coupon_template set',
        'set @qy_changed =',
        'update member set',
        'insert into points_entry',
        'insert into community_day_stats',
        'insert into coupon',
        'update points_lot set', // given back, if the stock was not taken
        'delete from points_lot_use',
        'commit',
      ],
    ]);
  });

  it('refuses with typed answers: not enough points, tier too low, inactive, sold out, limit reached, unknown', async () => {
    const poor = await couponShop(env, 'k-poor');
    const broke = await poor.memberWith('k-broke', 499);
    expect((await broke.client.data(REDEEM, { t: poor.templateId, r: newRequestId() })).redeemCoupon).toMatchObject({ errorCode: 'INSUFFICIENT_POINTS', required: 500, balance: 499 });

    const vip = await couponShop(env, 'k-vip', { minTierLevel: 1 });
    const newbie = await vip.memberWith('k-newbie', 499);
    expect((await newbie.client.data(REDEEM, { t: vip.templateId, r: newRequestId() })).redeemCoupon).toMatchObject({ errorCode: 'TIER_TOO_LOW', requiredTier: { name: '达人', level: 1 } });

    const limited = await couponShop(env, 'k-limited', { stock: 1, perMemberLimit: 1 });
    const first = await limited.memberWith('k-first', 2000);
    const second = await limited.memberWith('k-second', 2000);
    expect((await first.client.data(REDEEM, { t: limited.templateId, r: newRequestId() })).redeemCoupon.__typename).toBe('CouponRedeemed');
    expect((await first.client.data(REDEEM, { t: limited.templateId, r: newRequestId() })).redeemCoupon).toMatchObject({ errorCode: 'LIMIT_REACHED', limit: 1 });
    expect((await second.client.data(REDEEM, { t: limited.templateId, r: newRequestId() })).redeemCoupon.errorCode).toBe('SOLD_OUT');

    await limited.owner.client.data(`mutation { setCouponTemplateActive(templateId: ${limited.templateId}, active: false) { active } }`);
    expect((await second.client.data(REDEEM, { t: limited.templateId, r: newRequestId() })).redeemCoupon.errorCode).toBe('COUPON_INACTIVE');
    expect((await second.client.data(REDEEM, { t: '999999', r: newRequestId() })).redeemCoupon.errorCode).toBe('COUPON_TEMPLATE_NOT_FOUND');
    const outsider = await env.login('k-outsider');
    expect((await outsider.client.data(REDEEM, { t: poor.templateId, r: newRequestId() })).redeemCoupon.errorCode).toBe('NOT_ACTIVE_MEMBER');
  });

  it('a replayed requestId gets its first answer back, even once the template is sold out, at its limit, or off', async () => {
    const shop = await couponShop(env, 'k-replay', { stock: 1, perMemberLimit: 1 });
    const member = await shop.memberWith('k-replayer', 800);
    const requestId = newRequestId();
    const first = (await member.client.data(REDEEM, { t: shop.templateId, r: requestId })).redeemCoupon;
    expect(first).toMatchObject({ __typename: 'CouponRedeemed', balance: 300 });
    // Sold out (stock 1), at the member's limit (1), too few points for another (300 < 500): the first coupon again.
    expect((await member.client.data(REDEEM, { t: shop.templateId, r: requestId })).redeemCoupon).toEqual(first);
    // Deactivated: the same.
    await shop.owner.client.data(`mutation { setCouponTemplateActive(templateId: ${shop.templateId}, active: false) { active } }`);
    expect((await member.client.data(REDEEM, { t: shop.templateId, r: requestId })).redeemCoupon).toEqual(first);
    expect((await member.client.data(`{ membership(communityId: ${shop.communityId}) { points } }`)).membership.points).toBe(300);
    expect(await env.em().count(Coupon, { member: Number(member.memberId) })).toBe(1);

    // A replay the early checks let through (points, stock and limit all fine) is caught by the unique key.
    const open = await couponShop(env, 'k-replay-open');
    const rich = await open.memberWith('k-replay-rich', 5000);
    const again = newRequestId();
    const once = (await rich.client.data(REDEEM, { t: open.templateId, r: again })).redeemCoupon;
    expect((await rich.client.data(REDEEM, { t: open.templateId, r: again })).redeemCoupon).toEqual(once);
    expect((await rich.client.data(`{ membership(communityId: ${open.communityId}) { points } }`)).membership.points).toBe(4500);
  });

  it('write-off: staff scans once; a second scan says used; expired and voided codes say so; another community’s code is unknown', async () => {
    const shop = await couponShop(env, 'k-counter');
    const member = await shop.memberWith('k-customer', 1500);
    const staff = await env.join('k-clerk', shop.joinCode);
    await shop.owner.client.data(`mutation ($c: ID!, $m: ID!) { setMemberRole(communityId: $c, memberId: $m, role: STAFF) { __typename } }`, { c: shop.communityId, m: staff.memberId });
    const codes: string[] = [];
    for (let i = 0; i < 3; i += 1) codes.push((await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon.code);

    const preview = await staff.client.data(`query ($c: ID!, $code: String!) { couponByCode(communityId: $c, code: $code) { status member { nickname } template { title } } }`, { c: shop.communityId, code: codes[0].toLowerCase() });
    expect(preview.couponByCode).toEqual({ status: 'UNUSED', member: { nickname: null }, template: { title: '¥5 无门槛券' } });
    const spaced = `${codes[0].slice(0, 4)} ${codes[0].slice(4, 8)} ${codes[0].slice(8)}`;
    expect((await staff.client.data(WRITE_OFF, { c: shop.communityId, code: spaced })).writeOffCoupon.coupon.status).toBe('USED');
    expect((await staff.client.data(WRITE_OFF, { c: shop.communityId, code: codes[0] })).writeOffCoupon.errorCode).toBe('COUPON_ALREADY_USED');

    const couponId = (await env.em().findOneOrFail(Coupon, { code: codes[1] })).id;
    expect((await shop.owner.client.data(VOID, { id: couponId })).voidCoupon).toMatchObject({ refundedPoints: 500, balance: 500, coupon: { status: 'VOID' } });
    expect((await shop.owner.client.data(VOID, { id: couponId })).voidCoupon.errorCode).toBe('COUPON_NOT_VOIDABLE');
    expect((await staff.client.data(WRITE_OFF, { c: shop.communityId, code: codes[1] })).writeOffCoupon.errorCode).toBe('COUPON_VOIDED');

    clock.advance(31 * DAY);
    expect((await member.client.data(`{ myCoupons(communityId: ${shop.communityId}, status: EXPIRED) { code status } }`)).myCoupons).toEqual([{ code: codes[2], status: 'EXPIRED' }]);
    expect((await staff.client.data(WRITE_OFF, { c: shop.communityId, code: codes[2] })).writeOffCoupon.errorCode).toBe('COUPON_EXPIRED');
    expect(await couponExpiryJob.run(env.server.services)).toBeGreaterThanOrEqual(1); // the timer catches stored status up
    expect((await env.em().findOneOrFail(Coupon, { code: codes[2] })).status).toBe('EXPIRED');
    clock.advance(-31 * DAY);

    const other = await couponShop(env, 'k-elsewhere');
    expect((await other.owner.client.data(WRITE_OFF, { c: other.communityId, code: codes[2] })).writeOffCoupon.errorCode).toBe('COUPON_NOT_FOUND');
    expect(await member.client.errorCode(WRITE_OFF, { c: shop.communityId, code: codes[2] })).toBe('FORBIDDEN');
    expect(await staff.client.errorCode(VOID, { id: couponId })).toBe('FORBIDDEN');
  });

  it('a member sees only their own coupons; admins of that community see any', async () => {
    const shop = await couponShop(env, 'k-privacy');
    const owner = await shop.memberWith('k-holder', 500);
    const snoop = await shop.memberWith('k-snoop', 0);
    const id = (await owner.client.data(REDEEM, { t: shop.templateId, r: newRequestId() })).redeemCoupon.coupon.id;
    expect((await owner.client.data(`{ coupon(id: ${id}) { id } }`)).coupon).toEqual({ id });
    expect((await snoop.client.data(`{ coupon(id: ${id}) { id code } }`)).coupon).toBeNull();
    expect((await shop.owner.client.data(`{ coupon(id: ${id}) { id } }`)).coupon).toEqual({ id });
    const foreignAdmin = (await env.createCommunity('k-foreign')).owner;
    expect((await foreignAdmin.client.data(`{ coupon(id: ${id}) { id } }`)).coupon).toBeNull();
  });

  it('templates: admins create, edit (never below issued), deactivate; bad input is refused', async () => {
    const shop = await couponShop(env, 'k-admin', { stock: 5 });
    const member = await shop.memberWith('k-a-member', 1000);
    await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() });
    await member.client.data(REDEEM, { t: shop.templateId, r: newRequestId() });
    const UPDATE = `mutation ($t: ID!, $i: CouponTemplateInput!) {
      updateCouponTemplate(templateId: $t, input: $i) {
        __typename
        ... on CouponTemplateSaved { template { stock remaining } }
        ... on StockBelowIssued { errorCode issuedCount }
      }
    }`;
    const base = { title: '¥5 无门槛券', faceValueFen: 500, minSpendFen: 0, validDays: 30, perMemberLimit: null, minTierLevel: 0 };
    expect((await shop.owner.client.data(UPDATE, { t: shop.templateId, i: { ...base, stock: 3 } })).updateCouponTemplate).toEqual({ __typename: 'CouponTemplateSaved', template: { stock: 3, remaining: 1 } });
    expect((await shop.owner.client.data(UPDATE, { t: shop.templateId, i: { ...base, stock: 1 } })).updateCouponTemplate).toEqual({ __typename: 'StockBelowIssued', errorCode: 'STOCK_BELOW_ISSUED', issuedCount: 2 });
    expect((await shop.owner.client.data(`{ couponTemplates(communityId: ${shop.communityId}, includeInactive: true) { stock } }`)).couponTemplates).toEqual([{ stock: 3 }]);
    for (const bad of [{ faceValueFen: 0 }, { faceValueFen: -500 }, { faceValueFen: 12.5 }, { validDays: 0 }, { title: '' }, { stock: 0 }, { minSpendFen: -1 }, { faceValueFen: 2 ** 31 }]) {
      expect(await shop.owner.client.errorCode(CREATE_TEMPLATE, { c: shop.communityId, i: { ...base, ...bad } })).toBe('BAD_USER_INPUT');
    }
    expect(await member.client.errorCode(CREATE_TEMPLATE, { c: shop.communityId, i: base })).toBe('FORBIDDEN');
    expect(await member.client.errorCode(`{ couponTemplates(communityId: ${shop.communityId}, includeInactive: true) { id } }`)).toBe('FORBIDDEN');
  });

  it('adjustPoints: signed, audited, never below zero; zero, huge and fractional amounts are refused', async () => {
    const shop = await couponShop(env, 'k-adjust');
    const member = await shop.memberWith('k-adjusted', 0);
    const adjust = (a: number, r = '活动奖励') => shop.owner.client.request(ADJUST, { c: shop.communityId, m: member.memberId, a, r });
    expect((await adjust(300)).data.adjustPoints).toMatchObject({ member: { points: 300, lifetimePoints: 300 }, entry: { amount: 300, balanceAfter: 300, type: 'ADMIN_ADJUST', note: '活动奖励' } });
    expect((await adjust(-100, '误发扣回')).data.adjustPoints.member).toEqual({ points: 200, lifetimePoints: 300 });
    expect((await adjust(-201)).data.adjustPoints).toMatchObject({ errorCode: 'INSUFFICIENT_POINTS', balance: 200 });
    for (const bad of [0, 1_000_001, -1_000_001]) expect((await adjust(bad)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await adjust(1.5)).status).toBe(400);
    expect((await adjust(10, '')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const audit = await shop.owner.client.data(`{ auditLog(communityId: ${shop.communityId}, first: 1) { edges { node { action targetId outcome } } } }`);
    expect(audit.auditLog.edges[0].node).toEqual({ action: 'adjustPoints', targetId: member.memberId, outcome: 'INSUFFICIENT_POINTS' });
    const foreign = await couponShop(env, 'k-adjust-foreign');
    expect((await foreign.owner.client.data(ADJUST, { c: foreign.communityId, m: member.memberId, a: 100, r: 'x' })).adjustPoints.errorCode).toBe('MEMBER_NOT_FOUND');
  });

  it('the ledger pages by cursor, newest first, without repeats or gaps', async () => {
    const shop = await couponShop(env, 'k-ledger');
    const member = await shop.memberWith('k-pager', 0);
    for (let i = 1; i <= 25; i += 1) await shop.grant(member, i);
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await member.client.data(`query ($c: ID!, $after: String) { pointsLedger(communityId: $c, first: 10, after: $after) { edges { node { amount } } pageInfo { hasNextPage endCursor } } }`, { c: shop.communityId, after });
      seen.push(...page.pointsLedger.edges.map((e: any) => e.node.amount));
      if (!page.pointsLedger.pageInfo.hasNextPage) break;
      after = page.pointsLedger.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
    expect(await member.client.errorCode(`{ pointsLedger(communityId: ${shop.communityId}, after: "bogus") { pageInfo { hasNextPage } } }`)).toBe('BAD_USER_INPUT');
    expect(await member.client.errorCode(`{ pointsLedger(communityId: ${shop.communityId}, first: 1000) { pageInfo { hasNextPage } } }`)).toBe('BAD_USER_INPUT');
  });

  it('setTiers re-tiers every member at once; spending never demotes', async () => {
    const shop = await couponShop(env, 'k-tiers');
    const a = await shop.memberWith('k-tier-a', 600);
    const b = await shop.memberWith('k-tier-b', 100);
    await a.client.data(REDEEM, { t: shop.templateId, r: newRequestId() }); // spend 500: lifetime stays 600
    const TIER = `{ membership(communityId: ${shop.communityId}) { points tier { name } nextTier { name } pointsToNextTier } }`;
    expect((await a.client.data(TIER)).membership).toEqual({ points: 100, tier: { name: '达人' }, nextTier: { name: '核心成员' }, pointsToNextTier: 1400 });
    const SET = `mutation ($c: ID!, $t: [TierInput!]!) { setTiers(communityId: $c, tiers: $t) { ... on TiersSaved { tiers { level name threshold multiplier } } } }`;
    const tiers = [{ name: '游客', threshold: 0, multiplier: 1 }, { name: '熟客', threshold: 50, multiplier: 1.1 }, { name: '铁粉', threshold: 300, multiplier: 2 }];
    expect((await shop.owner.client.data(SET, { c: shop.communityId, t: tiers })).setTiers.tiers).toEqual(tiers.map((t, level) => ({ level, ...t })));
    expect((await a.client.data(TIER)).membership).toMatchObject({ tier: { name: '铁粉' }, nextTier: null, pointsToNextTier: null });
    expect((await b.client.data(TIER)).membership).toMatchObject({ tier: { name: '熟客' }, pointsToNextTier: 200 });
    for (const bad of [[], [{ name: 'x', threshold: 10, multiplier: 1 }], [tiers[0], { ...tiers[1], threshold: 0 }], [tiers[0], { ...tiers[1], name: '游客' }], [{ ...tiers[0], multiplier: 0.5 }]]) {
      expect(await shop.owner.client.errorCode(SET, { c: shop.communityId, t: bad })).toBe('BAD_USER_INPUT');
    }
  });
});
