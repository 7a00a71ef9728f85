import { CheckIn } from '../../server/src/checkin/checkin.entity';
import { PointsEntry } from '../../server/src/points/points-entry.entity';
import { GraphQLClient } from '../helpers/graphql-client';
import { checkEconomyInvariants } from '../helpers/invariants';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename ... on CheckInSuccess { balance } } }`;
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

describeOnMySql('check-in under simultaneous taps (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let second: ServerProcess;
  beforeAll(async () => {
    env = await createTestEnvironment('checkin_race');
    second = await env.startPeerProcess();
  });
  afterAll(async () => {
    await second.stop();
    await env.close();
  });

  it('50 simultaneous check-ins of one member, split across two processes, award once', async () => {
    const { joinCode, communityId } = await env.createCommunity('r-owner');
    const member = await env.join('r-tapper', joinCode);
    const viaSecond = new GraphQLClient(second.url, member.token);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? viaSecond : member.client).request(CHECK_IN, { c: communityId })),
    );
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    const kinds = results.map((r) => r.data.checkIn.__typename);
    expect(kinds.filter((k) => k === 'CheckInSuccess')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'AlreadyCheckedIn')).toHaveLength(49);
    const em = env.em();
    expect(await em.count(CheckIn, { member: Number(member.memberId) })).toBe(1);
    expect(await em.count(PointsEntry, { member: Number(member.memberId) })).toBe(1);
    expect((await checkEconomyInvariants(em)).violations).toEqual([]);
  });

  it('40 members checking in at once each get exactly their award', async () => {
    const { joinCode, communityId } = await env.createCommunity('r-crowd');
    const members = await env.joinCrowd('r-crowd', joinCode, 40);
    const results = await Promise.all(members.flatMap((m) => [m.client.request(CHECK_IN, { c: communityId }), m.client.request(CHECK_IN, { c: communityId })]));
    expect(results.filter((r) => r.data?.checkIn?.__typename === 'CheckInSuccess')).toHaveLength(40);
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
  });
});
