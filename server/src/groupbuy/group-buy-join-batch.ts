import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Clock } from '../common/clock';
import type { ServiceContext } from '../service-context';
import { columnsOf } from '../db/entity-rows';
import { placeholders, runStatement, runStatementsAndCommit, selectRows, SqlTarget, Statement, StatementResult } from '../db/sql';
import { inSqlTransaction } from '../db/transaction';
import { LIVE } from './group-buy-entry.entity';
import type { ContentStatus } from '../content-safety/content-safety.enums';
import { GroupBuy } from './group-buy.entity';
import { openForJoins, openForJoinsParams } from './group-buy-status';

/** One member's join, checked already (active member, open, within the limit, no entry of theirs in the way). */
export interface JoinClaim {
  groupBuyId: number;
  communityId: number;
  memberId: number;
  quantity: number;
  note: string | null;
  /** REVIEW when WeChat's check of the note asked for a human: such a join goes alone, to queue the note in its transaction. */
  noteStatus: ContentStatus;
  requestId: string;
}

/** The columns of a new entry, as the INSERT writes them. */
export function entryColumns(claim: JoinClaim, seq: number, at: Date) {
  return { created_at: at, group_buy_id: claim.groupBuyId, community_id: claim.communityId, member_id: claim.memberId, seq, quantity: claim.quantity, note: claim.note, note_status: claim.noteStatus, request_id: claim.requestId, live_key: LIVE, picked_up: false, updated_at: at };
}

/** One INSERT of new entries (entryColumns rows); insertId is the first row's. */
export function insertEntries(tx: SqlTarget, rows: ReturnType<typeof entryColumns>[]): Promise<StatementResult> {
  const { sql, params } = entriesInsert(rows);
  return runStatement(tx, sql, params);
}

function entriesInsert(rows: ReturnType<typeof entryColumns>[]): Statement {
  const columns = Object.keys(rows[0]);
  return {
    sql: `insert into group_buy_entry (${columns.join(', ')}) values ${rows.map(() => `(${placeholders(columns.length)})`).join(', ')}`,
    params: rows.flatMap((row) => Object.values(row)),
  };
}

/**
 * What the batch did with a claim. `groupBuy` is the group-buy's row (columns prefixed `g__`) as the
 * batch's commit left it: the answer shows it without reading it again.
 */
export type ClaimOutcome =
  | { kind: 'joined'; entryId: number; seq: number; at: Date; groupBuy: Record<string, unknown> }
  /** `open`: the group-buy was still open for joins under the lock, so what ran out is the stock. */
  | { kind: 'refused'; at: Date; open: boolean; groupBuy: Record<string, unknown> }
  /** Not decided here (the same member twice in one batch, or a unique key refused the batch): join on your own. */
  | { kind: 'alone' };

interface Waiting {
  ctx: ServiceContext;
  claim: JoinClaim;
  resolve: (outcome: ClaimOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * The flash sale's critical section, shared (MySQL only). Joins of one group-buy that reach this
 * process while its previous batch is in the database wait and then go together in one transaction:
 * the group-buy row locked by `SELECT … FOR UPDATE`, the stock and the 接龙 numbers handed out in
 * arrival order while they last, one UPDATE of the row, one INSERT of every winner's entry. A flash of
 * n joins in one process so costs a handful of statements per batch instead of four per join, and a
 * loser none at all; across processes the row lock still orders the batches, so stock and numbers
 * stay exact and gap-free with any number of processes. A unique key refusing the INSERT (a member's
 * second join racing their first, in another process) sends the whole batch back to join one by one.
 */
export class GroupBuyJoinBatches {
  constructor(private readonly clock: Clock) {}

  private readonly queues = new Map<number, { waiting: Waiting[]; running: boolean }>();

  claim(ctx: ServiceContext, claim: JoinClaim): Promise<ClaimOutcome> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(claim.groupBuyId);
      if (!queue) {
        queue = { waiting: [], running: false };
        this.queues.set(claim.groupBuyId, queue);
      }
      queue.waiting.push({ ctx, claim, resolve, reject });
      // The batch starts once this turn of the event loop is done, so joins read in the same turn go together.
      if (!queue.running && queue.waiting.length === 1) setImmediate(() => this.run(claim.groupBuyId));
    });
  }

  private async run(groupBuyId: number): Promise<void> {
    const queue = this.queues.get(groupBuyId)!;
    queue.running = true;
    const members = new Set<number>();
    const batch: Waiting[] = [];
    for (const waiting of queue.waiting.splice(0)) {
      if (members.has(waiting.claim.memberId)) {
        waiting.resolve({ kind: 'alone' });
      } else {
        members.add(waiting.claim.memberId);
        batch.push(waiting);
      }
    }
    try {
      const outcomes = await decide(batch, this.clock.now());
      batch.forEach((waiting, i) => waiting.resolve(outcomes[i]));
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) batch.forEach((waiting) => waiting.resolve({ kind: 'alone' }));
      else batch.forEach((waiting) => waiting.reject(error));
    } finally {
      queue.running = false;
      if (queue.waiting.length) setImmediate(() => this.run(groupBuyId));
      else this.queues.delete(groupBuyId);
    }
  }
}

