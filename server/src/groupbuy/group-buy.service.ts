import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { runStatement } from '../db/sql';
import { inTransaction, insertNew } from '../db/transaction';
import type { NotificationService } from '../notification/notification.service';
import type { ErrorResult } from '../graphql/error-result';
import { badInput } from '../graphql/graphql-errors';
import { requireUserId } from '../auth/require-user';
import { ADMIN_ROLES, MemberRole, MemberStatus } from '../member/member.enums';
import { GroupBuyEntry, LIVE } from './group-buy-entry.entity';
import { GroupBuy } from './group-buy.entity';
import { GroupBuyState, GroupBuyStatus } from './group-buy.enums';
import { OUTCOME_SQL, statusAt, whereStatus } from './group-buy-status';
import { EntryNotFound, GroupBuyClosed, GroupBuyInput, GroupBuyNotFound, GroupBuySaved, PickupRecorded, StockBelowSold } from './group-buy.types';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';

const MAX_DURATION_MS = 366 * 24 * 3600 * 1000;

/**
 * Group-buys as admins run them and members read them. Admin methods run behind
 * @RequireCommunityRole(ADMIN_ROLES); reads check active membership here.
 */
export class GroupBuyService {
  constructor(
    private readonly notices: NotificationService,
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
  ) {}

  /** Members see published ones (open, closed, cancelled); admins also see drafts. Newest start first. */
  async list(ctx: ServiceContext, communityId: number, status: GroupBuyStatus | undefined, first: number): Promise<GroupBuy[]> {
    const member = await this.access.requireActiveMember(ctx, communityId);
    const admin = isAdmin(member.role);
    if (!admin && status === GroupBuyStatus.DRAFT) return [];
    const now = this.clock.now();
    return ctx.em.find(
      GroupBuy,
      {
        $and: [
          { community: communityId },
          status ? whereStatus(status, now) : {},
          admin ? {} : { state: { $ne: GroupBuyState.DRAFT } },
        ],
      },
      { orderBy: { startsAt: 'desc', id: 'desc' }, limit: first },
    );
  }

  /** Null unless the caller is an active member of its community (and, for a draft, an admin). */
  async findVisible(ctx: ServiceContext, groupBuyId: number): Promise<GroupBuy | null> {
    const groupBuy = await ctx.em.findOne(GroupBuy, groupBuyId);
    if (!groupBuy) return null;
    const member = await this.access.callerMember(ctx, groupBuy.community.id);
    if (!member || member.status !== MemberStatus.ACTIVE) return null;
    if (groupBuy.state === GroupBuyState.DRAFT && !isAdmin(member.role)) return null;
    return groupBuy;
  }

  async create(ctx: ServiceContext, communityId: number, input: GroupBuyInput): Promise<GroupBuy> {
    const now = this.clock.now();
    const fields = checkedFields(input, now);
    return insertNew(ctx, GroupBuy, {
      ...fields,
      community: communityId,
      createdBy: requireUserId(ctx),
      state: input.draft ? GroupBuyState.DRAFT : GroupBuyState.PUBLISHED,
      createdAt: now,
      updatedAt: now,
    });
  }

  /**
   * Edits a draft or an open group-buy. The stock may not go below what is already taken: the
   * UPDATE itself says so (`sold_quantity <= new stock`), so a join cannot slip in between.
   */
  async update(ctx: ServiceContext, groupBuyId: number, input: GroupBuyInput): Promise<GroupBuySaved | ErrorResult> {
    const now = this.clock.now();
    const fields = checkedFields(input, now);
    const { affectedRows: updated } = await runStatement(
      ctx.em,
      `update group_buy
          set title = ?, description = ?, images = ?, price_fen = ?, original_price_fen = ?, stock = ?, per_member_limit = ?,
              min_participants = ?, starts_at = ?, ends_at = ?, pickup_note = ?, updated_at = ?
        where id = ? and sold_quantity <= ? and ${EDITABLE}`,
      [
        fields.title, fields.description, JSON.stringify(fields.images), fields.priceFen, fields.originalPriceFen, fields.stock, fields.perMemberLimit,
        fields.minParticipants, fields.startsAt, fields.endsAt, fields.pickupNote, now, groupBuyId, input.stock, ...editableParams(now),
      ],
    );
    const groupBuy = await ctx.em.findOne(GroupBuy, groupBuyId, { refresh: true });
    if (!groupBuy) return new GroupBuyNotFound();
    if (updated === 1) return saved(groupBuy);
    if (statusAt(groupBuy, now) === GroupBuyStatus.CLOSED || groupBuy.state === GroupBuyState.CANCELLED) return new GroupBuyClosed('团购已结束或已取消，不能再修改');
    return new StockBelowSold(groupBuy.soldQuantity);
  }

  /** DRAFT → published: open from startsAt. Publishing again is harmless. */
  async publish(ctx: ServiceContext, groupBuyId: number): Promise<GroupBuySaved | ErrorResult> {
    const now = this.clock.now();
    await runStatement(ctx.em, 'update group_buy set state = ?, updated_at = ? where id = ? and state = ? and ends_at > ?', [GroupBuyState.PUBLISHED, now, groupBuyId, GroupBuyState.DRAFT, now]);
    const groupBuy = await ctx.em.findOne(GroupBuy, groupBuyId, { refresh: true });
    if (!groupBuy) return new GroupBuyNotFound();
    if (groupBuy.state === GroupBuyState.DRAFT) return new GroupBuyClosed('结束时间已过，请先修改时间再发布');
    if (statusAt(groupBuy, now) !== GroupBuyStatus.OPEN) return new GroupBuyClosed('团购已结束或已取消');
    return saved(groupBuy);
  }

