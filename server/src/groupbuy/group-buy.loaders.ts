import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { columnsOf, mapPrefixed } from '../db/entity-rows';
import { placeholders, selectRows } from '../db/sql';
import { GroupBuyEntry, LIVE } from './group-buy-entry.entity';

/** The first `first` live entries (by 接龙号) of each group-buy. */
interface EntriesPage {
  groupBuyId: number;
  first: number;
}

/** A member's live entry in a group-buy. */
interface MemberEntry {
  groupBuyId: number;
  memberId: number;
}

/**
 * The 接龙 lists of every group-buy a request shows, each cut at its page size in the database: one
 * statement per page size asked for (one in practice), whose window numbers each list's entries.
 */
async function livePages(em: EntityManager, keys: readonly EntriesPage[]): Promise<GroupBuyEntry[][]> {
  const pages = new Map<string, GroupBuyEntry[]>();
  for (const first of new Set(keys.map((key) => key.first))) {
    const ids = [...new Set(keys.filter((key) => key.first === first).map((key) => key.groupBuyId))];
    const rows = await selectRows<Record<string, unknown>>(
      em,
      `select ranked.* from (
         select ${columnsOf(em, GroupBuyEntry, 'e')}, row_number() over (partition by e.group_buy_id order by e.seq) as position
           from group_buy_entry e where e.group_buy_id in (${placeholders(ids.length)}) and e.live_key = ?
       ) ranked where ranked.position <= ? order by ranked.position`,
      [...ids, LIVE, first],
    );
    for (const id of ids) pages.set(`${id}:${first}`, []);
    for (const row of rows) {
      const entry = mapPrefixed(em, GroupBuyEntry, 'e', row);
      pages.get(`${entry.groupBuy.id}:${first}`)!.push(entry);
    }
  }
  return keys.map((key) => pages.get(`${key.groupBuyId}:${key.first}`)!);
}

/** One query for the 接龙 lists of every group-buy a request shows, and one for the caller's own entries in them. */
export function groupBuyLoaders(em: EntityManager) {
  return {
    groupBuyLiveEntries: new DataLoader<EntriesPage, GroupBuyEntry[], string>((keys) => livePages(em, keys), {
      cacheKeyFn: ({ groupBuyId, first }) => `${groupBuyId}:${first}`,
    }),
    groupBuyMemberEntry: new DataLoader<MemberEntry, GroupBuyEntry | null, string>(
      async (keys) => {
        const entries = await em.find(GroupBuyEntry, {
          groupBuy: { $in: [...new Set(keys.map((key) => key.groupBuyId))] },
          member: { $in: [...new Set(keys.map((key) => key.memberId))] },
          liveKey: LIVE,
        });
        return keys.map((key) => entries.find((entry) => entry.groupBuy.id === key.groupBuyId && entry.member.id === key.memberId) ?? null);
      },
      { cacheKeyFn: ({ groupBuyId, memberId }) => `${groupBuyId}:${memberId}` },
    ),
  };
}