/** One transaction for the whole batch, decided at `now`; the outcomes in the batch's order. */
async function decide(batch: Waiting[], now: Date): Promise<ClaimOutcome[]> {
  const [{ ctx, claim: first }] = batch;
  const { em } = ctx;
  const decided = await inSqlTransaction(ctx, async (tx) => {
    // Open now: the condition the one-by-one join's conditional UPDATE checks (takeStockAndNumber).
    const [{ open_now: openNow, ...row }] = await selectRows<Record<string, unknown>>(
      tx,
      `select ${columnsOf(em, GroupBuy, 'g')}, (${openForJoins()}) as open_now from group_buy g where g.id = ? for update`,
      [...openForJoinsParams(now), first.groupBuyId],
    );
    const open = Number(openNow) === 1;
    const stock = Number(row.g__stock);
    let sold = Number(row.g__sold_quantity);
    let lastSeq = Number(row.g__last_seq);
    const seqs = batch.map(({ claim }) => {
      if (!open || sold > stock - claim.quantity) return null;
      sold += claim.quantity;
      lastSeq += 1;
      return lastSeq;
    });
    const winners = batch.map((waiting, i) => ({ claim: waiting.claim, seq: seqs[i] })).filter((winner): winner is { claim: JoinClaim; seq: number } => winner.seq !== null);
    const after = { ...row, g__sold_quantity: sold, g__participant_count: Number(row.g__participant_count) + winners.length, g__last_seq: lastSeq };
    if (winners.length) {
      // Decided under the row's lock, so both go with the COMMIT: the lock is held for one round trip after it was taken.
      await runStatementsAndCommit(tx, [
        { sql: 'update group_buy set sold_quantity = ?, participant_count = ?, last_seq = ? where id = ?', params: [sold, after.g__participant_count, lastSeq, first.groupBuyId] },
        entriesInsert(winners.map(({ claim, seq }) => entryColumns(claim, seq, now))),
      ]);
    }
    return { open, seqs, after, winners };
  });
  // The entries' ids by their 接龙 numbers (unique per group-buy), after the commit: nothing here relies on auto-increment order.
  const ids = new Map<number, number>();
  if (decided.winners.length) {
    const rows = await selectRows<{ id: number; seq: number }>(em, `select id, seq from group_buy_entry where group_buy_id = ? and seq in (${placeholders(decided.winners.length)})`, [
      first.groupBuyId,
      ...decided.winners.map((winner) => winner.seq),
    ]);
    for (const { id, seq } of rows) ids.set(Number(seq), Number(id));
  }
  return decided.seqs.map((seq) => (seq === null ? { kind: 'refused', at: now, open: decided.open, groupBuy: decided.after } : { kind: 'joined', seq, at: now, entryId: ids.get(seq)!, groupBuy: decided.after }));
}