  /**
   * Early close: the outcome is decided by the same statement, from the participants at that
   * moment; the participants' GROUPBUY_RESULT messages are written in the same transaction, only
   * by the call whose UPDATE closed it (a second close changes nothing and tells nobody).
   */
  async close(ctx: ServiceContext, groupBuyId: number): Promise<GroupBuy> {
    const now = this.clock.now();
    await inTransaction(ctx, async (em) => {
      const closed = await runStatement(
        em,
        `update group_buy set state = ?, outcome = ${OUTCOME_SQL}, closed_at = ?, updated_at = ? where id = ? and state = ? and ends_at > ?`,
        [GroupBuyState.CLOSED, now, now, groupBuyId, GroupBuyState.PUBLISHED, now],
      );
      if (closed.affectedRows === 1) await this.notices.groupBuyClosedNotices(em, groupBuyId, now);
    });
    return ctx.em.findOneOrFail(GroupBuy, groupBuyId, { refresh: true });
  }

  /** Cancels whatever state it is in; entries stay for the record (payment happens outside the app). */
  async cancel(ctx: ServiceContext, groupBuyId: number): Promise<GroupBuy> {
    const now = this.clock.now();
    await runStatement(ctx.em, 'update group_buy set state = ?, updated_at = ? where id = ? and state <> ?', [GroupBuyState.CANCELLED, now, groupBuyId, GroupBuyState.CANCELLED]);
    return ctx.em.findOneOrFail(GroupBuy, groupBuyId, { refresh: true });
  }

  async setPickedUp(ctx: ServiceContext, entryId: number, pickedUp: boolean): Promise<PickupRecorded | ErrorResult> {
    const now = this.clock.now();
    const { affectedRows } = await runStatement(
      ctx.em,
      'update group_buy_entry set picked_up = ?, picked_up_at = ?, updated_at = ? where id = ? and live_key = ?',
      [pickedUp, pickedUp ? now : null, now, entryId, LIVE],
    );
    if (affectedRows !== 1) return new EntryNotFound('这条接龙已经取消了');
    return Object.assign(new PickupRecorded(), { entry: await ctx.em.findOneOrFail(GroupBuyEntry, entryId, { refresh: true }) });
  }

  /**
   * The closing job: every published group-buy past its end becomes CLOSED with its outcome.
   * Readers never wait for it (see statusAt); it keeps the stored rows honest and tells the
   * participants. One transaction per group-buy: its conditional UPDATE and its messages
   * commit together, and a process racing on the same row closes (and tells) nothing.
   */
  async closeDue(em: EntityManager, now: Date): Promise<number> {
    const due = await em.find(GroupBuy, { state: GroupBuyState.PUBLISHED, endsAt: { $lte: now } }, { fields: ['id'], orderBy: { endsAt: 'asc' }, limit: 100 });
    let closed = 0;
    for (const { id } of due) {
      closed += await em.fork({ clear: true }).transactional(async (tx) => {
        const { affectedRows: changed } = await runStatement(
          tx as EntityManager,
          `update group_buy set state = ?, outcome = ${OUTCOME_SQL}, closed_at = ends_at where id = ? and state = ? and ends_at <= ?`,
          [GroupBuyState.CLOSED, id, GroupBuyState.PUBLISHED, now],
        );
        if (changed === 1) await this.notices.groupBuyClosedNotices(tx as EntityManager, id, now);
        tx.clear();
        return changed;
      });
    }
    return closed;
  }
}

function isAdmin(role: MemberRole): boolean {
  return (ADMIN_ROLES as readonly MemberRole[]).includes(role);
}

/** Drafts, and published ones before their end (with editableParams). */
const EDITABLE = '(state = ? or (state = ? and ends_at > ?))';
const editableParams = (now: Date) => [GroupBuyState.DRAFT, GroupBuyState.PUBLISHED, now];

function saved(groupBuy: GroupBuy): GroupBuySaved {
  return Object.assign(new GroupBuySaved(), { groupBuy });
}

/** The input's rules that span fields, and its columns, trimmed. */
function checkedFields(input: GroupBuyInput, now: Date) {
  const title = input.title.trim();
  if (!title) throw badInput('请填写团购标题', 'input.title');
  if (input.endsAt.getTime() <= input.startsAt.getTime()) throw badInput('结束时间需要晚于开始时间', 'input.endsAt');
  if (input.endsAt.getTime() <= now.getTime()) throw badInput('结束时间需要晚于现在', 'input.endsAt');
  if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_DURATION_MS) throw badInput('团购最长持续一年', 'input.endsAt');
  if (input.originalPriceFen != null && input.originalPriceFen < input.priceFen) throw badInput('划线价不能低于团购价', 'input.originalPriceFen');
  if (input.perMemberLimit != null && input.perMemberLimit > input.stock) throw badInput('每人限购不能超过库存', 'input.perMemberLimit');
  return {
    title,
    description: input.description?.trim() || null,
    images: input.images ?? [],
    priceFen: input.priceFen,
    originalPriceFen: input.originalPriceFen ?? null,
    stock: input.stock,
    perMemberLimit: input.perMemberLimit ?? null,
    minParticipants: input.minParticipants,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    pickupNote: input.pickupNote?.trim() || null,
  };
}
