import { couponShop, newRequestId, REDEEM } from '../helpers/economy';
import { GraphQLClient } from '../helpers/graphql-client';
import { checkEconomyInvariants } from '../helpers/invariants';
import { lotViolations, runExpiryJob, setPolicy } from '../helpers/points-expiry';
import type { ServerProcess } from '../helpers/server-process';
import { TEST_DB } from '../helpers/test-database';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

const describeOnMySql = TEST_DB === 'mysql' ? describe : describe.skip;

/** A date already past on the real clock both processes read: the lots moved there are due at once. */
const PAST = '2020-01-31';

describeOnMySql('points expiry across two server processes (MariaDB)', () => {
  let env: TestEnvironment;
  let peer: ServerProcess;

  beforeAll(async () => {
    env = await createTestEnvironment('expiry_race');
    // The peer runs the expiry job on its own timer, every 20 ms, while this process runs it by hand.
    peer = await env.startPeerProcess({ POINTS_EXPIRY_EVERY_MS: '20' });
  });
  afterAll(async () => {
    await peer.stop();
    await env.close();
  });
  afterEach(async () => {
    expect((await checkEconomyInvariants(env.em())).violations).toEqual([]);
    expect(await lotViolations(env.em())).toEqual([]);
  });

  /** Rows of counts, ids and sums. */
  const execute = (sql: string, params: unknown[] = []) => env.em().getConnection().execute<Array<Record<string, number>>>(sql, params);
  /** The community's lots made due: their date moved to PAST, and the job's progress (past PAST already) forgotten. */
  const makeLotsDue = async (communityId: string) => {
    await execute('delete from points_expiry_progress where community_id = ?', [Number(communityId)]);
    await execute('update points_lot set expires_on = ? where community_id = ?', [PAST, Number(communityId)]);
  };
  const expiredRowsByMember = async (communityId: string) =>
    execute(`select member_id as memberId, count(*) as n, sum(amount) as amount from points_entry where community_id = ? and type = 'POINTS_EXPIRED' group by member_id`, [Number(communityId)]);
  const untilNoLotsDue = async (communityId: string) => {
    for (let i = 0; i < 200; i += 1) {
      const [{ due }] = await execute('select count(*) as due from points_lot where community_id = ? and expires_on <= ? and remaining > 0', [Number(communityId), PAST]);
      if (Number(due) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the lots never expired');
  };

  it('both processes expiring the same lots at once: one POINTS_EXPIRED row per member and date; ledger = balance', async () => {
    const shop = await couponShop(env, 'x-expire');
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 6);
    const crowd = await shop.crowdWith('x-expire', 40, 300);
    await makeLotsDue(shop.communityId);
    await Promise.all([runExpiryJob(env), runExpiryJob(env), runExpiryJob(env)]);
    await untilNoLotsDue(shop.communityId);
    await new Promise((resolve) => setTimeout(resolve, 200)); // a few more of the peer's runs
    const rows = await expiredRowsByMember(shop.communityId);
    expect(rows).toHaveLength(40);
    expect(rows.every((row) => Number(row.n) === 1 && Number(row.amount) === -300)).toBe(true);
    const [{ points }] = await execute('select sum(points) as points from member where id in (?)', [crowd.map((m) => Number(m.memberId))]);
    expect(Number(points)).toBe(0);
  });

  it('redemptions racing the expiry of the same points: each member either spent them or lost them, never both, never below zero', async () => {
    const shop = await couponShop(env, 'x-spend'); // ¥5: 500 points
    await setPolicy(shop.owner.client, shop.communityId, 'ROLLING', 6);
    const crowd = await shop.crowdWith('x-spend', 40, 500);
    // The redemptions go out one after the other, and meanwhile the points fall due and both processes expire them.
    const [answers] = await Promise.all([
      Promise.all(
        crowd.map(async (member, i) => {
          await new Promise((resolve) => setTimeout(resolve, i * 4)); // spread over 160 ms, around the moment the points fall due
          return (i % 2 ? member.client : new GraphQLClient(peer.url, member.token)).request(REDEEM, { t: shop.templateId, r: newRequestId() });
        }),
      ),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 60));
        await makeLotsDue(shop.communityId);
        await runExpiryJob(env);
      })(),
    ]);
    await untilNoLotsDue(shop.communityId);
    const expired = new Map((await expiredRowsByMember(shop.communityId)).map((row) => [String(row.memberId), Number(row.amount)]));
    const kinds = answers.map((answer) => answer.data?.redeemCoupon?.__typename);
    crowd.forEach((member, i) => {
      if (kinds[i] === 'CouponRedeemed') expect(expired.has(member.memberId)).toBe(false);
      else {
        expect(kinds[i]).toBe('InsufficientPoints');
        expect(expired.get(member.memberId)).toBe(-500);
      }
    });
    const [{ points }] = await execute('select sum(points) as points from member where id in (?)', [crowd.map((m) => Number(m.memberId))]);
    expect(Number(points)).toBe(0);
    // Reported, not asserted: how the race fell this time.
    console.log(`redeemed ${kinds.filter((k) => k === 'CouponRedeemed').length}, expired ${expired.size}`);
  });
});
