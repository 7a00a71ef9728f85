import ExcelJS from 'exceljs';
import { ManualClock } from '../../server/src/common/clock';
import { Coupon } from '../../server/src/coupon/coupon.entity';
import { CouponTemplate } from '../../server/src/coupon/coupon-template.entity';
import { Member } from '../../server/src/member/member.entity';
import { CANCEL_ENTRY, CREATE_SIGNUP_FORM, createGroupBuy, groupBuyInput, joinGroupBuy, signupAnswers, signupFormInput, SUBMIT_SIGNUP } from '../helpers/activities';
import { ADJUST, CREATE_TEMPLATE, newRequestId, REDEEM, WRITE_OFF } from '../helpers/economy';
import { GraphQLClient } from '../helpers/graphql-client';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';
import { RawCommunityStats } from '../helpers/community-stats-oracle';
import { CommunityStatsService } from '../../server/src/health/community-stats.service';
import { rebuildAllRollups } from '../../server/src/health/rollups/rollup-backfill';
import { addDays, localDate } from '../../server/src/common/local-date';

// The server runs on UTC; the community lives in Asia/Shanghai (UTC+8). Day n of the fixture is
// the Shanghai date 2026-11-01 + n; `at(n, h)` is hour h of it (so 23.5 and 24.5 straddle a local
// midnight that falls on the same UTC date).
const DAY0 = Date.parse('2026-10-31T16:00:00Z'); // 2026-11-01 00:00 in Shanghai
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const at = (day: number, hour: number) => new Date(DAY0 + day * DAY + hour * HOUR);

const STATS = `query ($c: ID!, $from: String!, $to: String!) { communityStats(communityId: $c, from: $from, to: $to) {
  from to totalMembers newMembers activeMembers checkIns checkInRate retention7 pointsIssued pointsSpent couponsIssued couponsUsed
  redemptionRate groupBuyParticipants groupBuyAmountFen signups pendingApplications
  days { date checkIns activeMembers newMembers pointsIssued pointsSpent couponsIssued couponsUsed } } }`;
