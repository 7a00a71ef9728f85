import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { LimitReached, NotActiveMember, SoldOut } from '../graphql/common-errors';
import type { ErrorResult } from '../graphql/error-result';
import { badInput } from '../graphql/graphql-errors';
import { columnsOf, mapPrefixed } from '../db/entity-rows';
import { readTogether } from '../db/read-together';
import { isMySql, runStatement, selectRows, SqlTarget } from '../db/sql';
import { requireUserId } from '../auth/require-user';
import { RollbackWith, inSqlTransaction } from '../db/transaction';
import { MemberStatus } from '../member/member.enums';
import { GroupBuyEntry, LIVE } from './group-buy-entry.entity';
import { GroupBuy } from './group-buy.entity';
import { GroupBuyState, GroupBuyStatus } from './group-buy.enums';
import { ACCEPTING_CHANGES, acceptingChangesParams, openForJoins, openForJoinsParams, statusAt } from './group-buy-status';
import {
  AlreadyJoined,
  EntryNotFound,
  GroupBuyClosed,
  GroupBuyEntryCancelled,
  GroupBuyEntryUpdated,
  GroupBuyJoined,
  GroupBuyNotFound,
  GroupBuyNotStarted,
} from './group-buy.types';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';
import { entryColumns, insertEntries, type GroupBuyJoinBatches, type JoinClaim } from './group-buy-join-batch';
import { releaseEntry } from './group-buy-entry-release';
import { CheckScene, ContentStatus, ContentTargetType, TextVerdict } from '../content-safety/content-safety.enums';
import { ContentRejected } from '../content-safety/content-safety.types';
import type { TextCheckService } from '../content-safety/text-check.service';
import type { ModerationService } from '../content-safety/moderation.service';

export interface JoinRequest {
  quantity: number;
  note?: string | null;
  requestId: string;
}

/** A conditional UPDATE matched nothing: look again at the row and answer why (or try again). */
const REFUSED = Symbol('refused');
/** The entry changed between reading it and locking the group-buy: start over. */
const ENTRY_MOVED = Symbol('entry moved');
const ATTEMPTS = 4;

/**
 * Members' side of the 接龙: join, change the quantity, cancel. Every change of stock happens while
 * its transaction holds the group-buy row's lock, taken first (the join batch's `FOR UPDATE`, or a
 * conditional UPDATE — `sold_quantity + ? <= stock`, affected rows checked); that lock also orders
 * the 接龙 numbers, so they are unique and handed out 1, 2, 3 … in join order. Entries are written
 * after the lock, so their foreign key never takes a shared lock on the row first.
 */
