import type { EntityManager } from '@mikro-orm/knex';

/**
 * Serializes one member's business actions (check-in, redemption, refund…) on MySQL: the first
 * statement of the transaction takes the member row FOR UPDATE. Taking it first matters: a later
 * INSERT whose foreign key points at the member takes a shared lock on that row, and two such
 * shared locks upgraded to exclusive ones deadlock. Reads after the lock see every earlier action
 * of the member committed. (SQLite has one writer at a time; nothing to take there.)
 *
 * A raw statement on purpose: loading the row through the EntityManager would refresh the
 * request's managed Member, and the commit-time flush would write its stale fields back.
 */
export async function lockMemberRow(em: EntityManager, memberId: number): Promise<void> {
  if (em.getPlatform().constructor.name !== 'MySqlPlatform') return;
  await em.getConnection().execute('select id from member where id = ? for update', [memberId], 'all', em.getTransactionContext());
}
