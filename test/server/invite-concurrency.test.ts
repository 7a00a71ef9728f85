import { GraphQLClient } from '../helpers/graphql-client';
import { checkEconomyInvariants } from '../helpers/invariants';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const MY_INVITE = `query ($c: ID!) { myInvite(communityId: $c) { code } }`;
const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`;
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('referral points under simultaneous first check-ins (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  beforeAll(async () => {
    env = await createTestEnvironment('invite_race');
    second = await env.startPeerProcess();
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
  });

  const referralRows = async (inviterId: number) =>
    env.em().getConnection().execute(`select status, points from referral where inviter_id = ? order by id`, [inviterId]);
  const referralPoints = async (memberId: number) =>
    Number((await env.em().getConnection().execute(`select coalesce(sum(amount), 0) as total from points_entry where member_id = ? and type = 'REFERRAL'`, [memberId]))[0].total);

  it('20 simultaneous first check-ins of one invitee, split across two processes, reward the inviter once', async () => {
    const { owner, communityId } = await env.createCommunity('ir-owner', { joinPolicy: 'INVITE' });
    const { code } = (await owner.client.data(MY_INVITE, { c: communityId })).myInvite;
    const invitee = await env.join('ir-invitee', code);
    const viaSecond = new GraphQLClient(second.url, invitee.token);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? viaSecond : invitee.client).request(CHECK_IN, { c: communityId })));
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    expect(results.filter((r) => r.data.checkIn.__typename === 'CheckInSuccess')).toHaveLength(1);
    const ownerMemberId = Number((await owner.client.data(`query ($c: ID!) { membership(communityId: $c) { id } }`, { c: communityId })).membership.id);
    expect(await referralPoints(ownerMemberId)).toBe(50);
    expect((await referralRows(ownerMemberId)).map((r: any) => r.status)).toEqual(['REWARDED']);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });

  it("12 invitees of one inviter checking in at once on two processes: the daily cap of 5 holds", async () => {
    const { owner, communityId } = await env.createCommunity('ir-cap-owner', { joinPolicy: 'INVITE' });
    const { code } = (await owner.client.data(MY_INVITE, { c: communityId })).myInvite;
    const invitees = await Promise.all(Array.from({ length: 12 }, (_, i) => env.join(`ir-cap-${i}`, code)));
    const results = await Promise.all(
      invitees.map((m, i) => (i % 2 ? new GraphQLClient(second.url, m.token) : m.client).request(CHECK_IN, { c: communityId })),
    );
    expect(results.filter((r) => r.data?.checkIn?.__typename === 'CheckInSuccess')).toHaveLength(12);
    const ownerMemberId = Number((await owner.client.data(`query ($c: ID!) { membership(communityId: $c) { id } }`, { c: communityId })).membership.id);
    const rows = await referralRows(ownerMemberId);
    expect(rows.filter((r: any) => r.status === 'REWARDED')).toHaveLength(5);
    expect(rows.filter((r: any) => r.status === 'CAPPED')).toHaveLength(7);
    expect(await referralPoints(ownerMemberId)).toBe(250);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });
});
