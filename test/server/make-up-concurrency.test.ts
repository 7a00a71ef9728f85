import { GraphQLClient } from '../helpers/graphql-client';
import { checkEconomyInvariants } from '../helpers/invariants';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const MAKE_UP = `mutation ($c: ID!, $d: String!) { makeUpCheckIn(communityId: $c, date: $d) { __typename ... on MakeUpNotAllowed { reason } } }`;
const CALENDAR = `query ($c: ID!) { checkInCalendar(communityId: $c, month: "2000-01") { makeUp { days } } }`;
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('补签 under simultaneous taps (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  beforeAll(async () => {
    env = await createTestEnvironment('makeup_race');
    second = await env.startPeerProcess();
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
  });

  /** A member who joined 6 days ago (the processes run on the real clock) with 1,000 points. */
  async function veteran(name: string) {
    const { owner, joinCode, communityId } = await env.createCommunity(`${name}-owner`);
    const member = await env.join(name, joinCode);
    await env.em().getConnection().execute('update member set joined_at = ? where id = ?', [new Date(Date.now() - 6 * 24 * 3600 * 1000), Number(member.memberId)]);
    await owner.client.data(`mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 1000, reason: "补签测试") { __typename } }`, { c: communityId, m: member.memberId });
    const missed: string[] = (await member.client.data(CALENDAR, { c: communityId })).checkInCalendar.makeUp.days;
    return { member, communityId, missed, viaSecond: new GraphQLClient(second.url, member.token) };
  }

  it('10 simultaneous make-ups of one day, split across two processes, fill it once and charge once', async () => {
    const { member, communityId, missed, viaSecond } = await veteran('mr-one-day');
    expect(missed.length).toBeGreaterThanOrEqual(5);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? viaSecond : member.client).request(MAKE_UP, { c: communityId, d: missed[0] })));
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const kinds = results.map((r) => r.data.makeUpCheckIn.__typename).sort();
    expect(kinds).toEqual(['AlreadyCheckedIn', ...Array(8).fill('AlreadyCheckedIn'), 'MadeUpCheckIn'].sort());
    const conn = env.em().getConnection();
    const rows = await conn.execute(`select count(*) as n from checkin where member_id = ?`, [Number(member.memberId)]);
    expect(Number(rows[0].n)).toBe(1);
    const charges = await conn.execute(`select count(*) as n, sum(amount) as total from points_entry where member_id = ? and type = 'MAKE_UP_CHECK_IN'`, [Number(member.memberId)]);
    expect([Number(charges[0].n), Number(charges[0].total)]).toEqual([1, -30]);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it('10 simultaneous make-ups of five different days respect the monthly allowance of 2', async () => {
    const { member, communityId, missed, viaSecond } = await veteran('mr-many-days');
    const days = missed.slice(0, 5);
    const results = await Promise.all(days.flatMap((d) => [member.client.request(MAKE_UP, { c: communityId, d }), viaSecond.request(MAKE_UP, { c: communityId, d })]));
    const kinds = results.map((r) => r.data.makeUpCheckIn.__typename);
    expect(kinds.filter((k) => k === 'MadeUpCheckIn')).toHaveLength(2);
    const rows = await env.em().getConnection().execute(`select count(*) as n from checkin where member_id = ? and made_up_on is not null`, [Number(member.memberId)]);
    expect(Number(rows[0].n)).toBe(2);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });
});
