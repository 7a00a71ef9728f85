import type { RequestContext } from '../context';
import type { CommunityLocator } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { GroupBuyEntry } from './group-buy-entry.entity';
import { GroupBuy } from './group-buy.entity';

/** The community of a row, read without loading the entity; null when there is no such row. */
async function communityOf(ctx: RequestContext, entity: typeof GroupBuy | typeof GroupBuyEntry, id: number): Promise<number | null> {
  const row = (await ctx.em.createQueryBuilder(entity).select('community').where({ id }).execute('get')) as { community?: number } | undefined;
  return row?.community == null ? null : Number(row.community);
}

/** For admin operations keyed by `groupBuyId`. */
export const groupBuyCommunity: CommunityLocator = (args, ctx) => communityOf(ctx, GroupBuy, parseId(args.groupBuyId as string, 'groupBuyId'));

/** For admin operations keyed by `entryId`. */
export const groupBuyEntryCommunity: CommunityLocator = (args, ctx) => communityOf(ctx, GroupBuyEntry, parseId(args.entryId as string, 'entryId'));
