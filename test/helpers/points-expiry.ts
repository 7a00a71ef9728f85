import type { EntityManager } from '@mikro-orm/knex';
import type { GraphQLClient } from './graphql-client';
import type { TestEnvironment } from './test-env';

export const SET_POLICY = `mutation ($c: ID!, $i: PointsExpiryPolicyInput!) { setPointsExpiryPolicy(communityId: $c, input: $i) { mode months } }`;
export const POLICY = `query ($c: ID!) { pointsExpiryPolicy(communityId: $c) { mode months } }`;
export const FORECAST = `query ($c: ID!) { pointsExpiryForecast(communityId: $c) { policy { mode months } next { points expiresOn } upcoming { points expiresOn } } }`;
export const LIABILITY = `query ($c: ID!, $f: String!, $t: String!) { pointsLiability(communityId: $c, from: $f, to: $t) {
  outstandingPoints liabilityFen expiringWithin30Days expiringWithin90Days expiredInRange } }`;

/** The instant of a community-local (Asia/Shanghai, UTC+8) wall-clock time. */
export const shanghai = (localDateTime: string) => new Date(`${localDateTime}+08:00`);

export async function setPolicy(client: GraphQLClient, communityId: string, mode: string, months: number | null = null) {
  return (await client.data(SET_POLICY, { c: communityId, i: { mode, months } })).setPointsExpiryPolicy;
}

export async function forecastOf(client: GraphQLClient, communityId: string) {
  return (await client.data(FORECAST, { c: communityId })).pointsExpiryForecast;
}

export async function balanceOf(client: GraphQLClient, communityId: string): Promise<{ points: number; lifetimePoints: number }> {
  return (await client.data(`{ membership(communityId: ${communityId}) { points lifetimePoints } }`)).membership;
}

/** The nightly job, as the periodic runner calls it. */
export function runExpiryJob(env: TestEnvironment) {
  return env.server.services.pointsExpiry.run(env.em());
}

/** The member's POINTS_EXPIRED ledger rows. */
export async function expiredRows(em: EntityManager, memberId: string): Promise<Array<{ amount: number; reference: string }>> {
  const rows = await em.getConnection().execute<Array<{ amount: number; reference: string }>>(`select amount, reference from points_entry where member_id = ? and type = 'POINTS_EXPIRED' order by id`, [Number(memberId)]);
  return rows.map((row) => ({ amount: Number(row.amount), reference: row.reference }));
}

/**
 * The lots' own invariant: in a community with a policy, a member's lots never hold more than the
 * balance (what is in no lot never expires), and no lot is below zero or above what it earned.
 */
export async function lotViolations(em: EntityManager): Promise<string[]> {
  const rows = await em.getConnection().execute<Array<{ id: number; points: number; inLots: number; badLots: number }>>(
    `select m.id, m.points, coalesce((select sum(l.remaining) from points_lot l where l.member_id = m.id), 0) as inLots,
            (select count(*) from points_lot l where l.member_id = m.id and (l.remaining < 0 or l.remaining > l.amount)) as badLots
       from member m`,
  );
  return rows.flatMap((row) => [
    ...(Number(row.inLots) > Number(row.points) ? [`member ${row.id}: lots hold ${row.inLots} > balance ${row.points}`] : []),
    ...(Number(row.badLots) > 0 ? [`member ${row.id}: ${row.badLots} lots out of range`] : []),
  ]);
}
