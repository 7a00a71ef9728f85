import { GraphQLClient } from '../helpers/graphql-client';
import { checkEconomyInvariants } from '../helpers/invariants';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename ... on CheckInSuccess { pointsAwarded bonusPoints capNote } } }`;
const SET_CAPS = `mutation ($c: ID!, $a: Int!, $d: Int!) { setEconomyCaps(communityId: $c, input: { maxPointsPerAction: $a, maxRulePointsPerMemberDay: $d }) { maxPointsPerAction } }`;
const UPDATE_RULE = `mutation ($c: ID!, $i: CheckInRuleInput!) { updateCheckInRule(communityId: $c, input: $i) { __typename } }`;
const SET_TIERS = `mutation ($c: ID!, $t: [TierInput!]!) { setTiers(communityId: $c, tiers: $t) { __typename } }`;
const MY_INVITE = `query ($c: ID!) { myInvite(communityId: $c) { code } }`;
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('the economy caps under simultaneous awards (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  beforeAll(async () => {
    env = await createTestEnvironment('caps_race');
    second = await env.startPeerProcess();
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
  });

  const rows = <T>(sql: string, params: unknown[]) => env.em().getConnection().execute<T[]>(sql, params);

  it('20 members checking in at once under a rule at the cap get exactly the cap; lowered, exactly the new cap', async () => {
    const { owner, communityId, joinCode } = await env.createCommunity('cr-owner');
    await owner.client.data(SET_CAPS, { c: communityId, a: 100, d: 1000 });
    expect((await owner.client.data(SET_TIERS, { c: communityId, t: [{ name: '成员', threshold: 0, multiplier: 1 }] })).setTiers.__typename).toBe('TiersSaved');
    expect((await owner.client.data(UPDATE_RULE, { c: communityId, i: { basePoints: 100, cycleDays: 1, bonuses: [] } })).updateCheckInRule.__typename).toBe('CheckInRule');

    // Each member taps twice at once: once on each process.
    const tapTwiceEach = async (crowd: Array<{ token: string; client: GraphQLClient }>) =>
      Promise.all(crowd.flatMap((m) => [m.client, new GraphQLClient(second.url, m.token)].map((client) => client.request(CHECK_IN, { c: communityId }))));

    const first = await env.joinCrowd('cr-a', joinCode, 20);
    const results = await tapTwiceEach(first);
    const paid = results.filter((r) => r.data?.checkIn?.__typename === 'CheckInSuccess').map((r) => r.data.checkIn);
    expect(paid).toHaveLength(20);
    expect(paid.every((p) => p.pointsAwarded === 100 && p.bonusPoints === 0 && p.capNote === null)).toBe(true);

    // The OWNER lowers the cap under the rule: the next crowd's check-ins are cut to it, on both processes at once.
    await owner.client.data(SET_CAPS, { c: communityId, a: 60, d: 1000 });
    const later = await env.joinCrowd('cr-b', joinCode, 20);
    const cut = (await tapTwiceEach(later)).filter((r) => r.data?.checkIn?.__typename === 'CheckInSuccess').map((r) => r.data.checkIn);
    expect(cut).toHaveLength(20);
    expect(cut.every((p) => p.pointsAwarded === 60 && p.capNote === '单次最多 60 积分')).toBe(true);

    const totals = await rows<{ total: string }>(`select sum(amount) as total from points_entry where community_id = ? and type = 'CHECK_IN'`, [Number(communityId)]);
    expect(Number(totals[0].total)).toBe(20 * 100 + 20 * 60);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it("one inviter's referrals arriving at once on two processes stop at the daily cap: the rest are 0 rows with a note", async () => {
    const { owner, communityId } = await env.createCommunity('cr-inviter', { joinPolicy: 'INVITE' });
    // Set while the caps allow it (50 × 10 = 500 a day), then the OWNER lowers the day to 120.
    await owner.client.data(`mutation ($c: ID!) { setReferralRule(communityId: $c, points: 50, dailyLimit: 10) { __typename } }`, { c: communityId });
    await owner.client.data(SET_CAPS, { c: communityId, a: 100, d: 120 });
    const { code } = (await owner.client.data(MY_INVITE, { c: communityId })).myInvite;
    const invitees = await env.joinCrowd('cr-invitee', code, 20);
    const results = await Promise.all(invitees.map((m, i) => (i % 2 ? new GraphQLClient(second.url, m.token) : m.client).request(CHECK_IN, { c: communityId })));
    expect(results.filter((r) => r.data?.checkIn?.__typename === 'CheckInSuccess')).toHaveLength(20);

    const inviterId = Number((await owner.client.data(`query ($c: ID!) { membership(communityId: $c) { id } }`, { c: communityId })).membership.id);
    const referrals = await rows<{ amount: number; note: string }>(`select amount, note from points_entry where member_id = ? and type = 'REFERRAL' order by id`, [inviterId]);
    // The count cap (10 a day) and the points cap (120 a day) both hold: 50 + 50 + 20, then nothing, recorded.
    expect(referrals).toHaveLength(10);
    expect(referrals.map((r) => Number(r.amount)).sort((a, b) => b - a)).toEqual([50, 50, 20, 0, 0, 0, 0, 0, 0, 0]);
    expect(referrals.filter((r) => Number(r.amount) < 50).every((r) => r.note.includes('今日规则积分已达上限 120'))).toBe(true);
    const [inviter] = await rows<{ points: number; rule_points_that_day: number }>('select points, rule_points_that_day from member where id = ?', [inviterId]);
    expect([Number(inviter.points), Number(inviter.rule_points_that_day)]).toEqual([120, 120]);
    const statuses = await rows<{ status: string; n: number }>('select status, count(*) as n from referral where inviter_id = ? group by status order by status', [inviterId]);
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['CAPPED', 10], ['REWARDED', 10]]);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });
});
