import { ManualClock } from '../../server/src/common/clock';
import { checkEconomyInvariants } from '../helpers/invariants';
import { createTestEnvironment, LoggedIn, TestEnvironment } from '../helpers/test-env';

const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename ... on CheckInSuccess { date streak pointsAwarded bonusPoints balance } ... on ErrorResult { errorCode } } }`;
const MAKE_UP = `mutation ($c: ID!, $d: String!) { makeUpCheckIn(communityId: $c, date: $d) {
  __typename
  ... on MadeUpCheckIn { date streak balance cost remaining }
  ... on MakeUpNotAllowed { reason }
  ... on InsufficientPoints { required balance }
  ... on AlreadyCheckedIn { today { date streak } }
  ... on ErrorResult { errorCode message } } }`;
const MEMBERSHIP = `query ($c: ID!) { membership(communityId: $c) { points lifetimePoints streak checkedInToday } }`;
const CALENDAR = `query ($c: ID!, $m: String!) { checkInCalendar(communityId: $c, month: $m) { days madeUpDays streak makeUp { days cost remaining monthlyAllowance } } }`;
const UPDATE_RULE = `mutation ($c: ID!, $i: CheckInRuleInput!) { updateCheckInRule(communityId: $c, input: $i) { ... on CheckInRule { basePoints makeUpCost makeUpMonthlyAllowance } } }`;
const LEDGER = `query ($c: ID!) { pointsLedger(communityId: $c, first: 20) { edges { node { amount balanceAfter type note } } } }`;

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** Noon in Shanghai (04:00 UTC) of a local date: the server runs on UTC, the community in Asia/Shanghai. */
const shanghaiNoon = (date: string) => new Date(Date.parse(`${date}T04:00:00Z`));
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

describe('补签 make-up check-in', () => {
  let env: TestEnvironment;
  const clock = new ManualClock(shanghaiNoon('2027-01-10'));
  beforeAll(async () => {
    env = await createTestEnvironment('makeup', { clock });
  });
  afterAll(() => env.close());

  /** A member who joins on `start` and checks in on the given day offsets from it; the clock ends on `start + today`. */
  async function memberWithHistory(name: string, start: string, checkInOn: number[], today: number) {
    clock.set(shanghaiNoon(start));
    const community = await env.createCommunity(`${name}-owner`);
    const member = await env.join(name, community.joinCode);
    for (const offset of checkInOn) {
      clock.set(shanghaiNoon(plusDays(start, offset)));
      expect((await member.client.data(CHECK_IN, { c: community.communityId })).checkIn.__typename).toBe('CheckInSuccess');
    }
    clock.set(shanghaiNoon(plusDays(start, today)));
    return { ...community, member, day: (offset: number) => plusDays(start, offset) };
  }

  const makeUp = async (member: LoggedIn, c: string, d: string) => (await member.client.data(MAKE_UP, { c, d })).makeUpCheckIn;
  const streakRows = async (memberId: string) =>
    (await env.em().getConnection().execute(`select day, streak, points_awarded, bonus_points, made_up_on from checkin where member_id = ? order by day`, [Number(memberId)])).map(
      (row: any) => [row.day, Number(row.streak), Number(row.points_awarded) + Number(row.bonus_points), row.made_up_on],
    );

  it('fills a gap: the streak runs on across it, the day earns nothing, the cost is a MAKE_UP_CHECK_IN row', async () => {
    // days 0 1 2 · 4 5, today is day 6
    const { communityId, member, day } = await memberWithHistory('m-gap', '2027-01-03', [0, 1, 2, 4, 5], 6);
    expect((await member.client.data(MEMBERSHIP, { c: communityId })).membership).toMatchObject({ points: 60, streak: 2 });
    const made = await makeUp(member, communityId, day(3));
    expect(made).toEqual({ __typename: 'MadeUpCheckIn', date: day(3), streak: 6, balance: 30, cost: 30, remaining: 1 });
    expect(await streakRows(member.memberId)).toEqual([
      [day(0), 1, 10, null], [day(1), 2, 10, null], [day(2), 3, 20, null], [day(3), 4, 0, day(6)], [day(4), 5, 10, null], [day(5), 6, 10, null],
    ]);
    expect((await member.client.data(MEMBERSHIP, { c: communityId })).membership).toMatchObject({ points: 30, lifetimePoints: 60, streak: 6, checkedInToday: false });
    // Today's check-in continues the mended streak: day 7 of the cycle, its bonus of 30.
    expect((await member.client.data(CHECK_IN, { c: communityId })).checkIn).toMatchObject({ streak: 7, pointsAwarded: 10, bonusPoints: 30, balance: 70 });
    const ledger = (await member.client.data(LEDGER, { c: communityId })).pointsLedger.edges.map((e: any) => e.node);
    expect(ledger.filter((row: any) => row.type === 'MAKE_UP_CHECK_IN')).toEqual([{ amount: -30, balanceAfter: 30, type: 'MAKE_UP_CHECK_IN', note: `补签 ${day(3)}` }]);
    const calendar = (await member.client.data(CALENDAR, { c: communityId, m: '2027-01' })).checkInCalendar;
    expect(calendar).toMatchObject({ madeUpDays: [day(3)], streak: 7, makeUp: { days: [], cost: 30, remaining: 1, monthlyAllowance: 2 } });
    expect(calendar.days).toEqual([0, 1, 2, 3, 4, 5, 6].map(day));
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it('across a cycle boundary: the mended streak keeps counting and the next bonus falls on its cycle day', async () => {
    // days 0–6 (a full 7-day cycle) · 8, today is day 9
    const { communityId, member, day } = await memberWithHistory('m-cycle', '2027-02-10', [0, 1, 2, 3, 4, 5, 6, 8], 9);
    expect(await makeUp(member, communityId, day(7))).toMatchObject({ __typename: 'MadeUpCheckIn', streak: 9 });
    // Day 10 of the streak is day 3 of the second cycle.
    expect((await member.client.data(CHECK_IN, { c: communityId })).checkIn).toMatchObject({ streak: 10, bonusPoints: 10 });
    expect((await streakRows(member.memberId)).map(([, streak]) => streak)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('fills the latest missed day first and the one before it next: each step recomputes the streak', async () => {
    // day 0 · · , today is day 3: two missed days, the allowance of two
    const { owner, communityId, member, day } = await memberWithHistory('m-steps', '2027-03-10', [0], 3);
    await owner.client.data(`mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 100, reason: "测试") { __typename } }`, { c: communityId, m: member.memberId });
    expect(await makeUp(member, communityId, day(2))).toMatchObject({ __typename: 'MadeUpCheckIn', streak: 1, remaining: 1 });
    expect(await makeUp(member, communityId, day(1))).toMatchObject({ __typename: 'MadeUpCheckIn', streak: 3, remaining: 0 });
    expect((await member.client.data(MEMBERSHIP, { c: communityId })).membership.streak).toBe(3);
  });

  it('only within the last 7 days, never today or later, never before joining; a day already there answers AlreadyCheckedIn', async () => {
    const { owner, communityId, joinCode, member, day } = await memberWithHistory('m-window', '2027-04-01', [0, 9], 12);
    await owner.client.data(`mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 500, reason: "测试") { __typename } }`, { c: communityId, m: member.memberId });
    expect(await makeUp(member, communityId, day(12))).toMatchObject({ __typename: 'MakeUpNotAllowed', reason: 'NOT_PAST', errorCode: 'MAKE_UP_NOT_ALLOWED' });
    expect(await makeUp(member, communityId, day(13))).toMatchObject({ reason: 'NOT_PAST' });
    expect(await makeUp(member, communityId, day(4))).toMatchObject({ reason: 'TOO_OLD' }); // 8 days ago
    expect(await makeUp(member, communityId, day(-1))).toMatchObject({ reason: 'TOO_OLD' });
    expect(await makeUp(member, communityId, day(9))).toMatchObject({ __typename: 'AlreadyCheckedIn', errorCode: 'ALREADY_CHECKED_IN', today: { date: day(9), streak: 1 } });
    const calendar = (await member.client.data(CALENDAR, { c: communityId, m: '2027-04' })).checkInCalendar;
    expect(calendar.makeUp.days).toEqual([5, 6, 7, 8, 10, 11].map(day)); // the 7 days before today, less day 9
    expect(await makeUp(member, communityId, day(5))).toMatchObject({ __typename: 'MadeUpCheckIn', streak: 0 }); // filled, but the run does not reach today
    expect(await member.client.errorCode(MAKE_UP, { c: communityId, d: '2027-02-30' })).toBe('BAD_USER_INPUT');
    expect(await member.client.errorCode(MAKE_UP, { c: communityId, d: 'yesterday' })).toBe('BAD_USER_INPUT');

    // A member who joined today may not fill yesterday.
    const late = await env.join('m-window-late', joinCode);
    await owner.client.data(`mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 100, reason: "测试") { __typename } }`, { c: communityId, m: late.memberId });
    expect(await makeUp(late, communityId, day(11))).toMatchObject({ reason: 'BEFORE_JOIN' });
    const stranger = await env.login('m-window-stranger');
    expect(await makeUp(stranger, communityId, day(11))).toMatchObject({ errorCode: 'NOT_ACTIVE_MEMBER' });
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it('costs the admin-set points; too few points write nothing; the allowance is per local month of the make-up; 0 turns it off', async () => {
    const { owner, communityId, member, day } = await memberWithHistory('m-cost', '2027-05-25', [0, 1, 2], 7); // today 2027-06-01
    expect((await owner.client.data(UPDATE_RULE, { c: communityId, i: { basePoints: 10, cycleDays: 7, bonuses: [], makeUpCost: 25, makeUpMonthlyAllowance: 1 } })).updateCheckInRule).toEqual({
      basePoints: 10,
      makeUpCost: 25,
      makeUpMonthlyAllowance: 1,
    });
    // A client that does not send the make-up terms keeps them.
    expect((await owner.client.data(UPDATE_RULE, { c: communityId, i: { basePoints: 10, cycleDays: 7, bonuses: [] } })).updateCheckInRule).toMatchObject({ makeUpCost: 25, makeUpMonthlyAllowance: 1 });
    expect(await member.client.errorCode(UPDATE_RULE, { c: communityId, i: { basePoints: 10, cycleDays: 7, bonuses: [], makeUpCost: 0 } })).toBe('FORBIDDEN');
    expect(await owner.client.errorCode(UPDATE_RULE, { c: communityId, i: { basePoints: 10, cycleDays: 7, bonuses: [], makeUpCost: -1 } })).toBe('BAD_USER_INPUT');

    // 40 points: enough for one at 25.
    expect((await member.client.data(MEMBERSHIP, { c: communityId })).membership.points).toBe(40);
    await owner.client.data(UPDATE_RULE, { c: communityId, i: { basePoints: 10, cycleDays: 7, bonuses: [], makeUpCost: 41, makeUpMonthlyAllowance: 1 } });
    expect(await makeUp(member, communityId, day(3))).toMatchObject({ __typename: 'InsufficientPoints', required: 41, balance: 40, errorCode: 'INSUFFICIENT_POINTS' });
    expect((await streakRows(member.memberId))).toHaveLength(3);
    await owner.client.data(UPDATE_RULE, { c: communityId, i: { basePoints: 10, cycleDays: 7, bonuses: [], makeUpCost: 25, makeUpMonthlyAllowance: 1 } });
    // Yesterday (May 31) filled on June 1, then the June allowance of 1 is spent.
    expect(await makeUp(member, communityId, day(6))).toMatchObject({ __typename: 'MadeUpCheckIn', balance: 15, remaining: 0, streak: 1 });
    expect(await makeUp(member, communityId, day(5))).toMatchObject({ __typename: 'MakeUpNotAllowed', reason: 'MONTHLY_LIMIT' });
    expect((await member.client.data(CALENDAR, { c: communityId, m: '2027-05' })).checkInCalendar.makeUp).toEqual({ days: [], cost: 25, remaining: 0, monthlyAllowance: 1 });

    // Free make-ups, the next month: the allowance starts again.
    await owner.client.data(UPDATE_RULE, { c: communityId, i: { basePoints: 10, cycleDays: 7, bonuses: [], makeUpCost: 0, makeUpMonthlyAllowance: 1 } });
    clock.set(shanghaiNoon('2027-07-01'));
    expect(await makeUp(member, communityId, '2027-06-30')).toMatchObject({ __typename: 'MadeUpCheckIn', balance: 15, cost: 0, streak: 1 });
    await owner.client.data(UPDATE_RULE, { c: communityId, i: { basePoints: 10, cycleDays: 7, bonuses: [], makeUpMonthlyAllowance: 0 } });
    expect(await makeUp(member, communityId, '2027-06-29')).toMatchObject({ reason: 'DISABLED' });
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it('uses the community’s midnight (Asia/Shanghai on a UTC server): at 00:30 local, yesterday is the UTC date of today', async () => {
    const { communityId, member } = await memberWithHistory('m-midnight', '2027-08-01', [0, 1, 2, 3, 4, 5, 6, 7, 8], 8);
    // 2027-08-12 00:30 in Shanghai is 2027-08-11 16:30 UTC. Day 10 (08-11) was missed; 08-12 is today.
    clock.set(new Date('2027-08-11T16:30:00Z'));
    expect(await makeUp(member, communityId, '2027-08-12')).toMatchObject({ reason: 'NOT_PAST' });
    expect(await makeUp(member, communityId, '2027-08-11')).toMatchObject({ __typename: 'MadeUpCheckIn', streak: 1 });
    expect(await makeUp(member, communityId, '2027-08-10')).toMatchObject({ __typename: 'MadeUpCheckIn', streak: 11 });
    expect((await member.client.data(CHECK_IN, { c: communityId })).checkIn).toMatchObject({ date: '2027-08-12', streak: 12 });
  });
});
