import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { GroupBuyEntry, LIVE } from './group-buy-entry.entity';

/** One query for the 接龙 lists of every group-buy a request shows. */
export function groupBuyLoaders(em: EntityManager) {
  return {
    groupBuyLiveEntries: new DataLoader<number, GroupBuyEntry[]>(async (groupBuyIds) => {
      const entries = await em.find(GroupBuyEntry, { groupBuy: { $in: [...groupBuyIds] }, liveKey: LIVE }, { orderBy: { seq: 'asc' } });
      return groupBuyIds.map((id) => entries.filter((entry) => entry.groupBuy.id === id));
    }),
  };
}