export class GroupBuyEntryService {
  /** A join's first read, shared by the joins of the same moment (read-together.ts): a flash's taps read in a few statements, not one each. */
  private readonly joinReads: DataLoader<JoinReadKey, Record<string, unknown>[] | undefined>;

  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly batches: GroupBuyJoinBatches,
    orm: MikroORM,
    private readonly texts: TextCheckService,
    private readonly moderation: ModerationService,
  ) {
    this.joinReads = readTogether(orm, (em, keys) => this.readForJoins(em, keys));
  }

  /**
   * The flash-sale path (hundreds of members at 21:00). One read gives everything the checks need
   * (readForJoins: the group-buy and whether it is open for joins now, the caller's member row, the
   * caller's entries that a replay or a second join would find), one statement for all the joins of the
   * same moment. On MySQL the common case — open, an active member, no entry in the way — then goes
   * through the database with those joins (joinInBatch). Everything else, every join on SQLite, and a join the batch sends back is decided
   * here on entities, in a transaction of its own (joinAlone), after which a join the database refused
   * reads the group-buy and those entries again, in one statement, to say why.
   */
  async join(ctx: ServiceContext, groupBuyId: number, request: JoinRequest): Promise<GroupBuyJoined | ErrorResult> {
    const noteStatus = noteStatusOf(await this.texts.checkCallerText(ctx, request.note, CheckScene.COMMENT));
    if (!noteStatus) return new ContentRejected();
    const rows = (await this.joinReads.load({ groupBuyId, userId: requireUserId(ctx), requestId: request.requestId }))!;
    if (!rows.length) return new GroupBuyNotFound();
    if (isMySql(ctx.em) && isOpenToActiveMember(rows) && noteStatus === ContentStatus.VISIBLE) {
      const decided = await this.joinInBatch(ctx, groupBuyId, rows[0], request);
      if (decided) return decided;
    }

    const found = mapPrefixed(ctx.em, GroupBuy, 'g', rows[0]);
    if (found.state === GroupBuyState.DRAFT) return new GroupBuyNotFound();
    const member = await this.access.adoptCallerMember(ctx, found.community.id, rows[0]);
    if (!member) return new GroupBuyNotFound(); // a stranger learns nothing about another community
    if (member.status !== MemberStatus.ACTIVE) return new NotActiveMember();

    const claim = joinClaim(groupBuyId, found.community.id, member.id, request, noteStatus);
    let state = { groupBuy: found, ...ownEntries(ctx.em, rows, groupBuyId, request.requestId) };
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      if (state.previous) return this.replay(ctx, state.previous, groupBuyId);
      if (state.live) return new AlreadyJoined(state.live);
      const refusal = this.joinRefusal(state.groupBuy, request.quantity, this.clock.now());
      if (refusal) return refusal;

      // One by one: on SQLite, sent back by the batch, or after a race with this member's other requests.
      let entry: GroupBuyEntry | typeof REFUSED;
      try {
        entry = await this.joinAlone(ctx, claim);
      } catch (error) {
        // The unique keys answered: the same requestId, or another live entry of this member, both
        // written by a request racing this one; the next round finds them.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        state = await this.readAgain(ctx, groupBuyId, member.id, request.requestId);
        continue;
      }
      if (entry !== REFUSED) return Object.assign(new GroupBuyJoined(), { entry, groupBuy: (await groupBuyById(ctx.em, groupBuyId))! });
      // Refused by the database: the next round looks at the row again and says why.
      state = await this.readAgain(ctx, groupBuyId, member.id, request.requestId);
    }
    return new SoldOut();
  }

  /**
   * A join of the flash sale's common case on MySQL, with the others of the same moment
   * (group-buy-join-batch.ts). Decided on the row's own columns: a loser, most of a flash, maps no
   * entity at all (neither the group-buy nor the caller's member). Null when the batch sends the join
   * back to go alone.
   */
  private async joinInBatch(ctx: ServiceContext, groupBuyId: number, row: Record<string, unknown>, request: JoinRequest): Promise<GroupBuyJoined | ErrorResult | null> {
    const communityId = Number(row.g__community_id);
    const memberId = await this.access.adoptActiveCallerMemberRow(ctx, communityId, row);
    const early = openJoinRefusal(stockOfRow(row), request.quantity);
    if (early) return early;
    const claim = joinClaim(groupBuyId, communityId, memberId, request, ContentStatus.VISIBLE);
    const outcome = await this.batches.claim(ctx, claim);
    switch (outcome.kind) {
      case 'joined': {
        const entry = mapEntry(ctx.em, { id: outcome.entryId, ...entryColumns(claim, outcome.seq, outcome.at) });
        return Object.assign(new GroupBuyJoined(), { entry, groupBuy: mapPrefixed(ctx.em, GroupBuy, 'g', outcome.groupBuy) });
      }
      case 'refused': {
        const refusal = outcome.open ? openJoinRefusal(stockOfRow(outcome.groupBuy), request.quantity) : this.joinRefusal(mapPrefixed(ctx.em, GroupBuy, 'g', outcome.groupBuy), request.quantity, outcome.at);
        return refusal ?? new SoldOut();
      }
      case 'alone':
        return null;
    }
  }

  /**
   * A join in a transaction of its own: the conditional UPDATE that takes the stock and the 接龙
   * number (the group-buy row stays locked until commit), then the entry INSERT.
   */
  private joinAlone(ctx: ServiceContext, claim: JoinClaim): Promise<GroupBuyEntry | typeof REFUSED> {
    const now = this.clock.now();
    return inSqlTransaction<GroupBuyEntry | typeof REFUSED>(ctx, async (tx) => {
      const seq = await takeStockAndNumber(tx, claim.groupBuyId, claim.quantity, now);
      if (seq === null) throw new RollbackWith(REFUSED);
      const row = entryColumns(claim, seq, now);
      const { insertId } = await insertEntries(tx, [row]);
      if (claim.noteStatus === ContentStatus.REVIEW) await this.queueNoteForReview(ctx, tx, insertId, claim.communityId, now);
      return mapEntry(ctx.em, { id: insertId, ...row });
    });
  }

  async updateQuantity(ctx: ServiceContext, entryId: number, quantity: number, note: string | null | undefined): Promise<GroupBuyEntryUpdated | ErrorResult> {
    const noteStatus = noteStatusOf(await this.texts.checkCallerText(ctx, note, CheckScene.COMMENT));
    if (!noteStatus) return new ContentRejected();
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const entry = await this.ownLiveEntry(ctx, entryId);
      if (!entry) return new EntryNotFound();
      const groupBuy = entry.groupBuy;
      const now = this.clock.now();
      const refusal = changeRefusal(groupBuy, now) ?? limitRefusal(groupBuy, quantity);
      if (refusal) return refusal;

      const delta = quantity - entry.quantity;
      const outcome = await inSqlTransaction<true | typeof REFUSED | typeof ENTRY_MOVED>(ctx, async (tx) => {
        // More units only while `sold_quantity <= stock - delta`: the sum of quantities stays within the stock.
        const moved = await runStatement(
          tx,
          `update group_buy set sold_quantity = sold_quantity + ? where id = ? and ${ACCEPTING_CHANGES}${delta > 0 ? ' and sold_quantity <= stock - ?' : ''}`,
          [delta, groupBuy.id, ...acceptingChangesParams(now), ...(delta > 0 ? [delta] : [])],
        );
        if (moved.affectedRows !== 1) throw new RollbackWith(REFUSED);
        const keepsNote = note === undefined || note === null;
        // A new note is new content: its status is its own check's, whatever the old one's was.
        const changed = await runStatement(
          tx,
          `update group_buy_entry set quantity = ?${keepsNote ? '' : ', note = ?, note_status = ?'}, updated_at = ? where id = ? and quantity = ? and live_key = ?`,
          [quantity, ...(keepsNote ? [] : [cleanNote(note), noteStatus]), now, entry.id, entry.quantity, LIVE],
        );
        if (changed.affectedRows !== 1) throw new RollbackWith(ENTRY_MOVED);
        if (!keepsNote && cleanNote(note) && noteStatus === ContentStatus.REVIEW) await this.queueNoteForReview(ctx, tx, entry.id, groupBuy.community.id, now);
        return true;
      });
      if (outcome === true) {
        const [fresh, freshGroupBuy] = await Promise.all([this.reload(ctx, entry.id), ctx.em.findOneOrFail(GroupBuy, groupBuy.id, { refresh: true })]);
        return Object.assign(new GroupBuyEntryUpdated(), { entry: fresh, groupBuy: freshGroupBuy });
      }
      if (outcome === REFUSED) {
        const current = await ctx.em.findOneOrFail(GroupBuy, groupBuy.id, { refresh: true });
        const why = changeRefusal(current, now);
        if (why) return why;
        const remaining = current.stock - current.soldQuantity;
        if (remaining < delta) return soldOut(remaining, true);
      }
      // ENTRY_MOVED, or the stock came back meanwhile: read everything again.
    }
    return new SoldOut();
  }

  private queueNoteForReview(ctx: ServiceContext, tx: SqlTarget, entryId: number, communityId: number, at: Date): Promise<void> {
    return this.moderation.queueForReview(tx, { type: ContentTargetType.GROUP_BUY_NOTE, id: entryId, communityId, authorUserId: requireUserId(ctx) }, at);
  }

  async cancel(ctx: ServiceContext, entryId: number): Promise<GroupBuyEntryCancelled | ErrorResult> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const entry = await this.ownLiveEntry(ctx, entryId);
      if (!entry) return new EntryNotFound();
      const groupBuy = entry.groupBuy;
      const now = this.clock.now();
      const refusal = changeRefusal(groupBuy, now);
      if (refusal) return refusal;

      const outcome = await inSqlTransaction<true | typeof REFUSED | typeof ENTRY_MOVED>(ctx, async (tx) => {
        const released = await releaseEntry(tx, { id: entry.id, groupBuyId: groupBuy.id, quantity: entry.quantity }, now);
        if (released === 'closed') throw new RollbackWith(REFUSED);
        if (released === 'moved') throw new RollbackWith(ENTRY_MOVED);
        return true;
      });
      if (outcome === true) {
        return Object.assign(new GroupBuyEntryCancelled(), { groupBuy: await ctx.em.findOneOrFail(GroupBuy, groupBuy.id, { refresh: true }) });
      }
      if (outcome === REFUSED) {
        const why = changeRefusal(await ctx.em.findOneOrFail(GroupBuy, groupBuy.id, { refresh: true }), now);
        if (why) return why;
      }
    }
    return new EntryNotFound();
  }

  /** Refusals visible before taking any lock; the conditional UPDATE has the last word. */
  private joinRefusal(groupBuy: GroupBuy, quantity: number, now: Date): ErrorResult | null {
    const closed = changeRefusal(groupBuy, now, '团购已结束');
    if (closed) return closed;
    if (now < groupBuy.startsAt) return new GroupBuyNotStarted(groupBuy.startsAt);
    return openJoinRefusal({ perMemberLimit: groupBuy.perMemberLimit ?? null, remaining: groupBuy.stock - groupBuy.soldQuantity }, quantity);
  }

  /**
   * The rows each join decides on, for every join of this moment in one statement: per key, the
   * group-buy and whether it is open for joins now, the user's member row and community (NULL when
   * not a member), and their entries that a replay or a second join would find (one row each, or
   * one row with a NULL `e__id`). No rows: no such group-buy.
   */
  private async readForJoins(em: EntityManager, keys: readonly JoinReadKey[]): Promise<Array<Record<string, unknown>[]>> {
    const member = this.access.memberJoin(em, 'g.community_id', 'k.user_id');
    const rows = await selectRows<Record<string, unknown>>(
      em,
      `select k.key_index as k__index, ${columnsOf(em, GroupBuy, 'g')}, (${openForJoins('g')}) as open_now, ${member.columns}, ${columnsOf(em, GroupBuyEntry, 'e')}
         from (${keys.map(() => 'select ? as key_index, ? as group_buy_id, ? as user_id, ? as request_id').join(' union all ')}) k
         join group_buy g on g.id = k.group_buy_id
         ${member.join}
         ${OWN_ENTRIES_JOIN('m.id', 'k.request_id')}`,
      [...openForJoinsParams(this.clock.now()), ...keys.flatMap((key, i) => [i, key.groupBuyId, key.userId, key.requestId]), LIVE],
    );
    const byKey = keys.map((): Record<string, unknown>[] => []);
    for (const row of rows) byKey[Number(row.k__index)].push(row);
    return byKey;
  }

  /** The group-buy as it is now, and the member's entries a replay or a second join would find, in one statement. */
  private async readAgain(ctx: ServiceContext, groupBuyId: number, memberId: number, requestId: string) {
    const rows = await selectRows<Record<string, unknown>>(
      ctx.em,
      `select ${columnsOf(ctx.em, GroupBuy, 'g')}, ${columnsOf(ctx.em, GroupBuyEntry, 'e')} from group_buy g ${OWN_ENTRIES_JOIN('?', '?')} where g.id = ?`,
      [memberId, requestId, LIVE, groupBuyId],
    );
    return { groupBuy: mapPrefixed(ctx.em, GroupBuy, 'g', rows[0]), ...ownEntries(ctx.em, rows, groupBuyId, requestId) };
  }

  /** The first result of a requestId. The same id for another group-buy is a client bug. */
  private replay(ctx: ServiceContext, previous: GroupBuyEntry, groupBuyId: number): Promise<GroupBuyJoined> {
    if (previous.groupBuy.id !== groupBuyId) throw badInput('这个 requestId 已经用于另一个团购', 'requestId');
    return this.joined(ctx, previous.id, groupBuyId);
  }

  /** The entry and its group-buy as they are now (after the commit: no lock held while reading). */
  private async joined(ctx: ServiceContext, entryId: number, groupBuyId: number): Promise<GroupBuyJoined> {
    const [entry, groupBuy] = await Promise.all([entryById(ctx.em, entryId), groupBuyById(ctx.em, groupBuyId)]);
    return Object.assign(new GroupBuyJoined(), { entry: entry!, groupBuy: groupBuy! });
  }

  private reload(ctx: ServiceContext, entryId: number): Promise<GroupBuyEntry> {
    return ctx.em.findOneOrFail(GroupBuyEntry, entryId, { refresh: true });
  }

  /** The caller's own live entry (as an active member), with its group-buy; null otherwise. */
  private async ownLiveEntry(ctx: ServiceContext, entryId: number): Promise<(GroupBuyEntry & { groupBuy: GroupBuy }) | null> {
    const entry = await ctx.em.findOne(GroupBuyEntry, { id: entryId, liveKey: LIVE }, { populate: ['groupBuy'], refresh: true });
    if (!entry) return null;
    const member = await this.access.callerMember(ctx, entry.community.id);
    if (!member || member.status !== MemberStatus.ACTIVE || member.id !== entry.member.id) return null;
    return entry as GroupBuyEntry & { groupBuy: GroupBuy };
  }
}

