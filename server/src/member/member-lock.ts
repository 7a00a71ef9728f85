import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Member } from './member.entity';

/**
 * Serializes one member's business actions (check-in, redemption, refund…) on MySQL: the first
 * statement of the transaction takes the member row FOR UPDATE. Taking it first matters: a later
 * INSERT whose foreign key points at the member takes a shared lock on that row, and two such
 * shared locks upgraded to exclusive ones deadlock. Reads after the lock see every earlier action
 * of the member committed. (SQLite has one writer at a time; nothing to take there.)
 */
export async function lockMemberRow(em: EntityManager, memberId: number): Promise<void> {
  if (em.getPlatform().constructor.name !== 'MySqlPlatform') return;
  await em.findOneOrFail(Member, memberId, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'], refresh: true });
}
