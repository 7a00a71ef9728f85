import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { placeholders, selectRows } from '../db/sql';
import type { Tier } from './tier.entity';

export type TierRow = Pick<Tier, 'level' | 'name' | 'threshold' | 'multiplierPercent'>;

export function tierLoaders(em: EntityManager) {
  return {
    /** A community's tiers, lowest level first (read on every check-in and home page: hand-written SQL). */
    tiers: new DataLoader<number, TierRow[]>(async (ids) => {
      const rows = await selectRows<TierRow & { community_id: number }>(
        em,
        `select community_id, level, name, threshold, multiplier_percent as multiplierPercent
           from member_tier where community_id in (${placeholders(ids.length)}) order by level`,
        [...ids],
      );
      return ids.map((id) => rows.filter((tier) => Number(tier.community_id) === id));
    }),
  };
}
