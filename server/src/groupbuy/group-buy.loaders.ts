import DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { GroupBuyEntry, LIVE } from './group-buy-entry.entity';

const perRequest = new WeakMap<RequestContext, ReturnType<typeof createGroupBuyLoaders>>();

/** One query for the 接龙 lists of every group-buy a request shows. */
function createGroupBuyLoaders(ctx: RequestContext) {
  return {
    liveEntries: new DataLoader<number, GroupBuyEntry[]>(async (groupBuyIds) => {
      const entries = await ctx.em.find(GroupBuyEntry, { groupBuy: { $in: [...groupBuyIds] }, liveKey: LIVE }, { orderBy: { seq: 'asc' } });
      return groupBuyIds.map((id) => entries.filter((entry) => entry.groupBuy.id === id));
    }),
  };
}

export function groupBuyLoaders(ctx: RequestContext) {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = createGroupBuyLoaders(ctx);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
