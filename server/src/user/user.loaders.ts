import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { byIds } from '../db/by-ids';
import { User } from './user.entity';

export function userLoaders(em: EntityManager) {
  return {
    user: new DataLoader<number, User | null>(async (ids) => byIds(await em.find(User, { id: { $in: [...ids] } }), ids)),
  };
}