/** Members join, change quantities and cancel only while the group-buy is open. */
function changeRefusal(groupBuy: GroupBuy, now: Date, closedMessage = '团购已结束，不能再修改'): ErrorResult | null {
  switch (statusAt(groupBuy, now)) {
    case GroupBuyStatus.OPEN:
      return null;
    case GroupBuyStatus.CANCELLED:
      return new GroupBuyClosed('团购已取消');
    case GroupBuyStatus.DRAFT:
      return new GroupBuyNotFound();
    case GroupBuyStatus.CLOSED:
      return new GroupBuyClosed(closedMessage);
  }
}

/** What a join's refusal depends on once the group-buy is open: its per-member limit and the units left. */
interface JoinStock {
  perMemberLimit: number | null;
  remaining: number;
}

/** A join of an open group-buy is refused over the per-member limit, or when fewer units are left. */
function openJoinRefusal(stock: JoinStock, quantity: number): ErrorResult | null {
  return limitRefusal(stock, quantity) ?? (stock.remaining < quantity ? soldOut(stock.remaining, false) : null);
}

/** JoinStock out of a row with the group-buy's columns (prefix `g__`), as read, without mapping the entity. */
function stockOfRow(row: Record<string, unknown>): JoinStock {
  return { perMemberLimit: row.g__per_member_limit == null ? null : Number(row.g__per_member_limit), remaining: Number(row.g__stock) - Number(row.g__sold_quantity) };
}

