import { memberStatsRow, memberStatsRows, recordMemberChange } from '../health/rollups/member-rollups';
import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { ErrorResult, isErrorResult } from '../graphql/error-result';
import { decodeCursor, encodeCursor, pageOf } from '../graphql/cursor-page';
import { columnsOf, mapPrefixed } from '../db/entity-rows';
import { containsText, isMySql, placeholders, runStatement, selectRows, type SqlTarget } from '../db/sql';
import { inTransaction, RollbackWith } from '../db/transaction';
import { Member } from './member.entity';
import { MemberRole, MemberStatus, ROLE_RANK } from './member.enums';
import { MemberConnection, MemberNotFound, MemberUpdated, RoleNotAllowed } from './member.types';
import type { MemberAccessService } from './member-access.service';
import type { Clock } from '../common/clock';

export type MemberActionOutcome = MemberUpdated | ErrorResult;

/**
 * What a ban gives back, in the ban's transaction: the member's live group-buy entries and sign-up
 * seats in activities still open (the waitlist promoted). Implemented by the group-buy and sign-up
 * domains, bound in app-services.ts (they depend on the member domain, not it on them).
 */
export type ReleaseBannedMember = (em: EntityManager, memberId: number, now: Date) => Promise<void>;

/** What an admin narrows the member list by; every filter given must hold. */
export interface MemberFilters {
  /** Part of the nickname, as typed. */
  search?: string | null;
  /** Without it: everyone but REMOVED. */
  status?: MemberStatus | null;
  role?: MemberRole | null;
  tierLevel?: number | null;
  tag?: string | null;
}

const CURSOR = 'mb';
const cursorOf = (member: Member) => encodeCursor(CURSOR, member.joinedAt.getTime(), member.id);

/** Admin work on members. The guard has checked the caller is an admin of `communityId`. */
export class MemberAdminService {
  constructor(
    private readonly access: MemberAccessService,
    private readonly clock: Clock,
    private readonly releaseBanned: ReleaseBannedMember,
  ) {}

  /**
   * The community's members, newest first (by join, then id), a page at a time by cursor, narrowed by the
   * filters. The (community, status, joined_at) index serves a status; the others are tested on the
   * community's rows in join order, a community being at most a few thousand members.
   */
  async list(ctx: ServiceContext, communityId: number, filters: MemberFilters, first: number, after?: string | null): Promise<MemberConnection> {
    const matching = memberFilter(ctx.em, communityId, filters);
    const from = matching.needsUser ? 'member m join app_user u on u.id = m.user_id' : 'member m';
    const position = after ? afterPosition(after) : null;
    const [rows, [count]] = await Promise.all([
      selectRows<Record<string, unknown>>(
        ctx.em,
        `select ${columnsOf(ctx.em, Member, 'm')} from ${from}
          where ${matching.sql}${position ? ' and (m.joined_at < ? or (m.joined_at = ? and m.id < ?))' : ''}
          order by m.joined_at desc, m.id desc limit ?`,
        [...matching.values, ...(position ? [position.joinedAt, position.joinedAt, position.id] : []), first + 1],
      ),
      selectRows<{ total: number | string }>(ctx.em, `select count(*) as total from ${from} where ${matching.sql}`, matching.values),
    ]);
    const members = rows.map((row) => mapPrefixed(ctx.em, Member, 'm', row));
    return { ...pageOf(members, first, cursorOf, (member) => member), totalCount: Number(count?.total ?? 0) };
  }

  setRole(ctx: ServiceContext, communityId: number, memberId: number, role: MemberRole): Promise<MemberActionOutcome> {
    return this.change(ctx, communityId, memberId, role, (target) =>
      target.status === MemberStatus.ACTIVE ? { role } : new RoleNotAllowed('只能给正常状态的成员设置角色'),
    );
  }

  remove(ctx: ServiceContext, communityId: number, memberId: number): Promise<MemberActionOutcome> {
    return this.change(ctx, communityId, memberId, MemberRole.MEMBER, (target) =>
      target.status === MemberStatus.BANNED ? {} : { status: MemberStatus.REMOVED, role: MemberRole.MEMBER },
    );
  }

  /** Banned: they may not join again, do nothing more, and give back their live entries and seats (their coupons are refused at the counter). */
  ban(ctx: ServiceContext, communityId: number, memberId: number): Promise<MemberActionOutcome> {
    return this.change(
      ctx,
      communityId,
      memberId,
      MemberRole.MEMBER,
      (target) => (target.status === MemberStatus.BANNED ? {} : { status: MemberStatus.BANNED, role: MemberRole.MEMBER }),
      (em, target, now) => this.releaseBanned(em, target.id, now),
    );
  }

