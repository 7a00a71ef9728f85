import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { byIds } from '../db/by-ids';
import { Community } from './community.entity';

export function communityLoaders(em: EntityManager) {
  return {
    community: new DataLoader<number, Community | null>(async (ids) => byIds(await em.find(Community, { id: { $in: [...ids] } }), ids)),
  };
}
