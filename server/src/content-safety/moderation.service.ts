import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Clock } from '../common/clock';
import { insertIgnoreInto, placeholders, runStatement, selectRows, SqlTarget } from '../db/sql';
import { inSqlTransaction, RollbackWith } from '../db/transaction';
import { requireUserId } from '../auth/require-user';
import { NotActiveMember } from '../graphql/common-errors';
import { decodeCursor, encodeCursor, pageOf } from '../graphql/cursor-page';
import type { ErrorResult } from '../graphql/error-result';
import type { MemberAccessService } from '../member/member-access.service';
import { MemberStatus } from '../member/member.enums';
import type { ServiceContext } from '../service-context';
import { OPEN_REPORT } from './content-report.entity';
import { ContentStatus, ContentTargetType, ModerationItemStatus, ReportReason } from './content-safety.enums';
import {
  AlreadyReported,
  CannotReportOwnContent,
  ContentModerated,
  ContentNotFound,
  ContentReported,
  ModerationItemView,
  ModerationQueueConnection,
  ReportReasonCount,
} from './content-safety.types';
import type { ContentOfTarget, ModerationTargets } from './moderation-targets';

/** A piece of content as a domain stores it: enough to queue it without reading it again. */
export interface QueuedContent {
  type: ContentTargetType;
  id: number;
  communityId: number;
  authorUserId: number;
}

interface ItemRow {
  id: number;
  target_type: ContentTargetType;
  target_id: number;
  status: ModerationItemStatus;
  open_reports: number;
  in_review: number | boolean;
  decision: string | null;
  updated_at: Date | string;
}

const CURSOR = 'mq';

/**
 * 举报 and 内容审核. A queue item is one row per target (moderation_item's unique key), made by the first
 * report or by a `review` verdict. A report is one transaction: the item's conditional +1 first (the row
 * lock orders the reporters of one target), then the report row, whose unique key (item, reporter, open)
 * refuses a second open report and rolls the +1 back. An admin's decision sets the content's status in its
 * domain (ModerationTarget.setStatus), resolves the item and closes its reports, in one transaction.
 */
export class ModerationService {
  constructor(
    private readonly targets: ModerationTargets,
    private readonly access: MemberAccessService,
    private readonly clock: Clock,
  ) {}

  /** A domain stored text that WeChat's check sent to review: put it in its community's queue (in the domain's transaction). */
  async queueForReview(tx: SqlTarget, content: QueuedContent, at: Date): Promise<void> {
    await this.ensureItem(tx, content, at);
    await runStatement(tx, 'update moderation_item set in_review = ?, status = ?, updated_at = ? where target_type = ? and target_id = ?', [
      true,
      ModerationItemStatus.OPEN,
      at,
      content.type,
      content.id,
    ]);
  }

  async report(ctx: ServiceContext, type: ContentTargetType, targetId: number, reason: ReportReason, detail: string | null | undefined): Promise<ContentReported | ErrorResult> {
    const userId = requireUserId(ctx);
    const content = await this.find(ctx, type, targetId);
    if (!content) return new ContentNotFound();
    const reporter = await this.access.callerMember(ctx, content.communityId);
    if (!reporter) return new ContentNotFound(); // a stranger learns nothing about another community's content
    if (reporter.status !== MemberStatus.ACTIVE) return new NotActiveMember();
    if (content.authorUserId === userId) return new CannotReportOwnContent();

    const now = this.clock.now();
    // Outside the transaction: reporters of one target never share a lock on a row they then all want to update.
    await this.ensureItem(ctx.em, { type, id: targetId, communityId: content.communityId, authorUserId: content.authorUserId }, now);
    return inSqlTransaction<ContentReported | ErrorResult>(ctx, async (tx) => {
      await runStatement(tx, 'update moderation_item set open_reports = open_reports + 1, status = ?, updated_at = ? where target_type = ? and target_id = ?', [
        ModerationItemStatus.OPEN,
        now,
        type,
        targetId,
      ]);
      const [item] = await selectRows<{ id: number }>(tx, 'select id from moderation_item where target_type = ? and target_id = ?', [type, targetId]);
      try {
        await runStatement(tx, 'insert into content_report (created_at, item_id, reporter_member_id, reason, detail, open_key) values (?, ?, ?, ?, ?, ?)', [
          now,
          item.id,
          reporter.id,
          reason,
          detail?.trim() || null,
          OPEN_REPORT,
        ]);
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new RollbackWith(new AlreadyReported());
        throw error;
      }
      return Object.assign(new ContentReported(), { targetType: type, targetId: String(targetId) });
    });
  }

