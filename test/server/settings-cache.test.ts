import { GraphQLClient } from '../helpers/graphql-client';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { ... on CheckInSuccess { pointsAwarded bonusPoints } } }`;
const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

/**
 * Each server process caches a community's check-in rule and tiers under its settings version
 * (server/src/common/versioned-cache.ts). A change made through one process must be what the
 * other applies from the next request on.
 */
describeOnMySql('settings cached per process (MariaDB, two server processes)', () => {
  let env: TestEnvironment;
  let peer: ServerProcess;
  beforeAll(async () => {
    env = await createTestEnvironment('settings_cache');
    peer = await env.startPeerProcess();
  });
  afterAll(async () => {
    await peer.stop();
    await env.close();
  });

  const HOME = `query ($c: ID!) { membership(communityId: $c) { tier { level name multiplier } nextTier { name } }
    checkInRule(communityId: $c) { basePoints cycleDays bonuses { day points } } }`;

  it('rule and tier changes made through one process apply at once in the other, whose cache was warm', async () => {
    const { owner, joinCode, communityId } = await env.createCommunity('s-cache');
    const member = await env.join('s-cached', joinCode);
    const viaPeer = new GraphQLClient(peer.url, member.token);

    const before = await viaPeer.data(HOME, { c: communityId });
    expect(before.checkInRule.basePoints).toBe(10);
    expect(before.membership.tier).toEqual({ level: 0, name: '新人', multiplier: 1 });

    await owner.client.data(
      `mutation ($c: ID!) { setTiers(communityId: $c, tiers: [{ name: "白银", threshold: 0, multiplier: 2 }, { name: "黄金", threshold: 100000, multiplier: 3 }]) { __typename } }`,
      { c: communityId },
    );
    await owner.client.data(
      `mutation ($c: ID!) { updateCheckInRule(communityId: $c, input: { basePoints: 7, cycleDays: 2, bonuses: [{ day: 2, points: 4 }] }) { __typename } }`,
      { c: communityId },
    );

    const after = await viaPeer.data(HOME, { c: communityId });
    expect(after.checkInRule).toEqual({ basePoints: 7, cycleDays: 2, bonuses: [{ day: 2, points: 4 }] });
    expect(after.membership.tier).toEqual({ level: 0, name: '白银', multiplier: 2 });
    expect(after.membership.nextTier).toEqual({ name: '黄金' });
    // The new base points under the new multiplier: 7 × 2.
    expect((await viaPeer.data(CHECK_IN, { c: communityId })).checkIn).toMatchObject({ pointsAwarded: 14, bonusPoints: 0 });
  });
});
