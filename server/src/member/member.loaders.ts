import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { byIds } from '../db/by-ids';
import { Member } from './member.entity';

export function memberLoaders(em: EntityManager) {
  return {
    member: new DataLoader<number, Member | null>(async (ids) => byIds(await em.find(Member, { id: { $in: [...ids] } }), ids)),
  };
}