  /** Admin (the guard checked the role in `communityId`): newest first, `first` at a time, the content read from its domains. */
  async queue(ctx: ServiceContext, communityId: number, status: ModerationItemStatus, first: number, after?: string | null): Promise<ModerationQueueConnection> {
    const before = after ? decodeCursor(CURSOR, after)[0] : null;
    const rows = await selectRows<ItemRow>(
      ctx.em,
      `select id, target_type, target_id, status, open_reports, in_review, decision, updated_at from moderation_item
        where community_id = ? and status = ?${before === null ? '' : ' and id < ?'} order by id desc limit ?`,
      [communityId, status, ...(before === null ? [] : [before]), first + 1],
    );
    const page = rows.slice(0, first);
    const [contents, reasons] = await Promise.all([this.describeAll(ctx, page), this.reasonsOf(ctx, page, status)]);
    return pageOf(rows, first, (row) => encodeCursor(CURSOR, Number(row.id)), (row) => {
      const content = contents.get(`${row.target_type}:${row.target_id}`);
      const counts = reasons.get(Number(row.id)) ?? [];
      return Object.assign(new ModerationItemView(), {
        id: String(row.id),
        targetType: row.target_type,
        targetId: String(row.target_id),
        status: row.status,
        contentStatus: content?.status ?? ContentStatus.HIDDEN,
        excerpt: content?.excerpt ?? null,
        inReview: Boolean(Number(row.in_review)),
        reportCount: status === ModerationItemStatus.OPEN ? Number(row.open_reports) : counts.reduce((sum, count) => sum + count.count, 0),
        reasons: counts,
        decision: row.decision,
        updatedAt: new Date(row.updated_at),
        authorMemberId: content?.authorMemberId ?? null,
      });
    }) as ModerationQueueConnection;
  }

  /** Admin: hide (HIDDEN) or keep / restore (VISIBLE) a piece of content of `communityId`; resolves its queue item. */
  async decide(ctx: ServiceContext, communityId: number, type: ContentTargetType, targetId: number, status: ContentStatus.VISIBLE | ContentStatus.HIDDEN): Promise<ContentModerated | ErrorResult> {
    const target = this.targets.get(type);
    const content = await this.find(ctx, type, targetId);
    if (!target || !content || content.communityId !== communityId) return new ContentNotFound();
    const now = this.clock.now();
    await inSqlTransaction(ctx, async (tx) => {
      await target.setStatus(tx, targetId, status, now);
      await this.ensureItem(tx, { type, id: targetId, communityId, authorUserId: content.authorUserId }, now);
      await runStatement(
        tx,
        `update moderation_item set status = ?, in_review = ?, open_reports = 0, decision = ?, decided_at = ?, decided_by_id = ?, updated_at = ?
          where target_type = ? and target_id = ?`,
        [ModerationItemStatus.RESOLVED, false, status, now, requireUserId(ctx), now, type, targetId],
      );
      await runStatement(tx, 'update content_report set open_key = null where open_key = ? and item_id = (select id from moderation_item where target_type = ? and target_id = ?)', [
        OPEN_REPORT,
        type,
        targetId,
      ]);
    });
    return Object.assign(new ContentModerated(), { targetType: type, targetId: String(targetId), contentStatus: status });
  }

  private async find(ctx: ServiceContext, type: ContentTargetType, id: number): Promise<ContentOfTarget | null> {
    const [content] = (await this.targets.get(type)?.describe(ctx.em, [id])) ?? [];
    return content ?? null;
  }

  private async ensureItem(target: SqlTarget, content: QueuedContent, at: Date): Promise<void> {
    await runStatement(
      target,
      `${insertIgnoreInto(target)} moderation_item (created_at, community_id, target_type, target_id, author_user_id, status, open_reports, in_review, updated_at)
        values (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      [at, content.communityId, content.type, content.id, content.authorUserId, ModerationItemStatus.OPEN, false, at],
    );
  }

  /** One statement per kind of content on the page. */
  private async describeAll(ctx: ServiceContext, rows: ItemRow[]): Promise<Map<string, ContentOfTarget>> {
    const idsByType = new Map<ContentTargetType, number[]>();
    for (const row of rows) idsByType.set(row.target_type, [...(idsByType.get(row.target_type) ?? []), Number(row.target_id)]);
    const found = new Map<string, ContentOfTarget>();
    await Promise.all(
      [...idsByType].map(async ([type, ids]) => {
        for (const content of (await this.targets.get(type)?.describe(ctx.em, ids)) ?? []) found.set(`${type}:${content.id}`, content);
      }),
    );
    return found;
  }

  private async reasonsOf(ctx: ServiceContext, rows: ItemRow[], status: ModerationItemStatus): Promise<Map<number, ReportReasonCount[]>> {
    const byItem = new Map<number, ReportReasonCount[]>();
    if (rows.length === 0) return byItem;
    const counts = await selectRows<{ item_id: number; reason: ReportReason; n: number | string }>(
      ctx.em,
      `select item_id, reason, count(*) as n from content_report where item_id in (${placeholders(rows.length)})${status === ModerationItemStatus.OPEN ? ' and open_key = ?' : ''}
        group by item_id, reason order by item_id, n desc`,
      [...rows.map((row) => row.id), ...(status === ModerationItemStatus.OPEN ? [OPEN_REPORT] : [])],
    );
    for (const count of counts) {
      const list = byItem.get(Number(count.item_id)) ?? [];
      list.push(Object.assign(new ReportReasonCount(), { reason: count.reason, count: Number(count.n) }));
      byItem.set(Number(count.item_id), list);
    }
    return byItem;
  }
}