/** The join read one row (no entry of the caller's matched), open for joins now, with the caller an active member. */
function isOpenToActiveMember(rows: Record<string, unknown>[]): boolean {
  const [row] = rows;
  return rows.length === 1 && row.e__id == null && row.m__id != null && row.m__status === MemberStatus.ACTIVE && Number(row.open_now) === 1;
}

function joinClaim(groupBuyId: number, communityId: number, memberId: number, request: JoinRequest, noteStatus: ContentStatus): JoinClaim {
  const note = cleanNote(request.note);
  return { groupBuyId, communityId, memberId, quantity: request.quantity, note, noteStatus: note ? noteStatus : ContentStatus.VISIBLE, requestId: request.requestId };
}

/** A note's status after WeChat's check: null when it is refused (risky). */
function noteStatusOf(verdict: TextVerdict): ContentStatus | null {
  if (verdict === TextVerdict.RISKY) return null;
  return verdict === TextVerdict.REVIEW ? ContentStatus.REVIEW : ContentStatus.VISIBLE;
}

function limitRefusal(groupBuy: Pick<GroupBuy, 'perMemberLimit'>, quantity: number): LimitReached | null {
  const limit = groupBuy.perMemberLimit;
  return limit != null && quantity > limit ? new LimitReached(limit, `每人限购 ${limit} 份`) : null;
}