const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`;
const MEMBERSHIP = `query ($c: ID!) { membership(communityId: $c) { id } }`;
const SUMMARY = `query ($c: ID!) { dormantSummary(communityId: $c) { silent7 silent15 silent30 } }`;
const DORMANT = `query ($c: ID!, $d: Int!, $first: Int, $after: String) { dormantMembers(communityId: $c, days: $d, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { silentDays lastActiveAt member { id nickname avatarUrl } } } } }`;
export const GRANT = `mutation ($c: ID!, $t: ID!, $m: [ID!]!, $r: String!) { grantCoupon(communityId: $c, templateId: $t, memberIds: $m, requestId: $r) {
  __typename ... on CouponsGranted { grantedCount coupons { id code pointsCost member { id } } } ... on ErrorResult { errorCode message } } }`;
const REMOVE = `mutation ($c: ID!, $m: [ID!]!) { removeMembers(communityId: $c, memberIds: $m) {
  __typename ... on MembersRemoved { removedCount members { id status } } ... on ErrorResult { errorCode message } } }`;
const AUDIT = `query ($c: ID!, $first: Int, $after: String, $action: String, $op: ID, $from: String, $to: String) {
  auditLog(communityId: $c, first: $first, after: $after, action: $action, operatorId: $op, from: $from, to: $to) {
    pageInfo { hasNextPage endCursor } edges { node { action targetType targetId outcome createdAt actor { id } detail } } } }`;

const zeroDay = (date: string) => ({ date, checkIns: 0, activeMembers: 0, newMembers: 0, pointsIssued: 0, pointsSpent: 0, couponsIssued: 0, couponsUsed: 0 });

describe('community health', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(at(0, 10));
  beforeAll(async () => {
    env = await createTestEnvironment('health', { clock });
  });
  afterAll(() => env.close());

  describe('communityStats on a fixture across Shanghai midnights', () => {
    let communityId: string;
    let owner: LoggedIn;
    let stats: any;

    beforeAll(async () => {
      clock.set(at(0, 10));
      const home = await env.createCommunity('h-owner');
      ({ communityId, owner } = home);
      const templateId = (await owner.client.data(CREATE_TEMPLATE, { c: communityId, i: { title: '¥1 券', faceValueFen: 100, minSpendFen: 0, validDays: 30, minTierLevel: 0 } })).createCouponTemplate.id;
      const perkId = (await owner.client.data(CREATE_TEMPLATE, { c: communityId, i: { title: '回归礼', faceValueFen: 300, minSpendFen: 0, validDays: 30, stock: 10, minTierLevel: 0 } })).createCouponTemplate.id;

      clock.set(at(0, 23.5)); // 2026-11-01 23:30 Shanghai = 15:30 UTC
      const a = await env.join('h-a', home.joinCode);
      await a.client.data(CHECK_IN, { c: communityId });
      clock.set(at(0, 24.5)); // 2026-11-02 00:30 Shanghai = 16:30 UTC, the same UTC date
      await a.client.data(CHECK_IN, { c: communityId });

      clock.set(at(1, 12));
      const b = await env.join('h-b', home.joinCode);
      await b.client.data(CHECK_IN, { c: communityId });

      clock.set(at(2, 23.99)); // 2026-11-03 23:59 Shanghai
      const e = await env.join('h-e', home.joinCode);

      clock.set(at(3, 10));
      await a.client.data(CHECK_IN, { c: communityId }); // streak broken: base points only
      await owner.client.data(ADJUST, { c: communityId, m: a.memberId, a: 500, r: '活动奖励' });
      const redeemed = (await a.client.data(REDEEM, { t: templateId, r: newRequestId() })).redeemCoupon;
      expect(redeemed.__typename).toBe('CouponRedeemed');
      const groupBuy = await createGroupBuy(owner.client, communityId, groupBuyInput(clock.now(), { priceFen: 1000, endsAt: at(20, 0).toISOString() }));
      expect((await joinGroupBuy(a.client, groupBuy.id, 2)).__typename).toBe('GroupBuyJoined');

      clock.set(at(4, 9));
      expect((await owner.client.data(WRITE_OFF, { c: communityId, code: redeemed.coupon.code })).writeOffCoupon.__typename).toBe('CouponWrittenOff');

      clock.set(at(5, 20));
      const c = await env.join('h-c', home.joinCode);
      const form = (await owner.client.data(CREATE_SIGNUP_FORM, { c: communityId, i: signupFormInput() })).createSignupForm;
      const submitted = await c.client.data(SUBMIT_SIGNUP, { f: form.id, a: signupAnswers(form.fields.map((f: { id: string }) => f.id), '小C') });
      expect(submitted.submitSignup.__typename).not.toMatch(/Error|Invalid/);
      expect((await owner.client.data(GRANT, { c: communityId, t: perkId, m: [b.memberId, c.memberId], r: newRequestId() })).grantCoupon.grantedCount).toBe(2);

      clock.set(at(8, 8)); // B comes back exactly 7 days after joining: retained
      await b.client.data(MEMBERSHIP, { c: communityId });
      const cancelled = await joinGroupBuy(b.client, groupBuy.id, 1);
      await b.client.data(CANCEL_ENTRY, { e: cancelled.entry.id }); // cancelled: not a participant

      clock.set(at(9, 8));
      await env.join('h-d', home.joinCode);

      clock.set(at(10, 12)); // E comes back 8 days after joining (not retained); after the range anyway
      await e.client.data(MEMBERSHIP, { c: communityId });
      stats = (await owner.client.data(STATS, { c: communityId, from: '2026-11-01', to: '2026-11-10' })).communityStats;
    });

    it('counts members, activity, check-ins and retention by Shanghai dates', () => {
      // Members: owner, A (day 0), B (1), E (2), C (5), D (9) — all ACTIVE, all joined in the range.
      expect(stats).toMatchObject({ from: '2026-11-01', to: '2026-11-10', totalMembers: 6, newMembers: 6, activeMembers: 6, checkIns: 4 });
      expect(stats.checkInRate).toBeCloseTo(4 / (10 * 6), 10);
      // Cohort joined 11-01..11-03: owner (active 11-04), A (11-02), B (11-09, join + 7), E (only 11-11, join + 8).
      expect(stats.retention7).toBe(0.75);
    });

    it('sums points, coupons, group-buys and sign-ups', () => {
      expect(stats).toMatchObject({
        pointsIssued: 10 + 10 + 10 + 10 + 500, // four check-ins and an adjustment; the redemption is spending
        pointsSpent: 100,
        couponsIssued: 3, // one redeemed, two granted
        couponsUsed: 1,
        groupBuyParticipants: 1,
        groupBuyAmountFen: 2 * 1000,
        signups: 1,
        pendingApplications: 0,
      });
      expect(stats.redemptionRate).toBeCloseTo(1 / 3, 10);
    });

    it('has one row per date, zero-filled', () => {
      expect(stats.days).toEqual([
        { ...zeroDay('2026-11-01'), checkIns: 1, activeMembers: 2, newMembers: 2, pointsIssued: 10 },
        { ...zeroDay('2026-11-02'), checkIns: 2, activeMembers: 2, newMembers: 1, pointsIssued: 20 },
        { ...zeroDay('2026-11-03'), activeMembers: 1, newMembers: 1 },
        { ...zeroDay('2026-11-04'), checkIns: 1, activeMembers: 2, pointsIssued: 510, pointsSpent: 100, couponsIssued: 1 },
        { ...zeroDay('2026-11-05'), activeMembers: 1, couponsUsed: 1 },
        { ...zeroDay('2026-11-06'), activeMembers: 2, newMembers: 1, couponsIssued: 2 },
        zeroDay('2026-11-07'),
        zeroDay('2026-11-08'),
        { ...zeroDay('2026-11-09'), activeMembers: 1 },
        { ...zeroDay('2026-11-10'), activeMembers: 1, newMembers: 1 },
      ]);
    });

    it('exports the dashboard as XLSX: one row per date, then the totals', async () => {
      const file = (await owner.client.data(`mutation ($c: ID!) { exportCommunityStats(communityId: $c, from: "2026-11-01", to: "2026-11-10", format: XLSX) { url filename } }`, { c: communityId })).exportCommunityStats;
      expect(file.filename).toMatch(/^社群数据-.*\.xlsx$/);
      const response = await fetch(`${env.url}${file.url}`);
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const rows = workbook.worksheets[0].getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1) : []));
      expect(rows[0]).toEqual(['日期', '签到', '活跃成员', '新增成员', '发放积分', '消耗积分', '发券', '核销']);
      expect(rows[4]).toEqual(['2026-11-04', 1, 2, 0, 510, 100, 1, 0]);
      expect(rows).toContainEqual(['核销率', '33.3%']);
      const bad = await owner.client.request(`mutation ($c: ID!) { exportCommunityStats(communityId: $c, from: "2026-11-10", to: "2026-11-01", format: XLSX) { url } }`, { c: communityId });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a range with no joiners before to−7 has no retention; an empty community rate is 0', async () => {
      const short = (await owner.client.data(STATS, { c: communityId, from: '2026-11-05', to: '2026-11-11' })).communityStats;
      expect(short.retention7).toBeNull();
      expect(short.days).toHaveLength(7);
      const later = (await owner.client.data(STATS, { c: communityId, from: '2026-12-01', to: '2026-12-01' })).communityStats;
      expect(later).toMatchObject({ checkIns: 0, couponsIssued: 0, redemptionRate: null, newMembers: 0, activeMembers: 0 });
    });

    it('refuses bad ranges with BAD_USER_INPUT', async () => {
      for (const [from, to] of [['2026-11-10', '2026-11-01'], ['2026-01-01', '2027-01-02'], ['2026-11-1', '2026-11-02'], ['2026-02-30', '2026-03-01']]) {
        const result = await owner.client.request(STATS, { c: communityId, from, to });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      // 366 days is the most a range may span.
      const year = await owner.client.data(STATS, { c: communityId, from: '2026-01-01', to: '2027-01-01' });
      expect(year.communityStats.days).toHaveLength(366);
    });
  });

  describe('totalMembers counts the members ACTIVE at the end of the range', () => {
    const REMOVE_ONE = `mutation ($c: ID!, $m: ID!) { removeMember(communityId: $c, memberId: $m) { __typename } }`;
    const BAN = `mutation ($c: ID!, $m: ID!) { banMember(communityId: $c, memberId: $m) { __typename } }`;
    const JOIN = `mutation ($c: String!) { joinCommunity(joinCode: $c) { __typename } }`;
    let communityId: string;
    let owner: LoggedIn;
    let joinCode: string;
    const members: Record<string, Awaited<ReturnType<TestEnvironment['join']>>> = {};
    const total = async (from: string, to: string) => (await owner.client.data(STATS, { c: communityId, from, to })).communityStats;
    const leftAt = async (name: string) => (await env.em().findOneOrFail(Member, Number(members[name].memberId))).leftAt ?? null;

    beforeAll(async () => {
      clock.set(at(0, 10));
      ({ communityId, owner, joinCode } = await env.createCommunity('t-owner'));
      clock.set(at(0, 11));
      for (const name of ['r', 's', 'b', 'q', 'x', 'y']) members[name] = await env.join(`t-${name}`, joinCode);

      clock.set(at(2, 10)); // day 2: X removed, Y banned, Q removed (Q comes back on day 4)
      expect((await owner.client.data(REMOVE_ONE, { c: communityId, m: members.x.memberId })).removeMember.__typename).toBe('MemberUpdated');
      expect((await owner.client.data(BAN, { c: communityId, m: members.y.memberId })).banMember.__typename).toBe('MemberUpdated');
      expect((await owner.client.data(REMOVE_ONE, { c: communityId, m: members.q.memberId })).removeMember.__typename).toBe('MemberUpdated');
      expect(await leftAt('q')).toEqual(at(2, 10));

      clock.set(at(4, 12));
      expect((await members.q.client.data(JOIN, { c: joinCode })).joinCommunity.__typename).toBe('JoinedCommunity');
      expect(await leftAt('q')).toBeNull();
      await members.r.client.data(CHECK_IN, { c: communityId });

      clock.set(at(7, 10)); // after the range 11-04..11-06: R removed, S removed in a batch, B banned
      expect((await owner.client.data(REMOVE_ONE, { c: communityId, m: members.r.memberId })).removeMember.__typename).toBe('MemberUpdated');
      expect((await owner.client.data(REMOVE, { c: communityId, m: [members.s.memberId, members.x.memberId] })).removeMembers.removedCount).toBe(2);
      expect((await owner.client.data(BAN, { c: communityId, m: members.b.memberId })).banMember.__typename).toBe('MemberUpdated');
      // Banning or removing again someone already gone keeps the day they left.
      expect((await owner.client.data(BAN, { c: communityId, m: members.x.memberId })).banMember.__typename).toBe('MemberUpdated');
      expect((await owner.client.data(REMOVE_ONE, { c: communityId, m: members.y.memberId })).removeMember.__typename).toBe('MemberUpdated');
    });

    it('records when each member left, and only when they stopped being ACTIVE', async () => {
      expect(await leftAt('r')).toEqual(at(7, 10));
      expect(await leftAt('s')).toEqual(at(7, 10));
      expect(await leftAt('b')).toEqual(at(7, 10));
      expect(await leftAt('x')).toEqual(at(2, 10));
      expect(await leftAt('y')).toEqual(at(2, 10));
      expect(await leftAt('q')).toBeNull();
    });

    it('a past range counts the members removed or banned after it, and checkInRate divides by them', async () => {
      const past = await total('2026-11-04', '2026-11-06');
      // owner, R, S, B (gone on day 7), Q (back on day 4); not X nor Y (gone on day 2).
      expect(past.totalMembers).toBe(5);
      expect(past.checkIns).toBe(1);
      expect(past.checkInRate).toBeCloseTo(1 / (3 * 5), 10);
    });

    it('the members gone before the end of the range do not count; today only the ACTIVE ones', async () => {
      // End of 11-03: X, Y and Q were gone since day 2 10:00.
      expect((await total('2026-11-03', '2026-11-03')).totalMembers).toBe(4);
      // End of 11-08, after the removals: owner and Q.
      expect((await total('2026-11-08', '2026-11-08')).totalMembers).toBe(2);
    });
  });

  describe('dormant members', () => {
    let communityId: string;
    let owner: LoggedIn;
    const today = 100;
    const silent: Record<string, string> = {};

    beforeAll(async () => {
      clock.set(at(today - 40, 9));
      const home = await env.createCommunity('d-owner');
      ({ communityId, owner } = home);
      const joins: Array<[string, number, number]> = [
        ['d-30', 30, 12], ['d-29', 29, 12], ['d-15', 15, 12], ['d-14', 14, 12], ['d-7', 7, 12],
        ['d-7late', 7, 23.99], ['d-6early', 6, 0.01], ['d-active', 20, 12], ['d-removed', 40, 12],
      ];
      for (const [name, daysAgo, hour] of joins) {
        clock.set(at(today - daysAgo, hour));
        silent[name] = (await env.join(name, home.joinCode)).memberId;
      }
      clock.set(at(today - 3, 10));
      const active = await env.login('d-active');
      await active.client.data(MEMBERSHIP, { c: communityId });
      clock.set(at(today, 10));
      await owner.client.data(REMOVE, { c: communityId, m: [silent['d-removed']] });
    });

    it('buckets ACTIVE members by whole local days of silence: 7, 15 and 30 exactly', async () => {
      expect((await owner.client.data(SUMMARY, { c: communityId })).dormantSummary).toEqual({ silent7: 6, silent15: 3, silent30: 1 });
    });

    it('lists the longest silent first, by cursor, with the total', async () => {
      const seen: Array<[string, number]> = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await owner.client.data(DORMANT, { c: communityId, d: 7, first: 4, after })).dormantMembers;
        expect(page.totalCount).toBe(6);
        seen.push(...page.edges.map((edge: any) => [edge.node.member.id, edge.node.silentDays] as [string, number]));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual([
        [silent['d-30'], 30], [silent['d-29'], 29], [silent['d-15'], 15], [silent['d-14'], 14], [silent['d-7'], 7], [silent['d-7late'], 7],
      ]);
      const removal = (await owner.client.data(DORMANT, { c: communityId, d: 30 })).dormantMembers;
      expect(removal.edges.map((edge: any) => edge.node.member.nickname === null || typeof edge.node.member.nickname === 'string')).toEqual([true]);
      expect(removal.totalCount).toBe(1);
    });

    it('refuses days outside 1..365', async () => {
      for (const d of [0, 366, -1]) {
        expect((await owner.client.request(DORMANT, { c: communityId, d })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('wake-up actions', () => {
    let home: Awaited<ReturnType<TestEnvironment['createCommunity']>>;
    let members: Array<LoggedIn & { memberId: string }>;
    const template = async (stock: number | null) =>
      (await home.owner.client.data(CREATE_TEMPLATE, { c: home.communityId, i: { title: '唤醒礼', faceValueFen: 500, minSpendFen: 0, validDays: 7, stock, minTierLevel: 0 } })).createCouponTemplate.id as string;
    const issuedCount = async (templateId: string) => (await env.em().findOneOrFail(CouponTemplate, Number(templateId))).issuedCount;

    beforeAll(async () => {
      clock.set(new Date());
      home = await env.createCommunity('w-owner');
      members = [];
      for (let i = 0; i < 8; i += 1) members.push(await env.join(`w-m${i}`, home.joinCode));
    });

    it('grants one free coupon to each chosen member, who then holds it; audited', async () => {
      const templateId = await template(null);
      const granted = (await home.owner.client.data(GRANT, { c: home.communityId, t: templateId, m: [members[0].memberId, members[1].memberId], r: newRequestId() })).grantCoupon;
      expect(granted.__typename).toBe('CouponsGranted');
      expect(granted.coupons.map((c: any) => [c.member.id, c.pointsCost])).toEqual([[members[0].memberId, 0], [members[1].memberId, 0]]);
      const mine = await members[0].client.data(`query ($c: ID!) { myCoupons(communityId: $c, status: UNUSED) { code template { title } } }`, { c: home.communityId });
      expect(mine.myCoupons).toEqual([{ code: granted.coupons[0].code, template: { title: '唤醒礼' } }]);
      const audit = (await home.owner.client.data(AUDIT, { c: home.communityId, action: 'grantCoupon' })).auditLog;
      expect(audit.edges[0].node).toMatchObject({ action: 'grantCoupon', targetType: 'template', targetId: templateId, outcome: 'OK', actor: { id: home.owner.userId } });
    });

    // Across two processes on MySQL; the embedded SQLite database is one process's (one writer at a time).
    it('20 simultaneous grants with one requestId, across two processes, issue one set of coupons', async () => {
      const templateId = await template(10);
      const requestId = newRequestId();
      const ids = members.slice(2, 5).map((m) => m.memberId);
      const peer = TEST_DB === 'mysql' ? await env.startPeerProcess() : null;
      try {
        const clients = [new GraphQLClient(env.url, home.owner.token), new GraphQLClient(peer?.url ?? env.url, home.owner.token)];
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2].data(GRANT, { c: home.communityId, t: templateId, m: ids, r: requestId })));
        const answers = results.map((r) => r.grantCoupon);
        expect(answers.map((a) => a.__typename)).toEqual(Array(20).fill('CouponsGranted'));
        const codes = new Set(answers.flatMap((a) => a.coupons.map((c: any) => c.code)));
        expect(codes.size).toBe(3);
      } finally {
        await peer?.stop();
      }
      expect(await env.em().count(Coupon, { template: Number(templateId) })).toBe(3);
      expect(await issuedCount(templateId)).toBe(3);
    });

    it('stock 5 for 8 members: SoldOut, and nothing is issued', async () => {
      const templateId = await template(5);
      const result = (await home.owner.client.data(GRANT, { c: home.communityId, t: templateId, m: members.map((m) => m.memberId), r: newRequestId() })).grantCoupon;
      expect(result.errorCode).toBe('SOLD_OUT');
      expect(result.message).toContain('还剩 5 张');
      expect(await env.em().count(Coupon, { template: Number(templateId) })).toBe(0);
      expect(await issuedCount(templateId)).toBe(0);
    });

    it("refuses 201 members, another community's member and a foreign template, issuing nothing", async () => {
      const templateId = await template(null);
      const tooMany = await home.owner.client.request(GRANT, { c: home.communityId, t: templateId, m: Array.from({ length: 201 }, (_, i) => String(i + 1)), r: newRequestId() });
      expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const none = await home.owner.client.request(GRANT, { c: home.communityId, t: templateId, m: [], r: newRequestId() });
      expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const other = await env.createCommunity('w-other');
      const stranger = await env.join('w-stranger', other.joinCode);
      const foreign = (await home.owner.client.data(GRANT, { c: home.communityId, t: templateId, m: [members[0].memberId, stranger.memberId], r: newRequestId() })).grantCoupon;
      expect(foreign.errorCode).toBe('MEMBER_NOT_FOUND');
      const otherTemplate = (await other.owner.client.data(CREATE_TEMPLATE, { c: other.communityId, i: { title: '别家券', faceValueFen: 100, minSpendFen: 0, validDays: 7, minTierLevel: 0 } })).createCouponTemplate.id;
      const foreignTemplate = (await home.owner.client.data(GRANT, { c: home.communityId, t: otherTemplate, m: [members[0].memberId], r: newRequestId() })).grantCoupon;
      expect(foreignTemplate.errorCode).toBe('COUPON_TEMPLATE_NOT_FOUND');
      expect(await env.em().count(Coupon, { template: { $in: [Number(templateId), Number(otherTemplate)] } })).toBe(0);
    });

    it('a granted coupon voided gives no points back and returns its stock', async () => {
      const templateId = await template(3);
      const granted = (await home.owner.client.data(GRANT, { c: home.communityId, t: templateId, m: [members[7].memberId], r: newRequestId() })).grantCoupon;
      const voided = await home.owner.client.data(`mutation ($id: ID!) { voidCoupon(couponId: $id) { __typename ... on CouponVoidedResult { refundedPoints } } }`, { id: granted.coupons[0].id });
      expect(voided.voidCoupon).toEqual({ __typename: 'CouponVoidedResult', refundedPoints: 0 });
      expect(await issuedCount(templateId)).toBe(0);
    });

    it('removes several members in one transaction, all or none', async () => {
      const other = await env.createCommunity('w-other2');
      const stranger = await env.join('w-stranger2', other.joinCode);
      const mixed = (await home.owner.client.data(REMOVE, { c: home.communityId, m: [members[5].memberId, stranger.memberId] })).removeMembers;
      expect(mixed.errorCode).toBe('MEMBER_NOT_FOUND');
      expect((await env.em().findOneOrFail(Member, Number(members[5].memberId))).status).toBe('ACTIVE');
      const removed = (await home.owner.client.data(REMOVE, { c: home.communityId, m: [members[5].memberId, members[6].memberId] })).removeMembers;
      expect(removed).toEqual({ __typename: 'MembersRemoved', removedCount: 2, members: [{ id: members[5].memberId, status: 'REMOVED' }, { id: members[6].memberId, status: 'REMOVED' }] });
      const tooMany = await home.owner.client.request(REMOVE, { c: home.communityId, m: Array.from({ length: 201 }, (_, i) => String(i + 1)) });
      expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const audit = (await home.owner.client.data(AUDIT, { c: home.communityId, action: 'removeMembers', first: 5 })).auditLog;
      expect(audit.edges.map((edge: any) => edge.node.outcome)).toEqual(['OK', 'MEMBER_NOT_FOUND']);
    });

    it('pages the audit log by cursor and filters it by operator and date', async () => {
      const all: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await home.owner.client.data(AUDIT, { c: home.communityId, first: 3, after })).auditLog;
        all.push(...page.edges.map((edge: any) => edge.node.action));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(all.length).toBeGreaterThan(8);
      expect(all[0]).toBe('removeMembers');
      const mine = (await home.owner.client.data(AUDIT, { c: home.communityId, first: 100, op: home.owner.userId })).auditLog;
      expect(mine.edges).toHaveLength(all.length);
      const nobody = (await home.owner.client.data(AUDIT, { c: home.communityId, first: 100, op: members[0].userId })).auditLog;
      expect(nobody.edges).toHaveLength(0);
      const longAgo = (await home.owner.client.data(AUDIT, { c: home.communityId, from: '2020-01-01', to: '2020-01-31' })).auditLog;
      expect(longAgo.edges).toHaveLength(0);
      const bad = await home.owner.client.request(AUDIT, { c: home.communityId, from: '2020-13-01' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  // The dashboard reads rollups written by the transactions (server/src/health/rollups/): on every
  // fixture above and after simultaneous writes on two processes, they answer what the raw rows do
  // by the definitions (test/helpers/community-stats-oracle.ts: the statements the dashboard ran before).
  describe('the rollups answer what the raw rows do', () => {
    const rollups = new CommunityStatsService();
    const oracle = new RawCommunityStats();
    const today = () => localDate(new Date(), 'Asia/Shanghai');
    const ranges = () => [
      ['2026-11-01', '2026-11-10'], ['2026-11-03', '2026-11-09'], ['2026-11-04', '2026-11-06'], ['2026-11-08', '2026-11-08'],
      ['2026-10-15', '2026-12-31'], [addDays(today(), -8), today()], [addDays(today(), -1), addDays(today(), 7)], [today(), today()],
    ];
    const expectRollupsEqualRaw = async (communityIds?: number[]) => {
      const communities = await env.em().getConnection().execute<Array<{ id: number; timezone: string }>>('select id, timezone from community order by id');
      let compared = 0;
      for (const community of communities.filter((c) => !communityIds || communityIds.includes(Number(c.id)))) {
        for (const [from, to] of ranges()) {
          const raw = await oracle.stats(env.em(), { id: Number(community.id), timezone: community.timezone }, from, to);
          expect({ community: community.id, ...(await rollups.stats(env.em(), { id: Number(community.id), timezone: community.timezone }, from, to)) }).toEqual({ community: community.id, ...raw });
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(0);
    };

    it('on every fixture of this file, over ranges before, around and after them', async () => {
      await expectRollupsEqualRaw();
    });

    it("rebuilt from the raw rows (the migration's backfill), they answer the same", async () => {
      await rebuildAllRollups(env.em());
      await expectRollupsEqualRaw();
    });

    it('after simultaneous first visits, check-ins, redemptions and write-offs on two processes', async () => {
      const yesterday = new Date(Date.now() - DAY);
      clock.set(yesterday); // they join yesterday: today's first requests race to mark the day, and retain them
      const home = await env.createCommunity('r-owner');
      const crowd = await env.joinCrowd('r-m', home.joinCode, 10);
      const templateId = (await home.owner.client.data(CREATE_TEMPLATE, { c: home.communityId, i: { title: '¥1 券', faceValueFen: 100, minSpendFen: 0, validDays: 30, minTierLevel: 0 } })).createCouponTemplate.id;
      for (const member of crowd) await home.owner.client.data(ADJUST, { c: home.communityId, m: member.memberId, a: 300, r: '启动积分' });
      clock.set(new Date());
      const peer = TEST_DB === 'mysql' ? await env.startPeerProcess() : null;
      try {
        const requestIds = crowd.map(() => [newRequestId(), newRequestId()]);
        const on = (i: number, token: string) => new GraphQLClient(i % 2 === 0 || !peer ? env.url : peer.url, token);
        const answers = await Promise.all(
          crowd.flatMap((member, i) => [
            on(i, member.token).data(MEMBERSHIP, { c: home.communityId }),
            on(i + 1, member.token).data(MEMBERSHIP, { c: home.communityId }),
            on(i, member.token).data(CHECK_IN, { c: home.communityId }),
            on(i + 1, member.token).data(CHECK_IN, { c: home.communityId }),
            on(i, member.token).data(REDEEM, { t: templateId, r: requestIds[i][0] }),
            on(i + 1, member.token).data(REDEEM, { t: templateId, r: requestIds[i][1] }),
            on(i + 1, member.token).data(REDEEM, { t: templateId, r: requestIds[i][0] }), // a replay: one coupon
          ]),
        );
        const codes = answers.flatMap((a: any) => (a.redeemCoupon?.__typename === 'CouponRedeemed' ? [a.redeemCoupon.coupon.code] : []));
        await Promise.all([...codes, ...codes].map((code, i) => on(i, home.owner.token).data(WRITE_OFF, { c: home.communityId, code })));
      } finally {
        await peer?.stop();
      }
      const communityId = Number(home.communityId);
      const [{ n: activeToday }] = await env.em().getConnection().execute('select count(*) as n from member_activity_day where community_id = ? and day = ?', [communityId, today()]);
      expect(Number(activeToday)).toBe(11); // the ten and the owner (at the counter)
      expect(await env.em().count(Coupon, { community: communityId, status: 'USED' as never })).toBe(20);
      await expectRollupsEqualRaw([communityId]);
      const stats = await rollups.stats(env.em(), { id: communityId, timezone: 'Asia/Shanghai' }, addDays(today(), -1), addDays(today(), 7));
      expect(stats).toMatchObject({ checkIns: 10, couponsIssued: 20, couponsUsed: 20, activeMembers: 11, retention7: 1 });
    });
  });
});
