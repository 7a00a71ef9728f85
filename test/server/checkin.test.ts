import { ManualClock } from '../../server/src/common/clock';
import { checkEconomyInvariants } from '../helpers/invariants';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) {
  __typename
  ... on CheckInSuccess { date pointsAwarded bonusPoints streak balance nextBonus { day inDays points } }
  ... on AlreadyCheckedIn { errorCode message today { date pointsAwarded bonusPoints streak balance } }
  ... on ErrorResult { errorCode } } }`;
const MEMBERSHIP = `query ($c: ID!) { membership(communityId: $c) { points lifetimePoints streak checkedInToday tier { level name } pointsToNextTier } }`;

// The server runs on UTC (as CI does); the community lives in Asia/Shanghai (UTC+8).
const SHANGHAI_MIDNIGHT = Date.parse('2026-11-20T16:00:00Z'); // 2026-11-21 00:00 in Shanghai
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

describe('daily check-in', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(new Date(SHANGHAI_MIDNIGHT + 10 * HOUR));
  beforeAll(async () => {
    env = await createTestEnvironment('checkin', { clock });
  });
  afterAll(() => env.close());

  it('awards base points, bonuses on days 3 and 7, restarts the bonus cycle while the streak keeps counting', async () => {
    clock.set(new Date(SHANGHAI_MIDNIGHT + 9 * HOUR));
    const { joinCode, communityId } = await env.createCommunity('c-cycle');
    const member = await env.join('c-cycler', joinCode);
    const awards: Array<[number, number, number]> = [];
    for (let day = 1; day <= 10; day += 1) {
      const { checkIn } = await member.client.data(CHECK_IN, { c: communityId });
      expect(checkIn.__typename).toBe('CheckInSuccess');
      awards.push([checkIn.streak, checkIn.pointsAwarded, checkIn.bonusPoints]);
      clock.advance(DAY);
    }
    expect(awards).toEqual([
      [1, 10, 0], [2, 10, 0], [3, 10, 10], [4, 10, 0], [5, 10, 0], [6, 10, 0], [7, 10, 30],
      [8, 10, 0], [9, 10, 0], [10, 10, 10], // day 10 is day 3 of the second cycle
    ]);
    const { membership } = await member.client.data(MEMBERSHIP, { c: communityId });
    expect(membership.points).toBe(10 * 10 + 10 + 30 + 10);
    expect(membership.lifetimePoints).toBe(membership.points);
  });

  it('members checking in at the same moment share the read of their member rows; each is credited on their own row', async () => {
    const { joinCode, communityId } = await env.createCommunity('c-rush');
    const members = await env.joinCrowd('c-rush', joinCode, 20);
    let results: Array<{ checkIn: { __typename: string; balance: number } }> = [];
    const statements = await env.recordQueries(async () => {
      results = await Promise.all(members.map((member) => member.client.data(CHECK_IN, { c: communityId })));
    });
    expect(results.map((result) => [result.checkIn.__typename, result.checkIn.balance])).toEqual(members.map(() => ['CheckInSuccess', 10]));
    const memberships = await Promise.all(members.map((member) => member.client.data(MEMBERSHIP, { c: communityId })));
    expect(memberships.map(({ membership }) => [membership.points, membership.checkedInToday])).toEqual(members.map(() => [10, true]));
    const memberReads = statements.filter((sql) => /from member m join community c/.test(sql));
    console.info(`20 simultaneous check-ins read their member rows in ${memberReads.length} statements`);
    expect(memberReads.length).toBeGreaterThan(0);
    expect(memberReads.length).toBeLessThan(18); // one each would be 20
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  (TEST_DB === 'mysql' ? it : it.skip)('a check-in pays a round trip only for what it looks at: BEGIN goes with the member lock, the ledger row, its points lot (积分有效期) and the dashboard rollup with the COMMIT', async () => {
    const { joinCode, communityId } = await env.createCommunity('c-trips');
    const member = await env.join('c-tripper', joinCode);
    await member.client.data(MEMBERSHIP, { c: communityId }); // the day's activity is recorded by this first request, not by the check-in below
    const sent = await env.recordQueries(() => member.client.data(CHECK_IN, { c: communityId }));
    const transaction = sent.slice(sent.findIndex((sql) => /^begin;/.test(sql)));
    expect(transaction.map((sql) => sql.split(';\n').map((statement) => statement.trim().split(/\s+/).slice(0, 3).join(' ')))).toEqual([
      ['begin', 'select points, streak,'],
      ['insert into checkin'],
      ['update member set'],
      ['insert into points_entry', 'insert into points_lot', 'insert into community_day_stats', 'commit'], // the day's check-in and points: one upsert
    ]);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it('tells what the next bonus is: "再签 N 天可得 X 积分"', async () => {
    clock.set(new Date(SHANGHAI_MIDNIGHT + 100 * DAY));
    const { joinCode, communityId } = await env.createCommunity('c-next');
    const member = await env.join('c-nexter', joinCode);
    const first = (await member.client.data(CHECK_IN, { c: communityId })).checkIn;
    expect(first.nextBonus).toEqual({ day: 3, inDays: 2, points: 10 });
    clock.advance(DAY);
    clock.advance(DAY);
    const broken = (await member.client.data(CHECK_IN, { c: communityId })).checkIn; // skipped a day
    expect(broken.streak).toBe(1);
  });

  it('a second tap the same day answers AlreadyCheckedIn with today’s result and awards nothing', async () => {
    clock.set(new Date(SHANGHAI_MIDNIGHT + 200 * DAY));
    const { joinCode, communityId } = await env.createCommunity('c-twice');
    const member = await env.join('c-twicer', joinCode);
    const first = (await member.client.data(CHECK_IN, { c: communityId })).checkIn;
    clock.advance(5 * HOUR);
    const second = (await member.client.data(CHECK_IN, { c: communityId })).checkIn;
    expect(second).toMatchObject({ __typename: 'AlreadyCheckedIn', errorCode: 'ALREADY_CHECKED_IN' });
    expect(second.today).toEqual({ date: first.date, pointsAwarded: 10, bonusPoints: 0, streak: 1, balance: 10 });
    expect((await member.client.data(MEMBERSHIP, { c: communityId })).membership).toMatchObject({ points: 10, checkedInToday: true, streak: 1 });
  });

  it('uses the community’s calendar day, not the server’s: 23:59 and 00:01 in Shanghai are two days', async () => {
    const { joinCode, communityId } = await env.createCommunity('c-midnight');
    const member = await env.join('c-nightowl', joinCode);
    clock.set(new Date(SHANGHAI_MIDNIGHT + 300 * DAY - 60_000)); // 23:59 Shanghai, 15:59 UTC
    const late = (await member.client.data(CHECK_IN, { c: communityId })).checkIn;
    clock.advance(2 * 60_000); // 00:01 Shanghai the next day; still the same UTC date
    const early = (await member.client.data(CHECK_IN, { c: communityId })).checkIn;
    expect(late.__typename).toBe('CheckInSuccess');
    expect(early.__typename).toBe('CheckInSuccess');
    expect(early.date).not.toBe(late.date);
    expect(early.streak).toBe(2);
    clock.advance(23 * HOUR); // 23:01 Shanghai, which is the next UTC day: still the same local day
    expect((await member.client.data(CHECK_IN, { c: communityId })).checkIn.__typename).toBe('AlreadyCheckedIn');
    // Two days later without a check-in, the streak shown is broken.
    clock.advance(2 * DAY);
    expect((await member.client.data(MEMBERSHIP, { c: communityId })).membership).toMatchObject({ streak: 0, checkedInToday: false });
  });

  it('multiplies base points by the tier multiplier (bonuses are not multiplied)', async () => {
    clock.set(new Date(SHANGHAI_MIDNIGHT + 400 * DAY));
    const { owner, joinCode, communityId } = await env.createCommunity('c-tier');
    const member = await env.join('c-regular', joinCode);
    await owner.client.data(`mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 2000, reason: "老会员迁移") { __typename } }`, {
      c: communityId,
      m: member.memberId,
    });
    expect((await member.client.data(MEMBERSHIP, { c: communityId })).membership.tier).toEqual({ level: 2, name: '核心成员' });
    expect((await member.client.data(CHECK_IN, { c: communityId })).checkIn.pointsAwarded).toBe(15);
  });

  it('admins change the rule; members see it; bad rules are refused', async () => {
    clock.set(new Date(SHANGHAI_MIDNIGHT + 500 * DAY));
    const { owner, joinCode, communityId } = await env.createCommunity('c-rule');
    const member = await env.join('c-ruled', joinCode);
    const UPDATE = `mutation ($c: ID!, $i: CheckInRuleInput!) { updateCheckInRule(communityId: $c, input: $i) { ... on CheckInRule { basePoints cycleDays bonuses { day points } } } }`;
    const rule = { basePoints: 5, cycleDays: 2, bonuses: [{ day: 2, points: 7 }] };
    expect((await owner.client.data(UPDATE, { c: communityId, i: rule })).updateCheckInRule).toEqual(rule);
    expect((await member.client.data(CHECK_IN, { c: communityId })).checkIn).toMatchObject({ pointsAwarded: 5, bonusPoints: 0 });
    clock.advance(DAY);
    expect((await member.client.data(CHECK_IN, { c: communityId })).checkIn).toMatchObject({ pointsAwarded: 5, bonusPoints: 7 });
    for (const bad of [
      { ...rule, basePoints: -1 },
      { ...rule, cycleDays: 0 },
      { ...rule, bonuses: [{ day: 3, points: 5 }] },
      { ...rule, bonuses: [{ day: 1, points: 5 }, { day: 1, points: 6 }] },
      { ...rule, basePoints: 1.5 },
    ]) {
      expect(await owner.client.errorCode(UPDATE, { c: communityId, i: bad })).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    }
    expect(await member.client.errorCode(UPDATE, { c: communityId, i: rule })).toBe('FORBIDDEN');
  });

  it('the calendar lists the days of a month; outsiders and applicants cannot check in', async () => {
    clock.set(new Date('2027-03-30T02:00:00Z'));
    const { joinCode, communityId } = await env.createCommunity('c-calendar');
    const member = await env.join('c-calendared', joinCode);
    for (let i = 0; i < 4; i += 1) {
      await member.client.data(CHECK_IN, { c: communityId });
      clock.advance(DAY);
    }
    const march = (await member.client.data(`{ checkInCalendar(communityId: ${communityId}, month: "2027-03") { days streak } }`)).checkInCalendar;
    expect(march).toEqual({ days: ['2027-03-30', '2027-03-31'], streak: 4 });
    expect(await member.client.errorCode(`{ checkInCalendar(communityId: ${communityId}, month: "2027-13") { days } }`)).toBe('BAD_USER_INPUT');
    const stranger = await env.login('c-stranger');
    expect((await stranger.client.data(CHECK_IN, { c: communityId })).checkIn.errorCode).toBe('NOT_ACTIVE_MEMBER');
    const screened = await env.createCommunity('c-screened', { joinPolicy: 'QUESTIONNAIRE' });
    const applicant = await env.join('c-applicant', screened.joinCode);
    expect((await applicant.client.data(CHECK_IN, { c: screened.communityId })).checkIn.errorCode).toBe('NOT_ACTIVE_MEMBER');
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });
});
