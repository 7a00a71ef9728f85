import { couponShop, newRequestId, REDEEM } from '../helpers/economy';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/**
 * What the mini-program's home page asks for the member card (miniprogram/src/api/member.ts
 * fetchMembership, and the check-in rule for the streak strip).
 */
export const HOME_QUERY = `query Home($c: ID!) {
  membership(communityId: $c) {
    id role status points lifetimePoints streak checkedInToday nickname avatarUrl joinedAt lastActiveAt
    tier { level name threshold multiplier } nextTier { level name threshold multiplier } pointsToNextTier
    community { id name category description joinPolicy joinCode sharePath memberCount boundGroupCount }
  }
  checkInRule(communityId: $c) { basePoints cycleDays bonuses { day points } }
}`;

describe('the home query', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    // The notification sender polls every 2 s: here it stays quiet, so only the home query's statements are counted.
    env = await createTestEnvironment('home_query', { env: { NOTIFY_SEND_EVERY_MS: '3600000' } });
  });
  afterAll(() => env.close());

  it('issues the same small number of SQL statements (≤ 5) however many ledger rows and coupons a member has', async () => {
    const shop = await couponShop(env, 'h-shop', { faceValueFen: 100 });
    const fresh = await shop.memberWith('h-fresh', 0);
    const busy = await shop.memberWith('h-busy', 0);
    for (let i = 0; i < 60; i += 1) await shop.grant(busy, 100 + i);
    for (let i = 0; i < 25; i += 1) await busy.client.data(REDEEM, { t: shop.templateId, r: newRequestId() });

    const counts: number[] = [];
    for (const member of [fresh, busy]) {
      await member.client.data(HOME_QUERY, { c: shop.communityId }); // the first call of a while also records activity
      const statements = await env.recordQueries(() => member.client.data(HOME_QUERY, { c: shop.communityId }));
      counts.push(statements.length);
    }
    console.info(`home query SQL statements: fresh member ${counts[0]}, member with 60 ledger rows and 25 coupons ${counts[1]}`);
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(5);
    const busyHome = await busy.client.data(HOME_QUERY, { c: shop.communityId });
    expect(busyHome.membership.points).toBe(60 * 100 + (59 * 60) / 2 - 25 * 100);
  });
});