  /**
   * Removes several members at once (the third wake-up step), all or none, in one transaction:
   * every id must be a member of this community ranked below the actor. Banned members stay
   * banned; members already removed stay removed.
   * @returns the members as they are after the change.
   */
  async removeMany(ctx: ServiceContext, communityId: number, memberIds: number[]): Promise<Member[] | ErrorResult> {
    const actor = await this.access.requireActiveMember(ctx, communityId);
    const ids = [...new Set(memberIds)].sort((a, b) => a - b);
    const outcome = await inTransaction<ErrorResult | null>(ctx, async (em) => {
      const targets = await selectRows<{ id: number; role: MemberRole }>(
        em,
        `select id, role from member where community_id = ? and id in (${placeholders(ids.length)}) order by id${isMySql(em) ? ' for update' : ''}`,
        [communityId, ...ids],
      );
      if (targets.length !== ids.length) throw new RollbackWith(new MemberNotFound('所选成员中有人不在本社群，未移出任何人'));
      if (targets.some((target) => ROLE_RANK[target.role] >= ROLE_RANK[actor.role])) throw new RollbackWith(new RoleNotAllowed('只能移出角色低于你的成员，未移出任何人'));
      const before = await memberStatsRows(em, `id in (${placeholders(ids.length)})`, ids);
      await runStatement(
        em,
        // left_at first: MySQL's later assignments would see the new status.
        `update member set left_at = case when status = ? then ? else left_at end, status = ?, role = ?
          where community_id = ? and id in (${placeholders(ids.length)}) and status in (?, ?)`,
        [MemberStatus.ACTIVE, this.clock.now(), MemberStatus.REMOVED, MemberRole.MEMBER, communityId, ...ids, MemberStatus.ACTIVE, MemberStatus.APPLICANT],
      );
      const after = await memberStatsRows(em, `id in (${placeholders(ids.length)})`, ids);
      for (const [i, row] of after.entries()) await recordMemberChange(em, before[i], row);
      return null;
    });
    if (outcome) return outcome;
    return ctx.em.fork().find(Member, { id: { $in: ids } }, { populate: ['user'], orderBy: { id: 'asc' } });
  }

  /**
   * An actor manages only members ranked strictly below itself and grants only roles below its
   * own (nobody grants OWNER). The update is conditional on the role and status the decision
   * was made on, so a simultaneous change cannot slip past the rank check.
   */
  private async change(
    ctx: ServiceContext,
    communityId: number,
    memberId: number,
    resultingRole: MemberRole,
    decide: (target: Member) => Partial<Pick<Member, 'role' | 'status'>> | ErrorResult,
    /** More work in the change's transaction, after the member row changed (and is locked by it). */
    alongside?: (em: EntityManager, target: Member, now: Date) => Promise<void>,
  ): Promise<MemberActionOutcome> {
    const actor = await this.access.requireActiveMember(ctx, communityId);
    const target = await ctx.em.findOne(Member, { id: memberId, community: communityId }, { populate: ['user'] });
    if (!target) return new MemberNotFound();
    const actorRank = ROLE_RANK[actor.role];
    if (ROLE_RANK[target.role] >= actorRank || ROLE_RANK[resultingRole] >= actorRank) return new RoleNotAllowed();

    const changes = decide(target);
    if (isErrorResult(changes)) return changes;
    if (Object.keys(changes).length === 0) return updated(target);
    const role = changes.role ?? target.role;
    const status = changes.status ?? target.status;
    const now = this.clock.now();
    // Leaving: the moment an ACTIVE member stops being one (the community stats count members by it).
    const leftAt = target.status === MemberStatus.ACTIVE && status !== MemberStatus.ACTIVE ? now : null;
    const outcome = await inTransaction<ErrorResult | null>(ctx, async (em) => {
      const before = await memberStatsRow(em, target.id);
      const { affectedRows } = await runStatement(
        em,
        'update member set role = ?, status = ?, left_at = coalesce(?, left_at) where id = ? and role = ? and status = ?',
        [role, status, leftAt, target.id, target.role, target.status],
      );
      if (affectedRows !== 1) throw new RollbackWith(new RoleNotAllowed('成员状态刚刚发生了变化，请刷新后重试'));
      await recordMemberChange(em, before, await memberStatsRow(em, target.id));
      await alongside?.(em, target, now);
      return null;
    });
    if (outcome) return outcome;
    return updated(await ctx.em.refreshOrFail(target));
  }
}

function afterPosition(cursor: string): { joinedAt: Date; id: number } {
  const [joinedAt, id] = decodeCursor(CURSOR, cursor, 2);
  return { joinedAt: new Date(joinedAt), id };
}

/** The WHERE of the member list (over `member m`, and `app_user u` when it searches nicknames) and its values. */
function memberFilter(target: SqlTarget, communityId: number, filters: MemberFilters): { sql: string; values: unknown[]; needsUser: boolean } {
  const conditions = ['m.community_id = ?', filters.status ? 'm.status = ?' : 'm.status <> ?'];
  const values: unknown[] = [communityId, filters.status ?? MemberStatus.REMOVED];
  if (filters.role) {
    conditions.push('m.role = ?');
    values.push(filters.role);
  }
  if (filters.tierLevel != null) {
    conditions.push('m.tier_level = ?');
    values.push(filters.tierLevel);
  }
  if (filters.tag) {
    // tags is a JSON array of strings (MariaDB: LONGTEXT holding JSON; SQLite: text)
    conditions.push(isMySql(target) ? 'json_contains(m.tags, json_quote(?))' : 'exists (select 1 from json_each(m.tags) where json_each.value = ?)');
    values.push(filters.tag);
  }
  const search = filters.search?.trim();
  if (search) {
    const nickname = containsText('u.nickname', search);
    conditions.push(nickname.sql);
    values.push(nickname.value);
  }
  return { sql: conditions.join(' and '), values, needsUser: !!search };
}

function updated(member: Member): MemberUpdated {
  return Object.assign(new MemberUpdated(), { member });
}
