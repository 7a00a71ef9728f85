import { CheckInRuleDocument } from '../../miniprogram/src/features/checkin/checkin.generated';
import { MembershipDocument } from '../../miniprogram/src/features/membership/membership.generated';
import { Community } from '../../server/src/community/community.entity';
import { columnsOf, mapPrefixed, viewOf } from '../../server/src/db/entity-rows';
import { selectRows } from '../../server/src/db/sql';
import { Member } from '../../server/src/member/member.entity';
import { couponShop, newRequestId, REDEEM } from '../helpers/economy';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/**
 * What the mini-program's home page asks for: the member card (`fetchMembership`) and the check-in rule for the
 * streak strip (`fetchCheckInRule`), the very documents the app sends.
 */
async function loadHome(client: GraphQLClient, communityId: string) {
  const [card, rule] = await Promise.all([client.send(MembershipDocument, { communityId }), client.send(CheckInRuleDocument, { communityId })]);
  return { membership: card.membership, checkInRule: rule.checkInRule };
}

describe('the home query', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    // The notification sender polls every 2 s: here it stays quiet, so only the home query's statements are counted.
    env = await createTestEnvironment('home_query', { env: { NOTIFY_SEND_EVERY_MS: '3600000' } });
  });
  afterAll(() => env.close());

  it('reads the session user, the member row and the community counts, nothing else, however many ledger rows and coupons a member has', async () => {
    const shop = await couponShop(env, 'h-shop', { faceValueFen: 100 });
    const fresh = await shop.memberWith('h-fresh', 0);
    const busy = await shop.memberWith('h-busy', 0);
    for (let i = 0; i < 60; i += 1) await shop.grant(busy, 100 + i);
    for (let i = 0; i < 25; i += 1) await busy.client.data(REDEEM, { t: shop.templateId, r: newRequestId() });

    /** What a statement reads; the page's two documents share a read when they reach it in the same turn of the event loop. */
    const readOf = (sql: string) =>
      /from app_user u where u\.id in/.test(sql) ? 'session user' : /from member m join community c/.test(sql) ? 'member' : /from community c where c\.id in/.test(sql) ? 'counts' : sql;
    for (const member of [fresh, busy]) {
      await loadHome(member.client, shop.communityId); // the first call of a while also records activity
      const reads = (await env.recordQueries(() => loadHome(member.client, shop.communityId))).map(readOf);
      console.info(`home page (two documents) SQL statements: ${reads.join(', ')}`);
      expect([...new Set(reads)].sort()).toEqual(['counts', 'member', 'session user']);
      for (const read of new Set(reads)) expect(reads.filter((other) => other === read).length).toBeLessThanOrEqual(2); // at most one per document
    }
    const busyHome = await loadHome(busy.client, shop.communityId);
    expect(busyHome.membership?.points).toBe(60 * 100 + (59 * 60) / 2 - 25 * 100);
  });

  it('answers the member card from read-only views that hold what the managed entities would hold', async () => {
    const shop = await couponShop(env, 'h-view');
    const member = await shop.memberWith('h-viewer', 250);
    await member.client.data(`mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`, { c: shop.communityId });
    const em = env.em();
    const [row] = await selectRows<Record<string, unknown>>(
      em,
      `select ${columnsOf(em, Member, 'm')}, ${columnsOf(em, Community, 'c')} from member m join community c on c.id = m.community_id where m.id = ?`,
      [Number(member.memberId)],
    );
    const memberView = viewOf(em, Member, 'm', row);
    const communityView = viewOf(em, Community, 'c', row);
    expect(memberView).toBeInstanceOf(Member); // type-graphql hands field resolvers its root as it is only then
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0); // nothing managed, nothing to flush
    const managed = mapPrefixed(em, Member, 'm', row);
    const managedCommunity = mapPrefixed(em, Community, 'c', row);
    for (const prop of ['id', 'role', 'status', 'points', 'lifetimePoints', 'streak', 'tierLevel', 'lastCheckInOn', 'tags', 'joinedAt', 'leftAt', 'lastActiveAt', 'createdAt'] as const) {
      expect([prop, memberView[prop]]).toEqual([prop, managed[prop]]);
    }
    expect(memberView.points).toBe(260);
    expect(memberView.joinedAt).toBeInstanceOf(Date);
    expect(memberView.community.id).toBe(managed.community.id);
    expect(memberView.user.id).toBe(managed.user.id);
    for (const prop of ['id', 'name', 'category', 'joinPolicy', 'joinCode', 'timezone', 'settingsVersion', 'createdAt'] as const) {
      expect([prop, communityView[prop]]).toEqual([prop, managedCommunity[prop]]);
    }
  });
});