function soldOut(remaining: number, changing: boolean): InstanceType<typeof SoldOut> {
  if (remaining <= 0) return new SoldOut(changing ? '已经抢光了，不能再加了' : '已经抢光了');
  return new SoldOut(changing ? `最多还能再加 ${remaining} 份` : `只剩 ${remaining} 份了`);
}

function cleanNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim();
  return trimmed ? trimmed : null;
}

/**
 * Joined to `group_buy g`: the entries of member `memberId` that decide a join — the one its
 * `requestId` made before (on any group-buy: reusing it elsewhere is refused) and its live entry
 * here. Both are columns or `?`; LIVE is the last parameter. Rows without an entry have a NULL `e__id`.
 */
const OWN_ENTRIES_JOIN = (memberId: string, requestId: string) =>
  `left join group_buy_entry e on e.member_id = ${memberId} and (e.request_id = ${requestId} or (e.group_buy_id = g.id and e.live_key = ?))`;

/** Who joins what: the key of a join's first read. */
interface JoinReadKey {
  groupBuyId: number;
  userId: number;
  requestId: string;
}

function ownEntries(em: EntityManager, rows: Record<string, unknown>[], groupBuyId: number, requestId: string) {
  const entries = rows.filter((row) => row.e__id != null).map((row) => mapPrefixed(em, GroupBuyEntry, 'e', row));
  return {
    previous: entries.find((entry) => entry.requestId === requestId) ?? null,
    live: entries.find((entry) => entry.groupBuy.id === groupBuyId && entry.liveKey === LIVE) ?? null,
  };
}

