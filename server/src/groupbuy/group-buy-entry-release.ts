import { isMySql, runStatement, selectRows, SqlTarget } from '../db/sql';
import { LIVE } from './group-buy-entry.entity';
import { ACCEPTING_CHANGES, acceptingChangesParams } from './group-buy-status';

export interface LiveEntry {
  id: number;
  groupBuyId: number;
  quantity: number;
}

/**
 * An entry's stock goes back to its group-buy and the entry ends — while the group-buy still accepts
 * changes (its conditional UPDATE takes the group-buy row's lock, as every change of stock does). A
 * member's cancel and a ban both end entries this way.
 * @returns `closed` when the group-buy no longer accepts changes (nothing changed), `moved` when the
 * entry is not live with that quantity any more (the stock was given back: roll back).
 */
export async function releaseEntry(tx: SqlTarget, entry: LiveEntry, now: Date): Promise<'released' | 'closed' | 'moved'> {
  const released = await runStatement(
    tx,
    `update group_buy set sold_quantity = sold_quantity - ?, participant_count = participant_count - 1 where id = ? and ${ACCEPTING_CHANGES}`,
    [entry.quantity, entry.groupBuyId, ...acceptingChangesParams(now)],
  );
  if (released.affectedRows !== 1) return 'closed';
  const cancelled = await runStatement(
    tx,
    'update group_buy_entry set live_key = null, cancelled_at = ?, updated_at = ? where id = ? and quantity = ? and live_key = ?',
    [now, now, entry.id, entry.quantity, LIVE],
  );
  return cancelled.affectedRows === 1 ? 'released' : 'moved';
}

/**
 * A banned member's live entries in group-buys that still accept changes end and their stock goes
 * back, inside the ban's transaction. The entries are locked first, so none of them moves meanwhile;
 * entries of closed group-buys stay as the settled record. @returns how many were released.
 */
export async function releaseEntriesOfMember(tx: SqlTarget, memberId: number, now: Date): Promise<number> {
  const entries = await selectRows<{ id: number; groupBuyId: number; quantity: number }>(
    tx,
    `select id, group_buy_id as groupBuyId, quantity from group_buy_entry where member_id = ? and live_key = ? order by group_buy_id${isMySql(tx) ? ' for update' : ''}`,
    [memberId, LIVE],
  );
  let released = 0;
  for (const row of entries) {
    const outcome = await releaseEntry(tx, { id: Number(row.id), groupBuyId: Number(row.groupBuyId), quantity: Number(row.quantity) }, now);
    if (outcome === 'moved') throw new Error(`group-buy entry ${row.id} moved while locked`);
    if (outcome === 'released') released += 1;
  }
  return released;
}
