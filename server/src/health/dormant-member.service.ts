import type { FilterQuery } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { decodeCursor, encodeCursor, pageOf } from '../graphql/cursor-page';
import { daysBetween, localDate } from '../common/local-date';
import { selectRows } from '../db/sql';
import { Member } from '../member/member.entity';
import { MemberStatus } from '../member/member.enums';
import { DormantMemberConnection, DormantSummary } from './dormant-member.types';
import { addDays, localMidnight } from '../common/local-date';
import type { Clock } from '../common/clock';

/** Silent since: the last action, or the join for a member never active since. */
const silentSince = (member: Member) => member.lastActiveAt ?? member.joinedAt;

const CURSOR = 'dm';
const cursorOf = (member: Member) => encodeCursor(CURSOR, silentSince(member).getTime(), member.id);

function positionOf(cursor: string): { since: Date; id: number } {
  const [since, id] = decodeCursor(CURSOR, cursor, 2);
  return { since: new Date(since), id };
}

/**
 * 沉睡成员: ACTIVE members silent for N+ whole local days. "Silent N days" means the last action
 * fell on the date N days before today (or earlier), so the test is one instant comparison:
 * silent since before the local midnight that began day today−N+1. The (community, status,
 * last_active_at) index serves it.
 */
export class DormantMemberService {
  constructor(
    private readonly clock: Clock,
  ) {}

  async summary(ctx: ServiceContext, communityId: number): Promise<DormantSummary> {
    const tz = await this.timezoneOf(ctx, communityId);
    const [t7, t15, t30] = [7, 15, 30].map((days) => this.silentBefore(ctx, tz, days));
    const since = 'coalesce(last_active_at, joined_at)';
    const [row] = await selectRows<Record<string, number | string | null>>(
      ctx.em,
      `select sum(case when ${since} < ? then 1 else 0 end) as s7,
              sum(case when ${since} < ? then 1 else 0 end) as s15,
              sum(case when ${since} < ? then 1 else 0 end) as s30
         from member where community_id = ? and status = ? and ${since} < ?`,
      [t7, t15, t30, communityId, MemberStatus.ACTIVE, t7],
    );
    return Object.assign(new DormantSummary(), { silent7: Number(row?.s7 ?? 0), silent15: Number(row?.s15 ?? 0), silent30: Number(row?.s30 ?? 0) });
  }

  /** Longest silent first (then by id), by cursor. */
  async list(ctx: ServiceContext, communityId: number, days: number, first: number, after?: string | null): Promise<DormantMemberConnection> {
    const tz = await this.timezoneOf(ctx, communityId);
    const before = this.silentBefore(ctx, tz, days);
    const silent: FilterQuery<Member> = {
      community: communityId,
      status: MemberStatus.ACTIVE,
      $or: [{ lastActiveAt: { $lt: before } }, { lastActiveAt: null, joinedAt: { $lt: before } }],
    };
    const where: FilterQuery<Member> = after ? { $and: [silent, this.after(positionOf(after))] } : silent;
    // Members never active since joining (lastActiveAt null) sort by their join, as the silence is counted.
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(Member, where, { populate: ['user'], orderBy: [{ lastActiveAt: 'asc' }, { id: 'asc' }], limit: first + 1 }),
      ctx.em.count(Member, silent),
    ]);
    rows.sort((a, b) => silentSince(a).getTime() - silentSince(b).getTime() || a.id - b.id);
    const today = localDate(this.clock.now(), tz);
    return {
      ...pageOf(rows, first, cursorOf, (member) => ({
        member,
        lastActiveAt: member.lastActiveAt ?? null,
        silentDays: daysBetween(localDate(silentSince(member), tz), today),
      })),
      totalCount,
    };
  }

  private after({ since, id }: { since: Date; id: number }): FilterQuery<Member> {
    return {
      $or: [
        { lastActiveAt: { $gt: since } },
        { lastActiveAt: since, id: { $gt: id } },
        { lastActiveAt: null, joinedAt: { $gt: since } },
        { lastActiveAt: null, joinedAt: since, id: { $gt: id } },
      ],
    };
  }

  /** Local midnight that began the date `days − 1` days ago: silent N+ days ⇔ silent since before it. */
  private silentBefore(ctx: ServiceContext, tz: string, days: number): Date {
    const today = localDate(this.clock.now(), tz);
    return localMidnight(addDays(today, 1 - days), tz);
  }

  private async timezoneOf(ctx: ServiceContext, communityId: number): Promise<string> {
    return (await ctx.loaders.community.load(communityId))!.timezone;
  }
}