/**
 * The join's critical section, step one: takes `quantity` units and the next 接龙 number in one
 * conditional UPDATE of the group-buy row, whose lock the transaction then holds until commit.
 * @returns the 接龙 number, or null when the row refused (sold out, closed, not started).
 *
 * Every round trip made while holding that lock delays every other join of the group-buy, so on
 * MySQL the number comes back in the UPDATE's own reply (`last_seq = LAST_INSERT_ID(last_seq + 1)`
 * sets the connection's insert id); SQLite has one writer at a time and simply reads it back.
 */
async function takeStockAndNumber(tx: SqlTarget, groupBuyId: number, quantity: number, now: Date): Promise<number | null> {
  const mysql = isMySql(tx);
  const taken = await runStatement(
    tx,
    `update group_buy set sold_quantity = sold_quantity + ?, participant_count = participant_count + 1,
            last_seq = ${mysql ? 'last_insert_id(last_seq + 1)' : 'last_seq + 1'}
      where id = ? and ${openForJoins()} and sold_quantity <= stock - ?`,
    [quantity, groupBuyId, ...openForJoinsParams(now), quantity],
  );
  if (taken.affectedRows !== 1) return null;
  if (mysql) return taken.insertId;
  const [row] = await selectRows<{ lastSeq: number }>(tx, 'select last_seq as lastSeq from group_buy where id = ?', [groupBuyId]);
  return Number(row.lastSeq);
}

/** A group-buy as it is now, mapped into the request's EntityManager (refreshing a loaded one). */
async function groupBuyById(em: EntityManager, id: number): Promise<GroupBuy | null> {
  const [row] = await selectRows<Record<string, unknown>>(em, `select ${columnsOf(em, GroupBuy, 'g')} from group_buy g where g.id = ?`, [id]);
  return row ? mapPrefixed(em, GroupBuy, 'g', row) : null;
}

/** An entry from its columns (as the INSERT wrote them), without reading it back. */
function mapEntry(em: EntityManager, columns: Record<string, unknown>): GroupBuyEntry {
  const row: Record<string, unknown> = { e__picked_up_at: null, e__cancelled_at: null };
  for (const [column, value] of Object.entries(columns)) row[`e__${column}`] = value;
  return mapPrefixed(em, GroupBuyEntry, 'e', row);
}

async function entryById(em: EntityManager, id: number): Promise<GroupBuyEntry | null> {
  const [row] = await selectRows<Record<string, unknown>>(em, `select ${columnsOf(em, GroupBuyEntry, 'e')} from group_buy_entry e where e.id = ?`, [id]);
  return row ? mapPrefixed(em, GroupBuyEntry, 'e', row) : null;
}
